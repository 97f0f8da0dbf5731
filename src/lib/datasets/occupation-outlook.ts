import { columnsStruct } from './sql';
import type { DatasetSpec } from './types';

const sourceColumns = [
	{ name: 'occupation', type: 'VARCHAR' },
	{ name: 'year', type: 'INTEGER' },
	{ name: 'median_annual_wage_usd', type: 'INTEGER' },
	{ name: 'employment', type: 'INTEGER' },
	{ name: 'projected_growth_pct', type: 'VARCHAR' },
	{ name: 'projection_period', type: 'VARCHAR' },
	{ name: 'source_title', type: 'VARCHAR' },
	{ name: 'source_url', type: 'VARCHAR' },
	{ name: 'source_pub_date', type: 'VARCHAR' },
	{ name: 'notes', type: 'VARCHAR' }
];

/**
 * Rows of bls_it_occupations.csv that come from OEWS; they duplicate the occupations dataset and measure another
 * concept. A row with a projection is an Employment Projections (Handbook) figure even when its page also cites OEWS.
 */
export const OEWS_ROW = `(coalesce(source_title ILIKE '%OEWS%' OR occupation ILIKE '%OEWS)%' OR notes ILIKE '%OEWS%', false)
	AND projected_growth_pct IS NULL AND projection_period IS NULL)`;

/** BLS Occupational Outlook Handbook figures for computer and IT occupations. */
export const occupationOutlook: DatasetSpec = {
	name: 'occupation_outlook',
	title: 'Occupational Outlook Handbook: IT occupations (BLS)',
	files: ['bls_it_occupations.csv'],
	description:
		'Median pay, number of jobs and projected growth (with its projection period) for computer and IT occupations and all occupations, ' +
		'as published in successive editions of the BLS Occupational Outlook Handbook.',
	columns: [
		{ name: 'occupation', type: 'VARCHAR', description: 'Occupation or group as the Handbook names it' },
		{ name: 'year', type: 'INTEGER', description: 'Year the median pay and number of jobs refer to' },
		{ name: 'median_annual_wage_usd', type: 'INTEGER', description: 'Median annual pay, USD' },
		{ name: 'ooh_number_of_jobs', type: 'INTEGER', description: 'Handbook "number of jobs" (includes the self-employed)' },
		{ name: 'projected_growth_pct', type: 'DOUBLE', description: 'Projected employment change over the projection period, %' },
		{ name: 'projected_growth_text', type: 'VARCHAR', description: 'The Handbook’s words where it gives no % (e.g. "much faster than average")' },
		{ name: 'projection_period', type: 'VARCHAR', description: 'e.g. 2023-33' },
		{ name: 'source_title', type: 'VARCHAR', description: 'Page the figures were read from' },
		{ name: 'source_url', type: 'VARCHAR', description: 'Its address' },
		{ name: 'source_pub_date', type: 'VARCHAR', description: 'Publication date, or "not shown"' },
		{ name: 'notes', type: 'VARCHAR', description: 'Provenance notes' }
	],
	key: ['occupation', 'year', 'projection_period'],
	select: ([csv]) => `
		SELECT occupation, year, median_annual_wage_usd, employment AS ooh_number_of_jobs,
			TRY_CAST(projected_growth_pct AS DOUBLE) AS projected_growth_pct,
			CASE WHEN TRY_CAST(projected_growth_pct AS DOUBLE) IS NULL THEN projected_growth_pct END AS projected_growth_text,
			projection_period, source_title, source_url, source_pub_date, notes
		FROM read_csv(${csv}, header = true, columns = ${columnsStruct(sourceColumns)})
		WHERE NOT ${OEWS_ROW}`,
	sources: [{ title: 'BLS Occupational Outlook Handbook, computer and information technology', url: 'https://www.bls.gov/ooh/computer-and-information-technology/' }],
	vintage: 'Handbook editions 2017–2025 (pay years 2017–2024)',
	licence: 'US federal government work (public domain); some figures read from reposts, each row names its page.',
	caveats: [
		'"Number of jobs" includes the self-employed; never compare it with OEWS employment.',
		'Projections come from different editions with different periods: compare growth only within one period.'
	]
};
