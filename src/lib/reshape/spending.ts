import { desc, escape, from, not as aqNot } from 'arquero';
import type { SegmentSpendingRow } from '../queries/segment-spending';

export const TOTAL = 'Total';

export interface SpendingKpis {
	year: number;
	total: SegmentSpendingRow | null;
	largest: SegmentSpendingRow | null;
	fastest: SegmentSpendingRow | null;
}

export interface SegmentLine {
	segment: string;
	points: SegmentSpendingRow[];
}

/** The five segments (not the total) for one year, largest spending first; unpublished spending last. */
export function segmentsForYear(rows: SegmentSpendingRow[], year: number): SegmentSpendingRow[] {
	return from(rows)
		.filter(escape((d: SegmentSpendingRow) => d.year === year && d.segment !== TOTAL))
		.derive({ published: (d: { spend: number | null }) => d.spend !== null })
		.orderby(desc('published'), desc('spend'), 'segment')
		.select(rowColumns(rows))
		.objects() as SegmentSpendingRow[];
}

/** Worldwide total, largest segment and fastest-growing segment for one year. */
export function spendingKpis(rows: SegmentSpendingRow[], year: number): SpendingKpis {
	const segments = segmentsForYear(rows, year);
	const total = rows.find((r) => r.year === year && r.segment === TOTAL) ?? null;
	// Plain arrays: a year with only a Total row leaves no segments, and an Arquero table of no rows has no columns.
	const fastest = segments.filter((d) => d.growth !== null).reduce<SegmentSpendingRow | null>((best, d) => (best === null || d.growth! > best.growth! ? d : best), null);
	return { year, total, largest: segments[0]?.spend != null ? segments[0] : null, fastest };
}

/** One line per segment across the release's years, in a fixed segment order. */
export function segmentLines(rows: SegmentSpendingRow[], segmentOrder: readonly string[]): SegmentLine[] {
	const grouped = from(rows)
		.filter((d: { segment: string }) => d.segment !== 'Total')
		.orderby('year')
		.groupby('segment')
		.objects({ grouped: 'entries' }) as unknown as [string, SegmentSpendingRow[]][];
	const rank = (s: string) => (segmentOrder.includes(s) ? segmentOrder.indexOf(s) : segmentOrder.length);
	return grouped
		.map(([segment, points]) => ({ segment, points }))
		.sort((a, b) => rank(a.segment) - rank(b.segment) || a.segment.localeCompare(b.segment));
}

function rowColumns(rows: SegmentSpendingRow[]): string[] {
	return rows.length ? Object.keys(rows[0]) : [];
}

export interface ShareRow extends SegmentSpendingRow {
	/** Percent of the year's total spending. */
	share: number | null;
}

/** Each segment's share of its year's total, from the same release's total. */
export function shareOfTotal(rows: SegmentSpendingRow[]): ShareRow[] {
	const totals = from(rows)
		.filter((d: { segment: string }) => d.segment === 'Total')
		.select({ year: 'year', spend: 'total' });
	return from(rows)
		.filter((d: { segment: string }) => d.segment !== 'Total')
		.join_left(totals, 'year')
		.derive({ share: (d: { spend: number | null; total: number | null }) => (d.spend === null || !d.total ? null : (100 * d.spend) / d.total) })
		.select(aqNot('total'))
		.objects() as ShareRow[];
}
