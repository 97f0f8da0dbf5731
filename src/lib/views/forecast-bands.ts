import { formatSpendShort } from '../charts/formats';
import { ALL_SEGMENTS } from '../queries/forecast-horizons';
import type { HorizonErrorRow } from '../queries/forecast-record';
import type { SegmentSpendingRow } from '../queries/segment-spending';
import { forecastBand, horizonBandLabel, horizonMonths, type BandOutcome } from '../reshape/forecast-band';

/** The URL parameter that switches the bands off; they are on by default. */
export const BANDS_PARAM = 'bands';

/** A forecast row's band from the forecast record (its release's months ahead); none for estimates of actual spending. */
export function rowBand(errors: HorizonErrorRow[], row: SegmentSpendingRow): BandOutcome | null {
	return row.kind === 'forecast' ? forecastBand(errors, row.segment, horizonMonths(row.release, row.year), row.spend) : null;
}

/** A band in words for a tooltip: the spending range, its n, whose record and how far ahead; or why there is none. */
export function bandText(outcome: BandOutcome): string {
	if (!outcome.band) return `no band: ${outcome.reason}`;
	return `past errors put it at ${bandRange(outcome)}`;
}

function bandRange(outcome: BandOutcome): string {
	const b = outcome.band!;
	const scope = b.scope === ALL_SEGMENTS ? 'all segments' : b.scope;
	return `${formatSpendShort(b.low)}–${formatSpendShort(b.high)} (n ${b.n}, ${scope}, ${horizonBandLabel(b.horizonFrom)})`;
}

/** The table view's band column: what the chart's whisker shows, or why there is none. */
export function bandColumn(errors: HorizonErrorRow[]) {
	return {
		label: 'Band from past errors',
		value: (r: SegmentSpendingRow) => {
			const outcome = rowBand(errors, r);
			return outcome === null ? '' : outcome.band ? bandRange(outcome) : `none: ${outcome.reason}`;
		}
	};
}
