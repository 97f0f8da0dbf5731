import { blsFlag, blsNumber } from './sql';
import type { ColumnSpec, DatasetSpec } from './types';

const wages: [string, string, string][] = [
	['A_MEAN', 'annual_mean', 'mean'],
	['A_PCT10', 'annual_p10', '10th percentile'],
	['A_PCT25', 'annual_p25', '25th percentile'],
	['A_MEDIAN', 'annual_median', 'median'],
	['A_PCT75', 'annual_p75', '75th percentile'],
	['A_PCT90', 'annual_p90', '90th percentile']
];

const flagDescription = '"top_coded" (BLS #: at or above the top-coding limit, value empty), "not_available" (BLS * or **), or empty';

/** BLS OEWS national cross-industry estimates, May 2022–2024: every occupation's employment and annual wages. */
export const occupations: DatasetSpec = {
	name: 'occupations',
	title: 'Occupational employment and wages (BLS OEWS, May 2022–2024)',
	files: ['bls_oews/national_M2022_dl.csv', 'bls_oews/national_M2023_dl.csv', 'bls_oews/national_M2024_dl.csv'],
	description:
		'Every occupation in the national cross-industry OEWS estimates for May 2022, 2023 and 2024: wage-and-salary employment and annual wage mean and percentiles. ' +
		'BLS symbols are kept as flags beside the value, never as zeros.',
	columns: [
		{ name: 'year', type: 'INTEGER', description: 'Reference month May of this year' },
		{ name: 'occ_code', type: 'VARCHAR', description: 'SOC code, e.g. 15-1252' },
		{ name: 'occ_title', type: 'VARCHAR', description: 'SOC title' },
		{ name: 'o_group', type: 'VARCHAR', description: 'Level: total, major, minor, broad or detailed' },
		{ name: 'employment', type: 'INTEGER', description: 'Wage-and-salary employment (excludes the self-employed)' },
		{ name: 'employment_flag', type: 'VARCHAR', description: flagDescription },
		...wages.flatMap(([, name, label]): ColumnSpec[] => [
			{ name, type: 'INTEGER', description: `Annual wage, ${label}, USD` },
			{ name: `${name}_flag`, type: 'VARCHAR', description: flagDescription }
		]),
		{ name: 'annual_only', type: 'BOOLEAN', description: 'BLS publishes only annual wages (no hourly) for this occupation' },
		{ name: 'source_file', type: 'VARCHAR', description: 'The BLS file the row was read from' }
	],
	key: ['year', 'occ_code', 'o_group'],
	select: (paths) => `
		SELECT CAST(regexp_extract(source_path, 'M(\\d{4})_dl', 1) AS INTEGER) AS year,
			OCC_CODE AS occ_code, OCC_TITLE AS occ_title, O_GROUP AS o_group,
			${blsNumber('TOT_EMP')} AS employment, ${blsFlag('TOT_EMP')} AS employment_flag,
			${wages.map(([raw, name]) => `${blsNumber(raw)} AS ${name}, ${blsFlag(raw)} AS ${name}_flag`).join(',\n\t\t\t')},
			coalesce(upper(trim(ANNUAL)) = 'TRUE', false) AS annual_only,
			regexp_extract(source_path, '[^/]+$') AS source_file
		FROM read_csv([${paths.join(', ')}], header = true, all_varchar = true, union_by_name = true, filename = 'source_path')
		ORDER BY year, occ_code`,
	sources: [
		{ title: 'BLS Occupational Employment and Wage Statistics (OEWS), national tables', url: 'https://www.bls.gov/oes/tables.htm' }
	],
	vintage: 'May 2022, May 2023 and May 2024 estimates',
	licence: 'US federal government work (public domain).',
	caveats: [
		'Employment counts wage and salary workers only (no self-employed); the Outlook Handbook\'s "number of jobs" is a different concept.',
		'Wages at or above the top-coding limit are published as # and kept as a flag with no number.',
		'The May 2023 file is an Excel export (BOM, thousands separators); the May 2022 copy lacks the constant area/industry columns.'
	]
};
