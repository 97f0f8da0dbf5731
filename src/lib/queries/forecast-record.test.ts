import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { firstForecasts } from '../reshape/forecast-record';
import { forecastBand, horizonMonths } from '../reshape/forecast-band';
import { recordReadings } from '../views/forecast-record-charts';
import { overviewView } from '../views/overview';
import { segmentSeries } from '../views/overview-charts';
import { ALL_SEGMENTS, forecastRecord, horizonErrors, restatedBases, type ForecastRecordRow, type HorizonErrorRow } from './forecast-record';

// Every figure below is read by hand from data/gartner_it_spending_releases.csv (row numbers are the file's lines).
let conn: Connector;
let record: ForecastRecordRow[];
let errors: HorizonErrorRow[];
beforeAll(async () => {
	conn = await connectorWithDatasets(['it_spending']);
	record = await forecastRecord(conn);
	errors = await horizonErrors(conn);
});

const path = (segment: string, year: number) => record.filter((r) => r.segment === segment && r.year === year);
const pick = (rows: ForecastRecordRow[]) =>
	rows.map((r) => ({ release: r.release, horizon: r.horizon, spend: r.spend, errorPct: r.errorPct, restatedIn: r.restatedIn }));

describe('forecast record, by hand from the releases file', () => {
	it('Data Center Systems 2024: first forecast +6.1% in Apr 2023, settled at $333.372B (+40.3%) in Jul 2025', () => {
		// Lines 190, 221, 235, 247, 255, 266 (forecasts) and 290 (Jul 2025: the newest release reporting 2024 as actual).
		const settled = 333.372;
		expect(pick(path('Data Center Systems', 2024))).toEqual([
			{ release: '2023-04', horizon: 12 + 12 - 4, spend: 237.79, errorPct: (237.79 / settled - 1) * 100, restatedIn: null },
			{ release: '2023-10', horizon: 12 + 12 - 10, spend: 260.221, errorPct: (260.221 / settled - 1) * 100, restatedIn: null },
			{ release: '2024-01', horizon: 12 - 1, spend: 261.332, errorPct: (261.332 / settled - 1) * 100, restatedIn: null },
			{ release: '2024-04', horizon: 12 - 4, spend: 259.6, errorPct: (259.6 / settled - 1) * 100, restatedIn: null },
			{ release: '2024-07', horizon: 12 - 7, spend: 293.091, errorPct: (293.091 / settled - 1) * 100, restatedIn: null },
			{ release: '2024-10', horizon: 12 - 10, spend: 318.008, errorPct: (318.008 / settled - 1) * 100, restatedIn: null }
		]);
		const [first] = path('Data Center Systems', 2024);
		expect([first.revision, first.growth, first.settledRelease, first.settledGrowth]).toEqual([1, 6.1, '2025-07', 40.3]);
		expect(first.errorPct).toBeCloseTo(-28.67, 2);
		expect(first.growthErrorPts).toBeCloseTo(6.1 - 40.3, 10);
	});

	it('Devices 2023: seven forecasts from Jan 2022, settled at $692.784B in Jul 2024, the first one 16.1% too high', () => {
		// Lines 129, 147, 169, 181, 192, 207, 223; settled from line 256 (Jul 2024), not the Jan or Apr 2024 estimates.
		const settled = 692.784;
		expect(pick(path('Devices', 2023))).toEqual([
			{ release: '2022-01', horizon: 23, spend: 804.253, errorPct: (804.253 / settled - 1) * 100, restatedIn: null },
			{ release: '2022-04', horizon: 20, spend: 837.844, errorPct: (837.844 / settled - 1) * 100, restatedIn: null },
			{ release: '2022-10', horizon: 14, spend: 735.39, errorPct: (735.39 / settled - 1) * 100, restatedIn: null },
			{ release: '2023-01', horizon: 11, spend: 685.633, errorPct: (685.633 / settled - 1) * 100, restatedIn: null },
			{ release: '2023-04', horizon: 8, spend: 684.342, errorPct: (684.342 / settled - 1) * 100, restatedIn: null },
			{ release: '2023-07', horizon: 5, spend: 700.023, errorPct: (700.023 / settled - 1) * 100, restatedIn: null },
			{ release: '2023-10', horizon: 2, spend: 689.288, errorPct: (689.288 / settled - 1) * 100, restatedIn: null }
		]);
		expect(path('Devices', 2023)[0].errorPct).toBeCloseTo(16.09, 2);
	});

	it('Software 2021: the forecasts made before Jul 2021 restated the 2020 base ($466.647B → $529.028B) are shown but not counted; Oct 2020 gave growth only', () => {
		// Lines 7, 36, 60, 71, 89, 107 (line 50, Oct 2020, has no spending figure); settled from line 142 (Apr 2022).
		const settled = 614.494;
		expect(pick(path('Software', 2021))).toEqual([
			{ release: '2020-01', horizon: 23, spend: 556, errorPct: (556 / settled - 1) * 100, restatedIn: '2021-07' },
			{ release: '2020-07', horizon: 17, spend: 482.666, errorPct: (482.666 / settled - 1) * 100, restatedIn: '2021-07' },
			{ release: '2021-01', horizon: 11, spend: 505, errorPct: (505 / settled - 1) * 100, restatedIn: '2021-07' },
			{ release: '2021-04', horizon: 8, spend: 516.872, errorPct: (516.872 / settled - 1) * 100, restatedIn: '2021-07' },
			{ release: '2021-07', horizon: 5, spend: 598.957, errorPct: (598.957 / settled - 1) * 100, restatedIn: null },
			{ release: '2021-10', horizon: 2, spend: 600.895, errorPct: (600.895 / settled - 1) * 100, restatedIn: null }
		]);
	});

	it('finds the restated bases by the 10% rule, Communications Services 2024 (Jan 2025) among them, and counts none of the forecasts across one', async () => {
		const bases = await restatedBases(conn);
		expect(bases.map((b) => `${b.segment} ${b.year} ${b.release}`)).toEqual([
			'Data Center Systems 2020 2021-04',
			'Devices 2020 2021-04',
			'Data Center Systems 2020 2021-07',
			'Software 2020 2021-07',
			'Data Center Systems 2021 2022-01',
			'Communications Services 2024 2025-01'
		]);
		// Line 286 against line 274: $1,371.787B against $1,530.299B.
		const comms = bases.find((b) => b.segment === 'Communications Services')!;
		expect(comms.changePct).toBeCloseTo((1371.787 / 1530.299 - 1) * 100, 10);
		// Every 2024 forecast (Apr 2023 – Oct 2024) predates it; the year settled in Jul 2025 (line 298).
		expect(path('Communications Services', 2024).map((r) => r.restatedIn)).toEqual(['2025-01', '2025-01', '2025-01', '2025-01', '2025-01']);
	});

	it('gives the first forecast of every segment-year once', () => {
		const firsts = firstForecasts(record);
		expect(firsts.find((r) => r.segment === 'Devices' && r.year === 2023)?.release).toBe('2022-01');
		expect(new Set(firsts.map((r) => `${r.segment}|${r.year}`)).size).toBe(firsts.length);
	});
});

describe('errors by horizon and the bands they give', () => {
	// Data Center Systems' counted forecasts made 6–11 months ahead (the seven after the 2020–2021 restatements).
	const dcs6to11 = [
		226.475 / 227.021, // Jan 2022 → 2022, settled Oct 2023
		218.634 / 227.021, // Apr 2022 → 2022
		213.853 / 236.098, // Jan 2023 → 2023, settled Jul 2024
		224.123 / 236.098, // Apr 2023 → 2023
		261.332 / 333.372, // Jan 2024 → 2024, settled Jul 2025
		259.6 / 333.372, // Apr 2024 → 2024
		405.505 / 496.231 // Jan 2025 → 2025, settled Feb 2026
	].map((ratio) => (ratio - 1) * 100);

	it('Data Center Systems 6–11 months ahead: n 7, median miss 9.4%, all low', () => {
		const row = errors.find((e) => e.segment === 'Data Center Systems' && e.horizonFrom === 6)!;
		const sortedAbs = dcs6to11.map(Math.abs).sort((a, b) => a - b);
		expect(row.n).toBe(7);
		expect(row.restated).toBe(3);
		expect(row.medianAbsError).toBeCloseTo(sortedAbs[3], 10);
		expect(row.bias).toBeCloseTo([...dcs6to11].sort((a, b) => a - b)[3], 10);
		expect(row.minError).toBeCloseTo(Math.min(...dcs6to11), 10);
		expect(row.maxError).toBeCloseTo(Math.max(...dcs6to11), 10);
		expect(recordReadings(errors, 'Data Center Systems')).toContain(
			'Gartner’s Data Center Systems forecasts made 6–11 months ahead were off by a median of 9.4% (7 forecasts) and ran low (median error -9.4%); the widest miss was -22.1%.'
		);
	});

	it('the overview’s 2026 forecast for Data Center Systems (Feb 2026, $653.403B, 10 months ahead) gets the band those seven give', async () => {
		expect(horizonMonths('2026-02', 2026)).toBe(10);
		const outcome = forecastBand(errors, 'Data Center Systems', 10, 653.403);
		expect(outcome.band).toMatchObject({ n: 7, scope: 'Data Center Systems', horizonFrom: 6 });
		expect(outcome.band!.low).toBeCloseTo(653.403 / (226.475 / 227.021), 8);
		expect(outcome.band!.high).toBeCloseTo(653.403 / (259.6 / 333.372), 8);

		const view = await overviewView(conn, { release: '2026-02', year: 2026 });
		const point = segmentSeries(view, true).find((s) => s.key === 'Data Center Systems')!.points.find((p) => p.x === 2026)!;
		expect(point.band).toEqual({ low: outcome.band!.low, high: outcome.band!.high });
		expect(point.label).toContain('(n 7, Data Center Systems, 6–11 months ahead)');
		expect(segmentSeries(view, false).flatMap((s) => s.points).some((p) => p.band)).toBe(false);
		// Estimates of actual spending get no band.
		expect(segmentSeries(view, true).find((s) => s.key === 'Data Center Systems')!.points.find((p) => p.x === 2025)!.band).toBeUndefined();
	});

	it('pools the five segments where one has fewer than five, and says why there is no band where the pool is thin too', () => {
		// Data Center Systems has 3 counted forecasts 12–17 months ahead.
		expect(errors.find((e) => e.segment === 'Data Center Systems' && e.horizonFrom === 12)!.n).toBe(3);
		const pooled = errors.find((e) => e.segment === ALL_SEGMENTS && e.horizonFrom === 12)!;
		expect(forecastBand(errors, 'Data Center Systems', 14, 500).band).toMatchObject({ scope: ALL_SEGMENTS, n: pooled.n });
		// The pool leaves the total out: it is the segments' sum.
		const segmentsOnly = record.filter((r) => r.segment !== 'Total' && r.horizonFrom === 12 && r.restatedIn === null);
		expect(pooled.n).toBe(segmentsOnly.length);
		const thin = errors.map((e) => (e.segment === ALL_SEGMENTS || e.segment === 'Devices' ? { ...e, n: 2 } : e));
		expect(forecastBand(thin, 'Devices', 8, 700)).toEqual({ band: null, reason: 'too few past forecasts 6–11 months ahead (2, fewer than 5)' });
		expect(forecastBand(errors, 'Devices', -1, 700).band).toBeNull();
	});
});
