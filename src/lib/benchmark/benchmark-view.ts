import { csvFormatRows } from 'd3';
import { formatUsd as usd } from '../charts/formats';
import { neutralise } from '../explore/export';
import type { RangeDatum } from '../charts/types';
import type { RoleBenchmarkRow } from '../queries/pay-benchmark';
import { isOutlier, oewsPlacement, surveyPlacement, type Placement } from './placement';

import { LEVEL_NAMES } from '../views/careers';

/** One role with where its pay falls: OEWS for its occupation, the surveys for its family and level. */
export interface PlacedRole {
	row: RoleBenchmarkRow;
	oews: Placement;
	survey: Placement;
	outlier: boolean;
	/** Why the role has no OEWS comparison, when it has none. */
	unmatched: string | null;
}

export function placeRoles(rows: RoleBenchmarkRow[]): PlacedRole[] {
	return rows.map((row) => {
		const oews = row.occ_code
			? oewsPlacement(row.base_pay, { p10: row.annual_p10, p25: row.annual_p25, median: row.annual_median, p75: row.annual_p75, p90: row.annual_p90 })
			: ({ percentile: null, position: 'none', interpolated: false, text: 'no occupation' } as Placement);
		const survey = row.job_family === 'Other' ? ({ percentile: null, position: 'none', interpolated: false, text: 'title names no job family' } as Placement) : surveyPlacement(row.survey_below, row.survey_equal, row.survey_n);
		const unmatched = row.unknown_soc
			? `SOC code ${row.soc_code} is not an OEWS occupation of May ${row.oews_year}: pick one`
			: !row.occ_code
				? `the title names none of the job families of the career paths: pick an occupation`
				: null;
		return { row, oews, survey, outlier: isOutlier(oews, survey), unmatched };
	});
}

const roleLabel = (r: RoleBenchmarkRow) => `${r.role_title} (${LEVEL_NAMES[r.level] ?? r.level})`;

/** The chart: each matched role's occupation range (OEWS p10–p90, box p25–p75, median) with the role's pay on it. */
export function benchmarkRanges(placed: PlacedRole[]): RangeDatum[] {
	return placed
		.filter((p) => p.row.occ_code)
		.map(({ row, oews, survey, outlier }) => ({
			key: String(row.line),
			label: roleLabel(row),
			p10: row.annual_p10,
			p25: row.annual_p25,
			median: row.annual_median,
			p75: row.annual_p75,
			p90: row.annual_p90,
			topCoded: row.annual_p90 === null && row.annual_p90_flag === 'top_coded',
			color: '#76b7b2',
			valueLabel: `${usd(row.base_pay)}${oews.percentile !== null ? ` · ${Math.round(oews.percentile)}th` : oews.position === 'below' ? ' · low' : oews.position === 'above' ? ' · high' : ''}`,
			mark: { value: row.base_pay, outlier },
			detail: [
				`Pay ${usd(row.base_pay)} (line ${row.line} of your file)`,
				`${row.occ_title} (${row.occ_code}, OEWS May ${row.oews_year}): ${oews.text}`,
				`Surveys, ${row.job_family} at ${LEVEL_NAMES[row.level]} level: ${survey.text}`,
				...(outlier ? ['Outlier: outside OEWS’s 10th–90th or the survey’s middle 80%'] : [])
			]
		}));
}

export const resultColumns = [
	'line',
	'role_title',
	'level',
	'location',
	'base_pay',
	'job_family',
	'occupation',
	'matched_by',
	'oews_percentile',
	'oews_placement',
	'survey_percentile',
	'survey_answers',
	'survey_placement',
	'outlier'
] as const;

/** The results as CSV: what the page shows, with the method of each figure (spreadsheet formulas neutralised). */
export function benchmarkCsv(placed: PlacedRole[]): string {
	const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : neutralise(v));
	return csvFormatRows([
		[...resultColumns],
		...placed.map(({ row, oews, survey, outlier }) =>
			[
				row.line,
				row.role_title,
				row.level,
				row.location,
				row.base_pay,
				row.job_family,
				row.occ_code ? `${row.occ_code} ${row.occ_title}` : null,
				row.matched_by,
				oews.percentile === null ? null : Number(oews.percentile.toFixed(1)),
				oews.text,
				survey.percentile === null ? null : Number(survey.percentile.toFixed(1)),
				row.survey_n,
				survey.text,
				outlier ? 'yes' : 'no'
			].map(cell)
		)
	]);
}
