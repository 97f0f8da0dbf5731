import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { formatGrowth, formatSpendExact } from '../charts/formats';
import { segmentSpending } from './segment-spending';
import { spendingRevisions } from './spending-revisions';
import { newestCompleteRelease, spendingReleases } from './spending-releases';

let conn: Connector;
beforeAll(async () => {
	conn = await connectorWithDatasets(['it_spending']);
});

describe('segmentSpending through DuckDB', () => {
	it('gives the October 2022 release figures for 2023 that the guide quotes', async () => {
		const rows = await segmentSpending(conn, { release: '2022-10', year: 2023 });
		const bySegment = Object.fromEntries(rows.map((r) => [r.segment, r]));
		expect(rows.map((r) => r.segment).sort()).toEqual(
			['Communications Services', 'Data Center Systems', 'Devices', 'IT Services', 'Software', 'Total'].sort()
		);
		expect([bySegment['Data Center Systems'].spend, bySegment['Data Center Systems'].growth]).toEqual([216.26, 3.4]);
		expect([bySegment['Software'].spend, bySegment['Software'].growth]).toEqual([879.62, 11.3]);
		expect([bySegment['Devices'].spend, bySegment['Devices'].growth]).toEqual([735.39, -0.6]);
		expect([bySegment['Communications Services'].spend, bySegment['Communications Services'].growth]).toEqual([1469, 2.4]);
		expect(formatSpendExact(bySegment['Communications Services'].spend)).toBe('$1,469B');
		expect(formatGrowth(bySegment['Devices'].growth)).toBe('-0.6%');
		for (const segment of ['Data Center Systems', 'Software', 'Devices', 'Communications Services'])
			expect(bySegment[segment].growthDerived).toBe(false);
	});

	it('derives a growth the release omits from its previous year, and marks it derived', async () => {
		const [itServices] = (await segmentSpending(conn, { release: '2022-10', year: 2023 })).filter(
			(r) => r.segment === 'IT Services'
		);
		expect(itServices.spend).toBe(1357);
		expect(itServices.growthDerived).toBe(true);
		expect(itServices.growth).toBeCloseTo((1357 / 1258 - 1) * 100, 10);
		expect(formatGrowth(itServices.growth)).toBe('+7.9%');
	});

	it('leaves growth empty when neither the release nor its previous year gives it', async () => {
		const rows = await segmentSpending(conn, { release: '2026-04', year: 2026 });
		const unpublished = rows.filter((r) => r.spend === null);
		expect(unpublished.length).toBe(2);
		for (const row of rows.filter((r) => r.growth === null)) expect(row.growthDerived).toBe(false);
	});

	it('keeps the source of every row', async () => {
		const rows = await segmentSpending(conn, { release: '2026-02' });
		expect(rows).toHaveLength(12);
		expect(new Set(rows.map((r) => r.sourcePubDate))).toEqual(new Set(['2026-02-03']));
		expect(rows.every((r) => r.sourceUrl.startsWith('https://'))).toBe(true);
	});

	it('gives every release at once, each row with its own release’s figures and growth', async () => {
		const every = await segmentSpending(conn);
		expect(every).toHaveLength(327);
		for (const { release } of await spendingReleases(conn))
			expect(every.filter((row) => row.release === release), release).toEqual(await segmentSpending(conn, { release }));
		// Derived from the same release's 2022 figure ($1,258B), not from another release's.
		const itServices = every.find((r) => r.release === '2022-10' && r.segment === 'IT Services' && r.year === 2023);
		expect(itServices?.growth).toBeCloseTo((1357 / 1258 - 1) * 100, 10);
	});

	it('treats the release as a bound value, not SQL', async () => {
		const rows = await segmentSpending(conn, { release: "2022-10' OR '1'='1" });
		expect(rows).toEqual([]);
	});
});

describe('spendingReleases', () => {
	it('lists all 25 releases and picks February 2026 as the newest complete one', async () => {
		const releases = await spendingReleases(conn);
		expect(releases).toHaveLength(25);
		expect(releases[0].release).toBe('2026-04');
		expect(releases[0].complete).toBe(false);
		expect(releases[0].missingValues).toBe(4);
		expect(newestCompleteRelease(releases)?.release).toBe('2026-02');
		expect(releases.find((r) => r.release === '2022-10')?.years).toEqual([2022, 2023]);
	});

	it('counts each missing figure once, where a figure was read from two sources too', async () => {
		const missing = Object.fromEntries((await spendingReleases(conn)).map((r) => [r.release, r.missingValues]));
		// Apr 2022: the 2021 Total's growth and two 2023 figures; Jul 2022: 15 of its 24 figures.
		expect([missing['2022-04'], missing['2022-07'], missing['2021-01']]).toEqual([3, 15, 13]);
	});

	it('gives one row per segment and year where a figure was read from two sources (Jul 2022: 6 rows, Total 2023 once)', async () => {
		const rows = await segmentSpending(conn, { release: '2022-07' });
		expect(rows.map((r) => `${r.segment} ${r.year}`)).toEqual([
			'Data Center Systems 2022', 'Devices 2022', 'IT Services 2022', 'Software 2022', 'Total 2022', 'Total 2023'
		]);
	});
});

describe('spendingRevisions', () => {
	it('gives one segment and year’s figure from every release that has it, oldest release first', async () => {
		const rows = await spendingRevisions(conn, { segment: 'Data Center Systems', year: 2024 });
		expect(rows.map((r) => [r.release, r.growth, r.spend, r.kind])).toEqual([
			['2023-04', 6.1, 237.79, 'forecast'],
			['2023-10', 9.5, 260.221, 'forecast'],
			['2024-01', 7.5, 261.332, 'forecast'],
			['2024-04', 10, 259.6, 'forecast'],
			['2024-07', 24.1, 293.091, 'forecast'],
			['2024-10', 34.7, 318.008, 'forecast'],
			['2025-01', 39.4, 329.132, 'actual'],
			['2025-07', 40.3, 333.372, 'actual']
		]);
		expect(Object.keys(rows[0]).sort()).toEqual(['growth', 'kind', 'release', 'sourcePubDate', 'sourceTitle', 'sourceUrl', 'spend']);
	});

	it('gives nothing for a segment or year no release has', async () => {
		expect(await spendingRevisions(conn, { segment: 'Software', year: 1999 })).toEqual([]);
		expect(await spendingRevisions(conn, { segment: "Software' OR '1'='1", year: 2024 })).toEqual([]);
	});
});
