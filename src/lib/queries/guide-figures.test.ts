import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { guideQuoted } from '../views/guide-quotes';
import { guideFigures } from './guide-figures';

const GUIDE = 'Mastering Technology Management: Complete Guide for Technology Leaders (Igor K, 2024-05-31)';
const POSTINGS = 'There is a 15% increase in job postings for executive leadership and a 6% increase for operations roles.';
const REMOTE = 'Nearly a quarter of new technology positions in 2023 offered hybrid work arrangements, and an additional 17% were fully remote.';
const EDUCATION =
	'For example, those with at least a bachelor’s degree made a median income of $1,608 per week in the fourth quarter of 2023, compared to $917 per week for high school graduates.';

let conn: Connector;
beforeAll(async () => {
	conn = await connectorWithDatasets(['guide_figures']);
});

const picked = (rows: Awaited<ReturnType<typeof guideFigures>>) => rows.map((r) => [r.figure_as_printed, r.value, r.unit, r.period]);

describe('guideFigures through DuckDB', () => {
	it('gives the postings trend as printed, with no period the guide does not state', async () => {
		const rows = await guideFigures(conn, 'postings-time');
		expect(picked(rows)).toEqual([
			['15% increase', 15, 'percent increase', 'not stated'],
			['6% increase', 6, 'percent increase', 'not stated']
		]);
		for (const r of rows) expect([r.quote, r.source_title, r.source_pub_date, r.source_line]).toEqual([POSTINGS, GUIDE, '2024-05-31', 30]);
	});

	it('keeps “Nearly a quarter” as words: no number the guide did not print', async () => {
		const rows = await guideFigures(conn, 'remote');
		expect(picked(rows)).toEqual([
			['Nearly a quarter', null, 'share of positions, in words', '2023'],
			['17%', 17, 'percent of positions', '2023']
		]);
		for (const r of rows) expect([r.quote, r.source_line]).toEqual([REMOTE, 30]);
	});

	it('gives the Q4 2023 weekly incomes as printed', async () => {
		const rows = await guideFigures(conn, 'education');
		expect(picked(rows)).toEqual([
			['$1,608 per week', 1608, 'USD/week', '2023-Q4'],
			['$917 per week', 917, 'USD/week', '2023-Q4']
		]);
		for (const r of rows) expect([r.quote, r.source_section, r.source_line]).toEqual([EDUCATION, 'Part 3: Technology Management Education', 459]);
	});

	it('binds the chart id as a parameter: an unknown or hostile id matches nothing', async () => {
		expect(await guideFigures(conn, "education' OR '1'='1")).toEqual([]);
	});

	it('becomes one labelled note per chart, each sentence once', async () => {
		const note = guideQuoted(await guideFigures(conn, 'postings-time'))!;
		expect(note.label).toBe('As quoted in the guide (May 2024), not in the primary data');
		expect(note.quotes).toEqual([{ text: POSTINGS, where: 'Part 1: The Technology Management Landscape, line 30' }]);
		expect(note.figures.map((f) => f.figure)).toEqual(['15% increase', '6% increase']);
		expect(note.source.title).toBe(GUIDE);
		expect(guideQuoted([])).toBeNull();
	});
});
