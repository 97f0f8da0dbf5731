import { formatGrowth, formatGrowthShort, formatRelease, formatSpendExact, formatSpendShort } from '../charts/formats';
import { SEGMENTS, segmentColor } from '../charts/segments';
import type { HeatCell, LineSeries } from '../charts/types';
import type { SegmentSpendingRow } from '../queries/segment-spending';
import type { RevisionRow } from '../queries/spending-revisions';
import { shareOfTotal } from '../reshape/spending';
import type { HorizonErrorRow } from '../queries/forecast-record';
import { bandText, rowBand } from './forecast-bands';

const oneDecimal = (v: number) => `${v.toFixed(1)}%`;

/** Segment lines across 2019–2026, in USD or as a share of each year's total; in USD, forecasts may carry their band. */
export function latestSeries(latest: SegmentSpendingRow[], measure: 'absolute' | 'share', errors: HorizonErrorRow[] = []): LineSeries[] {
	const rows = shareOfTotal(latest);
	return SEGMENTS.map((segment) => ({
		key: segment,
		label: segment,
		color: segmentColor(segment),
		points: rows
			.filter((r) => r.segment === segment)
			.map((r) => {
				const outcome = measure === 'absolute' && errors.length ? rowBand(errors, r) : null;
				return {
					x: r.year,
					y: measure === 'share' ? r.share : r.spend,
					forecast: r.kind === 'forecast',
					breakBefore: r.restatedBase != null,
					band: outcome?.band ? { low: outcome.band.low, high: outcome.band.high } : undefined,
					label:
						measure === 'share'
							? `${r.share === null ? 'n/a' : oneDecimal(r.share)} of total (${formatRelease(r.release)} release)`
							: `${formatSpendExact(r.spend)} (${formatRelease(r.release)} release, ${r.kind})${outcome ? `; ${bandText(outcome)}` : ''}`
				};
			})
	}));
}

/** Where the series breaks, in words: the year, the release that restated the base, and both bases. */
export function restatements(latest: SegmentSpendingRow[]): string[] {
	return latest
		.filter((r) => r.restatedBase != null && r.segment !== 'Total')
		.map((r) => {
			const shown = latest.find((p) => p.segment === r.segment && p.year === r.year - 1);
			// The implied base is derived, not published: said as "about", to three figures.
			return `${r.segment} ${r.year - 1}→${r.year}: the ${formatRelease(r.release)} release’s ${formatGrowth(r.growth)} implies a ${r.year - 1} base of about ${formatSpendShort(r.restatedBase!)}, not the ${formatSpendExact(shown?.spend ?? null)} shown`;
		});
}

export const shareFormat = (v: number) => `${v}%`;
export const spendFormat = formatSpendShort;

/** Growth by segment and year as heatmap cells. */
export function growthCells(latest: SegmentSpendingRow[]): HeatCell[] {
	return latest
		.filter((r) => r.segment !== 'Total')
		.map((r) => ({
			row: r.segment,
			column: r.year,
			value: r.growth,
			label: r.growth === null ? 'n/a' : formatGrowth(r.growth),
			// Phones: the number alone ("13.7", "-10.7"); the subtitle says it is a % change, colour says its sign.
			shortLabel: r.growth === null ? '—' : formatGrowthShort(r.growth),
			detail: [`Growth ${formatGrowth(r.growth)}`, `Spending ${formatSpendExact(r.spend)}`, `${formatRelease(r.release)} release (${r.kind})`]
		}));
}

/** The revision history as one line: growth as each release published it, releases in order. */
export function revisionSeries(rows: RevisionRow[], segment: string): LineSeries[] {
	return [
		{
			key: segment,
			label: segment,
			color: segmentColor(segment),
			points: rows.map((r, index) => ({
				x: index,
				y: r.growth,
				forecast: r.kind === 'forecast',
				label: `${formatGrowth(r.growth)} · ${formatSpendExact(r.spend)} (${r.kind})`
			}))
		}
	];
}
