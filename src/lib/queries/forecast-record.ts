import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';
// Apart, so the pages that only draw bands do not load these queries' SQL with their first script.
import { ALL_SEGMENTS, HORIZON_BAND_MONTHS } from './forecast-horizons';

export { ALL_SEGMENTS, HORIZON_BAND_MONTHS };

/**
 * A release restated a segment's base when its estimate for a past year differs from the previous release's figure for
 * that year by more than this fraction (new segment definitions, a new data source). Normal revisions between two
 * consecutive releases stay under 9% in the shipped data; the six above 10% are the 2020–2021 redefinitions and
 * Communications Services 2024 (January 2025).
 */
export const RESTATED_BASE_THRESHOLD = 0.1;

/** One forecast of a segment's spending in a target year, against the figure the year settled at. */
export interface ForecastRecordRow {
	segment: string;
	year: number;
	release: string;
	/** Months from the release's month to the end of the target year (a January forecast of its own year: 11). */
	horizon: number;
	/** The first month of the horizon's band: 0, 6, 12 or 18. */
	horizonFrom: number;
	spend: number;
	growth: number | null;
	/** 1 for the first forecast of this segment and year, then 2, 3… */
	revision: number;
	/** The newest release that reports the year as an estimate of actual spending. */
	settledRelease: string;
	settledSpend: number;
	settledGrowth: number | null;
	/** (forecast ÷ settled − 1) × 100: positive when Gartner forecast too high. */
	errorPct: number;
	/** Growth forecast minus settled growth, in percentage points. */
	growthErrorPts: number | null;
	/** The release that restated the segment's base between this forecast and the settled figure: not a forecast error. */
	restatedIn: string | null;
	sourceTitle: string;
	sourceUrl: string;
	sourcePubDate: string;
	settledSourceTitle: string;
	settledSourceUrl: string;
	settledSourcePubDate: string;
}

/** A release whose estimate for a past year moved more than the threshold from the previous release's figure. */
export interface RestatementRow {
	segment: string;
	year: number;
	release: string;
	spend: number;
	previousRelease: string;
	previousSpend: number;
	changePct: number;
}

/** Errors of the forecasts made at one horizon band, for one segment or all five. */
export interface HorizonErrorRow {
	/** A segment, or ALL_SEGMENTS. */
	segment: string;
	horizonFrom: number;
	/** Forecasts counted (settled, no restated base in between). */
	n: number;
	/** Forecasts left out because a restated base lies between them and the settled figure. */
	restated: number;
	medianAbsError: number;
	/** Median signed error: below zero, Gartner forecast too low. */
	bias: number;
	minError: number;
	maxError: number;
}

const RECORD_CTES = `
	figures AS (
		SELECT segment, year, release_date AS release, spend_usd_bn AS spend, growth_pct AS growth, kind,
			source_title AS sourceTitle, source_url AS sourceUrl, source_pub_date AS sourcePubDate
		FROM it_spending WHERE spend_usd_bn IS NOT NULL
	),
	restatements AS (
		SELECT a.segment, a.year, a.release, a.spend, b.release AS previousRelease, b.spend AS previousSpend,
			(a.spend / b.spend - 1) * 100 AS changePct
		FROM figures a ASOF JOIN figures b ON a.segment = b.segment AND a.year = b.year AND a.release > b.release
		WHERE a.kind = 'actual' AND abs(a.spend / b.spend - 1) > ?
	),
	settled AS (
		SELECT segment, year, release AS settledRelease, spend AS settledSpend, growth AS settledGrowth,
			sourceTitle AS settledSourceTitle, sourceUrl AS settledSourceUrl, sourcePubDate AS settledSourcePubDate
		FROM figures WHERE kind = 'actual'
		QUALIFY row_number() OVER (PARTITION BY segment, year ORDER BY release DESC) = 1
	),
	forecasts AS (
		SELECT *,
			(year - CAST(substr(release, 1, 4) AS INTEGER)) * 12 + 12 - CAST(substr(release, 6, 2) AS INTEGER) AS horizon,
			CAST(row_number() OVER (PARTITION BY segment, year ORDER BY release) AS INTEGER) AS revision
		FROM figures WHERE kind = 'forecast'
	),
	record AS (
		SELECT f.segment, f.year, f.release, f.horizon,
			CAST(floor(f.horizon / ${HORIZON_BAND_MONTHS}) * ${HORIZON_BAND_MONTHS} AS INTEGER) AS horizonFrom,
			f.spend, f.growth, f.revision, s.settledRelease, s.settledSpend, s.settledGrowth,
			(f.spend / s.settledSpend - 1) * 100 AS errorPct,
			f.growth - s.settledGrowth AS growthErrorPts,
			-- the first restatement of the segment after the forecast, up to the release the year settled in
			min(r.release) AS restatedIn,
			f.sourceTitle, f.sourceUrl, f.sourcePubDate, s.settledSourceTitle, s.settledSourceUrl, s.settledSourcePubDate
		FROM forecasts f JOIN settled s USING (segment, year)
		LEFT JOIN restatements r ON r.segment = f.segment AND r.release > f.release AND r.release <= s.settledRelease
		WHERE f.horizon >= 0
		GROUP BY ALL
	)`;

/** Every forecast whose target year has settled, with its horizon and error; oldest target year, then release. */
export function forecastRecordSql(): string {
	return `WITH ${RECORD_CTES}
		SELECT * FROM record ORDER BY segment, year, release`;
}

/** Each segment's restated bases, by the rule of RESTATED_BASE_THRESHOLD. */
export function restatementsSql(): string {
	return `WITH ${RECORD_CTES}
		SELECT segment, year, release, spend, previousRelease, previousSpend, changePct FROM restatements
		ORDER BY release, segment`;
}

const STATS = `
	CAST(count(*) FILTER (restatedIn IS NULL) AS INTEGER) AS n,
	CAST(count(*) FILTER (restatedIn IS NOT NULL) AS INTEGER) AS restated,
	median(abs(errorPct)) FILTER (restatedIn IS NULL) AS medianAbsError,
	median(errorPct) FILTER (restatedIn IS NULL) AS bias,
	min(errorPct) FILTER (restatedIn IS NULL) AS minError,
	max(errorPct) FILTER (restatedIn IS NULL) AS maxError`;

/** Error statistics by horizon band, per segment and for the five segments pooled. */
export function horizonErrorsSql(): string {
	return `WITH ${RECORD_CTES}
		SELECT segment, horizonFrom, ${STATS} FROM record GROUP BY segment, horizonFrom
		UNION ALL
		SELECT '${ALL_SEGMENTS}', horizonFrom, ${STATS} FROM record WHERE segment <> 'Total' GROUP BY horizonFrom
		ORDER BY segment, horizonFrom`;
}

export async function forecastRecord(conn: Connector): Promise<ForecastRecordRow[]> {
	return arrowRows<ForecastRecordRow>(await conn.query(forecastRecordSql(), [RESTATED_BASE_THRESHOLD]));
}

export async function restatedBases(conn: Connector): Promise<RestatementRow[]> {
	return arrowRows<RestatementRow>(await conn.query(restatementsSql(), [RESTATED_BASE_THRESHOLD]));
}

export async function horizonErrors(conn: Connector): Promise<HorizonErrorRow[]> {
	return arrowRows<HorizonErrorRow>(await conn.query(horizonErrorsSql(), [RESTATED_BASE_THRESHOLD]));
}
