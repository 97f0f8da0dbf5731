import { describe, expect, it } from 'vitest';
import { sourceItems, sourceNotes, sourceText, uploadCitesText } from './sources';

const rows = [
	{ title: 'Report A', url: 'https://a.example/', period: '2024-01', date: '2024-02-01' },
	{ title: 'Report A', url: 'https://a.example/', period: '2024-02', date: '2024-02-01' },
	{ title: 'Report B', url: 'https://b.example/', period: '2024-03', date: '2024-04-02' }
];
const items = sourceItems(rows, (r) => ({ title: r.title, url: r.url, vintage: r.period, published: r.date }));

describe('source lines', () => {
	it('lists each cited page once, with every period it gave', () => {
		expect(items.map((i) => [i.title, i.vintage])).toEqual([['Report A', '2024-01, 2024-02'], ['Report B', '2024-03']]);
	});

	it('names up to three pages, counts more, and falls back to the one source', () => {
		const base = { publisher: 'CompTIA', title: 'Tech Jobs Report', url: '', vintage: '2024', vintageLabel: 'reports for' };
		expect(sourceText({ ...base, items })).toBe('CompTIA, Report A (2024-01, 2024-02, published 2024-02-01); Report B (2024-03, published 2024-04-02)');
		const many = [1, 2, 3, 4].map((n) => ({ title: `R${n}`, url: '', vintage: `2024-0${n}` }));
		expect(sourceText({ ...base, items: many })).toBe('CompTIA, 4 sources · reports for 2024 (listed in the table view)');
		expect(sourceText({ ...base, published: '2024-05-01' })).toBe('CompTIA, Tech Jobs Report · reports for 2024 · published 2024-05-01');
	});

	it('skips rows that name no page, and names a page by its URL when it has no title', () => {
		const cited = sourceItems(
			[{ t: null, u: null }, { t: null, u: 'https://c.example/' }, { t: 'D', u: null }],
			(r) => ({ title: r.t as unknown as string, url: r.u as unknown as string, vintage: '2026' })
		);
		expect(cited.map((i) => i.title)).toEqual(['D', 'https://c.example/']);
	});

	it('says what an uploaded version’s rows cite and their own notes, the most common first, so test rows never read like the shipped source', () => {
		const notes = sourceNotes(['second note', 'TEST, not real Gartner data', null, ' TEST, not real Gartner data ', '', 'second note', 'TEST, not real Gartner data']);
		expect(notes).toEqual(['TEST, not real Gartner data', 'second note']);
		const base = { publisher: 'Gartner', title: 'x', url: '', vintage: 'Nov 2026' };
		expect(uploadCitesText({ ...base, items: [{ title: 'My test page', url: '', vintage: 'Nov 2026 release' }], notes })).toBe(
			'the rows shown cite My test page (Nov 2026 release) · their notes: “TEST, not real Gartner data”; “second note”'
		);
		expect(uploadCitesText({ ...base, items: [], notes: ['a', 'b', 'c', 'd', 'e'] })).toBe('the rows shown name no source · their notes: “a”; “b”; “c” and 2 more (in the table view)');
	});
});
