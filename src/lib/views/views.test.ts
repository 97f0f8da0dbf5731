import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatGrowth, formatSpendExact } from '../charts/formats';
import { datasets } from '../datasets';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { REGIONS } from '../queries/salary-ladder';
import { segmentSpending } from '../queries/segment-spending';
import { spendingReleases } from '../queries/spending-releases';
import { FAMILIES, OEWS_YEARS, careersView, surveyView, wagesView } from './careers';
import { pathSteps } from './career-steps';
import { ladderSeries, outlookBars, remoteStacks, stepBars, wageRanges } from './careers-charts';
import { industriesView, sectorOf } from './industries';
import { overviewView } from './overview';
import { kpiTiles, segmentBars, segmentSeries, spendTableRows } from './overview-charts';

let conn: Connector;
beforeAll(async () => {
	conn = await connectorWithDatasets(datasets.map((d) => d.name), [path.resolve('data') + path.sep]);
}, 120_000);

describe('every selection the overview offers', () => {
	it('gives every release × year its own figures, its Total where published, and no error', async () => {
		const releases = await spendingReleases(conn);
		expect(releases).toHaveLength(25);
		for (const release of releases)
			for (const year of release.years) {
				const at = `${release.release} ${year}`;
				const view = await overviewView(conn, { release: release.release, year });
				expect([view.release.release, view.year, view.notice], at).toEqual([release.release, year, null]);
				const published = await segmentSpending(conn, { release: release.release, year });
				expect(view.kpis.total !== null, `${at}: Total`).toBe(published.some((r) => r.segment === 'Total'));
				expect(kpiTiles(view), at).toHaveLength(4);
				segmentBars(view.bars);
				segmentSeries(view);
				const rows = spendTableRows(view);
				expect(new Set(rows.map((r) => r.segment)).size, `${at}: one row per segment`).toBe(rows.length);
			}
	});

	it.each([
		['2022-07', 2023, '$4,810B', '+6.1%'],
		['2022-07', 2022, '$4,500B', '+3.0%'],
		['2021-01', 2021, '$3,920B', '+6.2%'],
		['2021-01', 2020, 'not published', '-3.2%'],
		['2020-10', 2019, '$3,816B', 'n/a'],
		['2022-04', 2022, '$4,431.646B', '+4.0%']
	])('shows the published Total for %s / %i (once only a Total row, or two sources)', async (release, year, spend, growth) => {
		const { kpis } = await overviewView(conn, { release, year });
		expect([formatSpendExact(kpis.total!.spend), formatGrowth(kpis.total!.growth)]).toEqual([spend, growth]);
	});

	it('keeps the other source’s figure visible on the kept row', async () => {
		const jul = await overviewView(conn, { release: '2022-07', year: 2022 });
		expect(jul.kpis.total!.alsoPublished).toContain('$4,530B, no growth figure');
		expect(kpiTiles(jul)[0].note).toContain('$4,530B');
		const jan = await overviewView(conn, { release: '2021-01', year: 2021 });
		expect(jan.kpis.total!.alsoPublished).toContain('the growth shown is taken from it');
		const apr = await overviewView(conn, { release: '2022-04', year: 2022 });
		expect(apr.kpis.total!.alsoPublished).toContain('no spending figure, +4.0%');
	});
});

describe('every selection the careers and industries pages offer', () => {
	it('gives wages and career steps for every OEWS year', async () => {
		for (const year of OEWS_YEARS) {
			const view = await wagesView(conn, year);
			expect(view.wages.length, String(year)).toBeGreaterThan(10);
			expect(wageRanges(view.wages).length).toBe(view.wages.length);
			for (const family of FAMILIES) stepBars(pathSteps(view.steps, [], family), family);
			// Every step selects a row the wage chart draws (CTO, CISO, CDO and CIO are OEWS Chief Executives).
			const drawn = wageRanges(view.wages).map((r) => r.key);
			for (const step of view.steps) expect(drawn, `${year} ${step.path} ${step.step}. ${step.role}`).toContain(step.soc_code);
		}
	});

	it('gives a ladder and remote shares for every region and every pair of families', async () => {
		for (const region of REGIONS) {
			const view = await surveyView(conn, region);
			for (const a of FAMILIES)
				for (const b of FAMILIES) {
					const series = ladderSeries(view.ladder, [a, b]);
					expect(series.length, `${region} ${a} / ${b}`).toBeGreaterThan(0);
					for (const point of series.flatMap((s) => s.points)) expect(Number.isFinite(point.y), `${region} ${a}`).toBe(true);
				}
			for (const family of FAMILIES) expect(remoteStacks(view.remote, family).length, `${region} ${family}`).toBeGreaterThan(0);
		}
	});

	it('ranks outlook by each occupation’s newest projection: information security 2024-34, +28.5%', async () => {
		const { outlook } = await careersView(conn);
		const security = outlook.filter((r) => r.occupation === 'Information security analysts');
		expect(security.map((r) => [r.projection_period, r.projected_growth_pct])).toEqual([['2024-34', 28.5]]);
		expect(outlookBars(outlook).length).toBe(outlook.length);
	});

	it('gives every industry its profile and postings sector', async () => {
		const view = await industriesView(conn);
		expect(view.profiles.length).toBe(7);
		for (const profile of view.profiles) {
			const needs = view.needs.filter((n) => n.industry === profile.industry);
			if (profile.postings_match !== 'no match')
				expect(view.byIndustry.some((r) => sectorOf(r.dimension).toLowerCase() === profile.postings_sector?.toLowerCase()), profile.industry).toBe(true);
			for (const need of needs) expect(need.path, profile.industry).toBeTruthy();
		}
	});
});
