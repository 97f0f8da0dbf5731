/** Bands from the forecast record, without Arquero: the overview draws them with its first script. */
import { ALL_SEGMENTS, HORIZON_BAND_MONTHS } from '../queries/forecast-horizons';
import type { HorizonErrorRow } from '../queries/forecast-record';

/** A band needs at least this many past forecasts at its horizon; fewer for one segment, and the five are pooled. */
export const MIN_BAND_N = 5;

/** Where a forecast may land, from the errors of past forecasts made as far ahead. */
export interface ForecastBand {
	/** Spending if the forecast is off like the past forecast that ran most too high. */
	low: number;
	/** Spending if it is off like the one that ran most too low. */
	high: number;
	n: number;
	/** The segment whose record it is, or ALL_SEGMENTS where that segment has too few. */
	scope: string;
	horizonFrom: number;
	minError: number;
	maxError: number;
}

export type BandOutcome = { band: ForecastBand; reason: null } | { band: null; reason: string };

/** Months from a release's month to the end of the year it forecasts: as forecastRecordSql computes it. */
export function horizonMonths(release: string, year: number): number {
	return (year - Number(release.slice(0, 4))) * 12 + 12 - Number(release.slice(5, 7));
}

export const horizonBandOf = (horizon: number) => Math.floor(horizon / HORIZON_BAND_MONTHS) * HORIZON_BAND_MONTHS;
export const horizonBandLabel = (from: number) => `${from}–${from + HORIZON_BAND_MONTHS - 1} months ahead`;

/**
 * The band for a forecast of `spend` made `horizon` months ahead: the range of past errors at that horizon band for the
 * segment (or all five where it has fewer than MIN_BAND_N), turned into spending: settled = forecast ÷ (1 + error).
 */
export function forecastBand(errors: HorizonErrorRow[], segment: string, horizon: number, spend: number | null): BandOutcome {
	if (spend === null) return { band: null, reason: 'no spending figure' };
	if (horizon < 0) return { band: null, reason: 'not a forecast' };
	const from = horizonBandOf(horizon);
	const own = errors.find((e) => e.segment === segment && e.horizonFrom === from);
	// The total is the segments' sum, not one of them: it is never banded from the segments' record.
	const pooled = segment === 'Total' ? undefined : errors.find((e) => e.segment === ALL_SEGMENTS && e.horizonFrom === from);
	const used = own && own.n >= MIN_BAND_N ? own : pooled && pooled.n >= MIN_BAND_N ? pooled : null;
	if (!used) {
		const n = Math.max(own?.n ?? 0, pooled?.n ?? 0);
		return { band: null, reason: `too few past forecasts ${horizonBandLabel(from)} (${n}, fewer than ${MIN_BAND_N})` };
	}
	return {
		band: {
			low: spend / (1 + used.maxError / 100),
			high: spend / (1 + used.minError / 100),
			n: used.n,
			scope: used.segment,
			horizonFrom: from,
			minError: used.minError,
			maxError: used.maxError
		},
		reason: null
	};
}
