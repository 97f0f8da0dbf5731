import { describe, expect, it } from 'vitest';
import { sourceItems, sourceText } from './sources';

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
});
