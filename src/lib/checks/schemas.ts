import { datasets } from '../datasets';
import { jobFamilySql, JOB_FAMILY_RULES } from '../datasets/salary-survey';
import { literal } from './validate-sql';
import type { ColumnSpec, DatasetSpec } from '../datasets/types';
import type { NumberKind } from './numbers';

export type ValueKind = 'text' | 'boolean' | NumberKind;

/** One column of a dataset as an upload must supply it. */
export interface UploadColumn {
	name: string;
	kind: ValueKind;
	/** The file must have the column (unless `fromFileName` can supply it). */
	required: boolean;
	/** Every row must have a value. */
	notNull: boolean;
	allowed?: string[];
	/** A regular expression the whole text must match, and how to say it. */
	pattern?: { regex: string; expected: string };
	min?: number;
	max?: number;
	/** Other header names that mean this column (matched like names: case, spaces and punctuation ignored). */
	aliases?: string[];
	/** For a missing column: the value every row gets, read from the file name (e.g. the year of a BLS file). */
	fromFileName?: (fileName: string) => string | null;
	/** For BLS numbers: the column that receives the symbol's meaning. */
	flagColumn?: string;
	/** Computed from other columns; an uploaded one is reported and ignored. */
	derived?: boolean;
}

/** A figure compared before → after in the preview. */
export interface KeyTotal {
	label: string;
	/** An aggregate over the dataset's table, referenced as `t`. */
	sql: string;
	format: 'count' | 'number' | 'text';
}

export interface UploadSchema {
	dataset: DatasetSpec;
	columns: UploadColumn[];
	/** Columns that identify a row, for rows changed; without a key rows are compared whole. */
	key: string[];
	totals: KeyTotal[];
	/**
	 * The main chart of the preview: label and value per bar of the next version, from the table `t`; `before` gives
	 * the current version's value per label when that is not the same query (else `sql` is run on it).
	 */
	chart: { title: string; unit: 'spend' | 'usd' | 'count'; sql: string; before?: string };
	/** The column whose values are whole periods (a release, a year): a replace that drops one of them is flagged. */
	period?: { column: string; label: string };
	/**
	 * Checks between related columns of the file's own rows (table `upload_typed`, data row `__row`): rows of `line`
	 * and `message`, each a warning, not a refusal (a publisher's own figures may disagree), with `about` saying why.
	 */
	consistency?: { sql: string; about: string };
	/** Final SQL from the validated, typed rows (table `typed`), when a column is derived. */
	derive?: (typed: string, rulesFile: string) => string;
}

const year = (name: string): Partial<UploadColumn> => ({ kind: 'integer', min: 1990, max: 2100, notNull: true, aliases: [name] });
const yearMonth = { regex: '\\d{4}-(0[1-9]|1[0-2])', expected: 'a release month as YYYY-MM, e.g. 2026-02' };

/** Rules beyond the column types, per dataset; anything not named here is an optional column of its declared type. */
const rules: Record<string, Record<string, Partial<UploadColumn>>> = {
	it_spending: {
		segment: { required: true, notNull: true },
		year: year('year'),
		spend_usd_bn: { kind: 'money', min: 0, aliases: ['spending', 'spend', 'spending_usd_bn', 'spend_bn'] },
		growth_pct: { kind: 'percent', min: -100, max: 1000, aliases: ['growth', 'growth_percent'] },
		kind: { required: true, notNull: true, allowed: ['actual', 'forecast'], aliases: ['type', 'figure_type'] },
		release_date: { required: true, notNull: true, pattern: yearMonth, aliases: ['release', 'vintage'] },
		source_title: { aliases: ['source', 'title'] },
		source_url: { aliases: ['url', 'link', 'source_link'] },
		source_pub_date: { aliases: ['published', 'publication_date', 'pub_date'] }
	},
	salary_survey: {
		survey: { required: false, fromFileName: () => 'upload' },
		work_year: { ...year('year'), required: true },
		experience_level: { required: true, notNull: true, allowed: ['EN', 'MI', 'SE', 'EX'] },
		employment_type: { notNull: true, allowed: ['FT', 'PT', 'CT', 'FL'] },
		job_title: { required: true, notNull: true, aliases: ['title'] },
		salary: { min: 0 },
		salary_in_usd: { kind: 'money', required: true, notNull: true, min: 0, aliases: ['salary_usd', 'usd_salary'] },
		remote_ratio: { allowed: ['0', '50', '100'] },
		company_size: { allowed: ['S', 'M', 'L'] },
		job_family: { derived: true }
	},
	occupations: {
		year: { ...year('year'), fromFileName: (file) => file.match(/M(\d{4})/)?.[1] ?? null },
		occ_code: { required: true, notNull: true, pattern: { regex: '\\d{2}-\\d{4}', expected: 'a SOC code, e.g. 15-1252' } },
		occ_title: { required: true, notNull: true },
		o_group: { allowed: ['total', 'major', 'minor', 'broad', 'detailed'] },
		employment: { kind: 'bls', min: 0, flagColumn: 'employment_flag', aliases: ['tot_emp'] },
		annual_mean: { kind: 'bls', min: 0, flagColumn: 'annual_mean_flag', aliases: ['a_mean'] },
		annual_p10: { kind: 'bls', min: 0, flagColumn: 'annual_p10_flag', aliases: ['a_pct10'] },
		annual_p25: { kind: 'bls', min: 0, flagColumn: 'annual_p25_flag', aliases: ['a_pct25'] },
		annual_median: { kind: 'bls', min: 0, flagColumn: 'annual_median_flag', aliases: ['a_median'] },
		annual_p75: { kind: 'bls', min: 0, flagColumn: 'annual_p75_flag', aliases: ['a_pct75'] },
		annual_p90: { kind: 'bls', min: 0, flagColumn: 'annual_p90_flag', aliases: ['a_pct90'] },
		annual_only: { aliases: ['annual'] },
		source_file: { fromFileName: (file) => file }
	},
	occupation_outlook: { occupation: { required: true, notNull: true }, year: year('year') },
	education_earnings: { education_level: { required: true, notNull: true }, measure: { required: true, notNull: true }, value: { required: true } },
	job_postings: { metric: { required: true, notNull: true }, value: { required: true } },
	industries: { industry: { required: true, notNull: true } },
	career_paths: { path: { required: true, notNull: true }, step: { required: true, notNull: true, min: 1 }, role: { required: true, notNull: true } },
	guide_figures: { figure_id: { required: true, notNull: true }, chart: { required: true, notNull: true }, quote: { required: true, notNull: true } }
};

const keys: Record<string, string[]> = {
	it_spending: ['release_date', 'segment', 'year', 'source_url'],
	occupations: ['year', 'occ_code', 'o_group'],
	occupation_outlook: ['occupation', 'year', 'source_url'],
	industries: ['industry'],
	career_paths: ['path', 'step'],
	guide_figures: ['figure_id']
};

// Every year the newest release gives (a new year is what an analyst adds), segments only: the worldwide total is in
// the key figures, and a Total bar would dwarf them. Compared with the newest figure the current version has for the
// same segment and year, whichever release published it, not with a release that left it out.
const spendChart = {
	title: 'Spending by segment and year, newest release (the worldwide total is in the key figures)',
	unit: 'spend' as const,
	sql: `SELECT segment || ' ' || year AS label, spend_usd_bn AS value FROM t
		WHERE release_date = (SELECT max(release_date) FROM t) AND segment <> 'Total'
		ORDER BY year, value DESC NULLS LAST, segment`,
	before: `SELECT segment || ' ' || year AS label, arg_max(spend_usd_bn, release_date) AS value FROM t
		WHERE spend_usd_bn IS NOT NULL AND segment <> 'Total' GROUP BY segment, year`
};

const charts: Record<string, UploadSchema['chart']> = {
	it_spending: spendChart,
	salary_survey: {
		title: 'Median salary in USD by experience level',
		unit: 'usd',
		sql: `SELECT experience_level AS label, median(salary_in_usd) AS value FROM t GROUP BY experience_level
			ORDER BY list_position(['EN', 'MI', 'SE', 'EX'], experience_level)`
	},
	occupations: {
		title: 'Median annual wage, 10 largest computer occupations, newest year',
		unit: 'usd',
		sql: `SELECT occ_title AS label, annual_median AS value FROM t
			WHERE year = (SELECT max(year) FROM t) AND occ_code LIKE '15-1%' AND o_group = 'detailed'
			ORDER BY employment DESC NULLS LAST LIMIT 10`
	}
};

/** Growth more than this many percentage points from the growth its spending figures imply is flagged. */
export const GROWTH_TOLERANCE_POINTS = 0.5;

// Gartner computes growth from unrounded figures, so a release's own rows differ by up to 0.44 points (integer
// billions in 2020): half a point is more than rounding explains, and a typo of 1 point is still caught.
const consistency: Record<string, UploadSchema['consistency']> = {
	it_spending: {
		about: `growth more than ${GROWTH_TOLERANCE_POINTS} percentage points from the growth its page’s spending figures imply`,
		sql: `SELECT cur.__row + 1 AS line,
				cur.segment || ' ' || cur.year || ' (release ' || cur.release_date || '): growth ' || printf('%.1f', cur.growth_pct) || '%, but spending '
				|| printf('%.1f', prev.spend_usd_bn) || ' → ' || printf('%.1f', cur.spend_usd_bn) || ' $bn (line ' || (prev.__row + 1) || ') implies '
				|| printf('%.1f', (cur.spend_usd_bn / prev.spend_usd_bn - 1) * 100) || '%' AS message
			FROM upload_typed cur JOIN upload_typed prev
				ON prev.release_date = cur.release_date AND prev.segment = cur.segment AND prev.year = cur.year - 1
				-- One page's table: another page may give a headline-rounded figure ("$4.5T") for the same release.
				AND prev.source_url IS NOT DISTINCT FROM cur.source_url
			WHERE cur.growth_pct IS NOT NULL AND cur.spend_usd_bn IS NOT NULL AND prev.spend_usd_bn > 0
				AND abs((cur.spend_usd_bn / prev.spend_usd_bn - 1) * 100 - cur.growth_pct) > ${GROWTH_TOLERANCE_POINTS}
			ORDER BY line`
	}
};

const periods: Record<string, UploadSchema['period']> = {
	it_spending: { column: 'release_date', label: 'release' },
	salary_survey: { column: 'work_year', label: 'work year' },
	occupations: { column: 'year', label: 'year' }
};

const totals: Record<string, KeyTotal[]> = {
	it_spending: [
		{ label: 'Releases', sql: 'count(DISTINCT release_date)', format: 'count' },
		{ label: 'Newest release', sql: 'max(release_date)', format: 'text' },
		{
			label: 'Worldwide total, newest release, its own year ($bn)',
			sql: `max(spend_usd_bn) FILTER (WHERE segment = 'Total' AND release_date = (SELECT max(release_date) FROM t) AND year = CAST(left((SELECT max(release_date) FROM t), 4) AS INTEGER))`,
			format: 'number'
		}
	],
	salary_survey: [
		{ label: 'Median salary (USD)', sql: 'median(salary_in_usd)', format: 'number' },
		{ label: 'Work years', sql: `min(work_year) || '–' || max(work_year)`, format: 'text' }
	],
	occupations: [
		{ label: 'Years', sql: `string_agg(DISTINCT year::VARCHAR, ', ' ORDER BY year::VARCHAR)`, format: 'text' },
		{ label: 'Employment, all occupations, newest year', sql: `max(employment) FILTER (WHERE occ_code = '00-0000' AND year = (SELECT max(year) FROM t))`, format: 'number' }
	]
};

const kindOf = (column: ColumnSpec): ValueKind =>
	column.type === 'INTEGER' ? 'integer' : column.type === 'DOUBLE' ? 'number' : column.type === 'BOOLEAN' ? 'boolean' : 'text';

function flagColumns(columns: Partial<UploadColumn>[]): Set<string> {
	return new Set(columns.map((c) => c.flagColumn).filter((c): c is string => Boolean(c)));
}

/** The upload schema of a dataset: its table's columns with the rules an upload is checked against. */
export function uploadSchema(dataset: DatasetSpec): UploadSchema {
	const own = rules[dataset.name] ?? {};
	const flags = flagColumns(Object.values(own));
	const columns = dataset.columns.map(
		(column): UploadColumn => ({
			name: column.name,
			kind: kindOf(column),
			required: false,
			notNull: false,
			// A flag column is filled from its number's BLS symbol, or read as it is when the file has it (an export).
			...(flags.has(column.name) ? { allowed: ['top_coded', 'not_available', 'unparsed'] } : {}),
			...own[column.name]
		})
	);
	return {
		dataset,
		columns,
		key: keys[dataset.name] ?? [],
		totals: [{ label: 'Rows', sql: 'count(*)', format: 'count' }, ...(totals[dataset.name] ?? [])],
		chart: charts[dataset.name] ?? {
			title: `Rows by ${columns[0].name}`,
			unit: 'count',
			sql: `SELECT "${columns[0].name}"::VARCHAR AS label, count(*) AS value FROM t GROUP BY ALL ORDER BY value DESC LIMIT 12`
		},
		period: periods[dataset.name],
		consistency: consistency[dataset.name],
		derive: dataset.name === 'salary_survey' ? deriveJobFamily : undefined
	};
}

/** Job families come from the same rules as the shipped data, kept in a table loaded from data/job_family_rules.csv. */
function deriveJobFamily(typed: string, rulesFile: string): string {
	return `WITH families AS (${jobFamilySql(typed, literal(rulesFile))})
		SELECT ${typed}.* EXCLUDE (job_family), coalesce(families.job_family, 'Other') AS job_family
		FROM ${typed} LEFT JOIN families ON families.job_title = ${typed}.job_title AND families.survey IS NOT DISTINCT FROM ${typed}.survey`;
}

export const uploadSchemas: UploadSchema[] = datasets.map(uploadSchema);

export function schemaFor(name: string): UploadSchema | undefined {
	return uploadSchemas.find((s) => s.dataset.name === name);
}
