import { beforeAll, describe, expect, it } from 'vitest';
import { connectorWithDatasets } from '../db/node-datasets';
import { segmentSpending, type SegmentSpendingRow } from '../queries/segment-spending';
import { SEGMENTS } from '../charts/segments';
import { segmentLines, segmentsForYear, spendingKpis } from './spending';

let rows: SegmentSpendingRow[];
beforeAll(async () => {
	rows = await segmentSpending(await connectorWithDatasets(['it_spending']), { release: '2026-02' });
});

describe('spending reshapes', () => {
	it('orders the five segments of a year by spending, without the total', () => {
		const bars = segmentsForYear(rows, 2026);
		expect(bars.map((r) => r.segment)).toEqual([
			'IT Services',
			'Software',
			'Communications Services',
			'Devices',
			'Data Center Systems'
		]);
		expect(bars.map((r) => r.spend)).toEqual([1866.856, 1433.633, 1365.184, 836.417, 653.403]);
	});

	it('finds the total, the largest and the fastest-growing segment', () => {
		const kpis = spendingKpis(rows, 2025);
		expect(kpis.total?.spend).toBe(5555.316);
		expect(kpis.total?.growth).toBe(10.3);
		expect(kpis.largest?.segment).toBe('IT Services');
		expect(kpis.fastest?.segment).toBe('Data Center Systems');
		expect(kpis.fastest?.growth).toBe(48.9);
	});

	it('draws one line per segment across the release years in Gartner order', () => {
		const lines = segmentLines(rows, SEGMENTS);
		expect(lines.map((l) => l.segment)).toEqual([...SEGMENTS]);
		expect(lines[0].points.map((p) => [p.year, p.spend, p.kind])).toEqual([
			[2025, 496.231, 'actual'],
			[2026, 653.403, 'forecast']
		]);
	});
});

describe('share of total', () => {
	it('divides each segment by its release’s total for the year', async () => {
		const { shareOfTotal } = await import('./spending');
		const shares = shareOfTotal(rows).filter((r) => r.year === 2026);
		const it = shares.find((r) => r.segment === 'IT Services')!;
		expect(it.share).toBeCloseTo((100 * 1866.856) / 6155.493, 10);
		expect(shares.find((r) => r.segment === 'Total')).toBeUndefined();
	});
});
