import { formatGrowth, formatRelease, formatSpendExact } from '../charts/formats';
import { segmentColor } from '../charts/segments';
import type { ChartSource, ErrorBand, ErrorPoint, HeatCell, LineSeries } from '../charts/types';
import { ALL_SEGMENTS, HORIZON_BAND_MONTHS, type ForecastRecordRow, type HorizonErrorRow, type RestatementRow } from '../queries/forecast-record';
import { firstForecasts } from '../reshape/forecast-record';
import { horizonBandLabel } from '../reshape/forecast-band';
import { spendingSource } from './overview-charts';

/** An error in percent, signed, one decimal: a derived figure, not a published one. */
export const formatError = (pct: number | null) => (pct === null ? 'n/a' : formatGrowth(pct));
const formatPoints = (pts: number | null) => (pts === null ? 'n/a' : `${formatGrowth(pts).slice(0, -1)} pts`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The record's chart sources: every release a forecast or a settled figure was read from. */
export function recordSource(rows: ForecastRecordRow[]): ChartSource {
	return spendingSource([
		...rows,
		...rows.map((r) => ({ release: r.settledRelease, sourceTitle: r.settledSourceTitle, sourceUrl: r.settledSourceUrl, sourcePubDate: r.settledSourcePubDate }))
	]);
}

/** Every settled forecast as a point of the error-by-horizon chart. */
export function errorPoints(record: ForecastRecordRow[]): ErrorPoint[] {
	return record.map((r) => ({
		key: `${r.segment}|${r.year}|${r.release}`,
		segment: r.segment,
		year: r.year,
		horizon: r.horizon,
		error: r.errorPct,
		counted: r.restatedIn === null,
		color: segmentColor(r.segment),
		title: `${r.segment} ${r.year}, ${formatRelease(r.release)} release`,
		detail: [
			`Forecast ${formatSpendExact(r.spend)} (${formatGrowth(r.growth)}), ${r.horizon} months ahead`,
			`Settled ${formatSpendExact(r.settledSpend)} (${formatGrowth(r.settledGrowth)}), ${formatRelease(r.settledRelease)} release`,
			r.restatedIn ? `Not counted: the base was restated in ${formatRelease(r.restatedIn)} (error ${formatError(r.errorPct)})` : `Off by ${formatError(r.errorPct)}`
		]
	}));
}

/** The horizon bands of one segment's record (or all five pooled), for the chart's band labels and bias lines. */
export function errorBands(errors: HorizonErrorRow[], segment: string): ErrorBand[] {
	const froms = [...new Set(errors.map((e) => e.horizonFrom))].sort((a, b) => a - b);
	return froms.map((from) => {
		const row = errors.find((e) => e.segment === segment && e.horizonFrom === from);
		const counted = row && row.n > 0 ? row : null;
		return { from, to: from + HORIZON_BAND_MONTHS - 1, n: row?.n ?? 0, bias: counted?.bias ?? null, medianAbsError: counted?.medianAbsError ?? null };
	});
}

/** One line per horizon band, in words, computed from the record: how far off, how many, which way. */
export function recordReadings(errors: HorizonErrorRow[], segment: string): string[] {
	const who = segment === ALL_SEGMENTS ? 'Gartner’s segment forecasts' : `Gartner’s ${segment} forecasts`;
	return errors
		.filter((e) => e.segment === segment && e.n > 0)
		.sort((a, b) => b.horizonFrom - a.horizonFrom)
		.map((e) => {
			const lean = Math.abs(e.bias) < 0.5 ? `with no clear lean (median error ${formatError(e.bias)})` : `and ran ${e.bias < 0 ? 'low' : 'high'} (median error ${formatError(e.bias)})`;
			return `${who} made ${horizonBandLabel(e.horizonFrom)} were off by a median of ${Math.abs(e.medianAbsError).toFixed(1)}% (${plural(e.n, 'forecast')}) ${lean}; the widest miss was ${formatError(Math.abs(e.minError) > Math.abs(e.maxError) ? e.minError : e.maxError)}.`;
		});
}

/** How far ahead the given (first) forecasts were made, e.g. "11–23 months ahead". */
export function firstForecastHorizons(firsts: ForecastRecordRow[]): string {
	const horizons = firsts.map((r) => r.horizon);
	return horizons.length ? `${Math.min(...horizons)}–${Math.max(...horizons)} months ahead` : '';
}

/** Why some forecasts are left out of the statistics, in words. */
export function restatedNote(record: ForecastRecordRow[], segment: string): string | null {
	const left = record.filter((r) => r.restatedIn !== null && (segment === ALL_SEGMENTS ? r.segment !== 'Total' : r.segment === segment));
	return left.length ? `${plural(left.length, 'forecast')} made before a restated base and settled after it are shown hollow and not counted.` : null;
}

/** Each segment's first forecast of each year, as heatmap cells of its error. */
export function firstForecastCells(record: ForecastRecordRow[]): HeatCell[] {
	return firstForecasts(record).map((r) => ({
		row: r.segment,
		column: r.year,
		value: r.restatedIn ? null : r.errorPct,
		label: r.restatedIn ? 'restated' : formatError(r.errorPct),
		shortLabel: r.restatedIn ? '—' : formatError(r.errorPct).slice(0, -1),
		detail: [
			`First forecast, ${formatRelease(r.release)}: ${formatSpendExact(r.spend)} (${formatGrowth(r.growth)})`,
			`Settled, ${formatRelease(r.settledRelease)}: ${formatSpendExact(r.settledSpend)} (${formatGrowth(r.settledGrowth)})`,
			r.restatedIn ? `Base restated in ${formatRelease(r.restatedIn)}: not counted as an error` : `Error ${formatError(r.errorPct)}, ${r.horizon} months ahead`
		]
	}));
}

/** One segment-year's forecasts, release by release, then the settled figure. */
export function pathSeries(path: ForecastRecordRow[], segment: string): LineSeries[] {
	if (!path.length) return [];
	const settled = path[0];
	return [
		{
			key: segment,
			label: segment,
			color: segmentColor(segment),
			points: [
				...path.map((r, index) => ({
					x: index,
					y: r.spend,
					forecast: true,
					label: `${formatSpendExact(r.spend)} (${formatGrowth(r.growth)}), ${r.horizon} months ahead: ${r.restatedIn ? `base restated in ${formatRelease(r.restatedIn)}` : `off by ${formatError(r.errorPct)}`}`
				})),
				{ x: path.length, y: settled.settledSpend, forecast: false, label: `${formatSpendExact(settled.settledSpend)} (${formatGrowth(settled.settledGrowth)}), settled` }
			]
		}
	];
}

/** The x labels of the path chart: each forecast's release, then the settled figure. */
export function pathReleaseAt(path: ForecastRecordRow[]): (index: number) => string {
	// The settled release is in the chart's title: "settled" keeps the last label short enough for a phone.
	return (index) => (index < path.length ? formatRelease(path[index].release) : path[0] ? 'settled' : '');
}

export const recordColumns = [
	{ label: 'Segment', value: (r: ForecastRecordRow) => r.segment },
	{ label: 'Year', value: (r: ForecastRecordRow) => String(r.year), numeric: true },
	{ label: 'Release', value: (r: ForecastRecordRow) => formatRelease(r.release) },
	{ label: 'Months ahead', value: (r: ForecastRecordRow) => String(r.horizon), numeric: true },
	{ label: 'Forecast', value: (r: ForecastRecordRow) => `${formatSpendExact(r.spend)} (${formatGrowth(r.growth)})`, numeric: true },
	{ label: 'Settled', value: (r: ForecastRecordRow) => `${formatSpendExact(r.settledSpend)} (${formatGrowth(r.settledGrowth)}, ${formatRelease(r.settledRelease)})`, numeric: true },
	{ label: 'Error', value: (r: ForecastRecordRow) => (r.restatedIn ? `not counted: base restated in ${formatRelease(r.restatedIn)}` : formatError(r.errorPct)), numeric: true },
	{ label: 'Growth error', value: (r: ForecastRecordRow) => formatPoints(r.growthErrorPts), numeric: true },
	{ label: 'Source', value: (r: ForecastRecordRow) => r.sourceTitle, source: true }
];

export const errorColumns = [
	{ label: 'Segment', value: (e: HorizonErrorRow) => e.segment },
	{ label: 'Horizon', value: (e: HorizonErrorRow) => horizonBandLabel(e.horizonFrom) },
	{ label: 'Forecasts counted', value: (e: HorizonErrorRow) => String(e.n), numeric: true },
	{ label: 'Not counted (restated)', value: (e: HorizonErrorRow) => String(e.restated), numeric: true },
	{ label: 'Median |error|', value: (e: HorizonErrorRow) => (e.n ? `${e.medianAbsError.toFixed(1)}%` : 'n/a'), numeric: true },
	{ label: 'Bias (median error)', value: (e: HorizonErrorRow) => (e.n ? formatError(e.bias) : 'n/a'), numeric: true },
	{ label: 'Range', value: (e: HorizonErrorRow) => (e.n ? `${formatError(e.minError)} to ${formatError(e.maxError)}` : 'n/a'), numeric: true }
];

export const restatementColumns = [
	{ label: 'Segment', value: (r: RestatementRow) => r.segment },
	{ label: 'Year restated', value: (r: RestatementRow) => String(r.year), numeric: true },
	{ label: 'Release', value: (r: RestatementRow) => formatRelease(r.release) },
	{ label: 'New figure', value: (r: RestatementRow) => formatSpendExact(r.spend), numeric: true },
	{ label: 'Previous release’s figure', value: (r: RestatementRow) => `${formatSpendExact(r.previousSpend)} (${formatRelease(r.previousRelease)})`, numeric: true },
	{ label: 'Change', value: (r: RestatementRow) => formatError(r.changePct), numeric: true }
];

export { HORIZON_BAND_MONTHS };
