import { columnsStruct } from './sql';
import type { DatasetSpec } from './types';

const surveyColumns = [
	{ name: 'work_year', type: 'INTEGER' },
	{ name: 'experience_level', type: 'VARCHAR' },
	{ name: 'employment_type', type: 'VARCHAR' },
	{ name: 'job_title', type: 'VARCHAR' },
	{ name: 'salary', type: 'INTEGER' },
	{ name: 'salary_currency', type: 'VARCHAR' },
	{ name: 'salary_in_usd', type: 'INTEGER' },
	{ name: 'employee_residence', type: 'VARCHAR' },
	{ name: 'remote_ratio', type: 'INTEGER' },
	{ name: 'company_location', type: 'VARCHAR' },
	{ name: 'company_size', type: 'VARCHAR' }
];

/** The three surveys, each with the vintage of the copy shipped (data/SOURCES.md). */
export const SURVEYS = [
	{ survey: 'aijobs.net', file: 'salary_surveys/aijobs_net/salaries.csv', url: 'https://aijobs.net/salaries/', vintage: 'snapshot 2024-12-15, work years 2020–2024' },
	{ survey: 'isecjobs.com', file: 'salary_surveys/isecjobs/salaries.csv', url: 'https://isecjobs.com/salaries/', vintage: 'work years 2020–2025' },
	{ survey: 'devops-jobs.net', file: 'salary_surveys/devops_jobs/salaries.csv', url: 'https://devops-jobs.net/salaries/', vintage: 'work years 2020–2022' }
] as const;

export const JOB_FAMILY_RULES = 'job_family_rules.csv';

/**
 * SQL giving each distinct (`survey`, `job_title`) of `table` the family of the first matching rule by priority (pairs
 * no rule matches are left out). A rule matches when its `pattern` matches the title (case-insensitive regex) and its
 * `survey` is empty or names the row's survey: a bare "Analyst" means a security analyst on isecjobs.com. The rules
 * live in data/job_family_rules.csv, not in code. Join on survey with IS NOT DISTINCT FROM where it can be NULL.
 */
export function jobFamilySql(table: string, rulesCsv: string): string {
	return `
		SELECT t.survey, t.job_title, arg_min(r.job_family, r.priority) AS job_family
		FROM (SELECT DISTINCT survey, job_title FROM ${table}) t
		JOIN read_csv(${rulesCsv}, header = true, columns = {'priority': 'INTEGER', 'pattern': 'VARCHAR', 'survey': 'VARCHAR', 'job_family': 'VARCHAR', 'why': 'VARCHAR'}) r
			ON regexp_matches(t.job_title, r.pattern, 'i') AND (r.survey IS NULL OR r.survey = t.survey)
		GROUP BY t.survey, t.job_title`;
}

/** Three CC0 salary surveys in one table, with a job family derived from the title by rules kept in data. */
export const salarySurvey: DatasetSpec = {
	name: 'salary_survey',
	title: 'Tech salary surveys (aijobs.net, isecjobs.com, devops-jobs.net)',
	files: [...SURVEYS.map((s) => s.file), JOB_FAMILY_RULES],
	description:
		'Self-reported salaries from three job boards’ public surveys: AI/ML/data (aijobs.net), cybersecurity (isecjobs.com) and DevOps/cloud (devops-jobs.net), ' +
		'with experience level, employment type, residence, remote ratio and company size. Each row has a job family derived from its title by the rules in data/job_family_rules.csv.',
	columns: [
		{ name: 'survey', type: 'VARCHAR', description: 'Which survey the row comes from' },
		{ name: 'work_year', type: 'INTEGER', description: 'Year the salary was paid' },
		{ name: 'experience_level', type: 'VARCHAR', description: 'EN entry, MI mid, SE senior, EX executive' },
		{ name: 'employment_type', type: 'VARCHAR', description: 'FT full-time, PT part-time, CT contract, FL freelance' },
		{ name: 'job_title', type: 'VARCHAR', description: 'Job title as reported' },
		{ name: 'salary', type: 'INTEGER', description: 'Gross annual salary in salary_currency' },
		{ name: 'salary_currency', type: 'VARCHAR', description: 'ISO 4217 currency code' },
		{ name: 'salary_in_usd', type: 'INTEGER', description: 'Salary converted to USD by the survey' },
		{ name: 'employee_residence', type: 'VARCHAR', description: 'Country of residence, ISO 3166 alpha-2' },
		{ name: 'remote_ratio', type: 'INTEGER', description: '0 on-site, 50 hybrid, 100 fully remote' },
		{ name: 'company_location', type: 'VARCHAR', description: 'Employer country, ISO 3166 alpha-2' },
		{ name: 'company_size', type: 'VARCHAR', description: 'S (<50), M (50–250), L (>250) employees' },
		{ name: 'job_family', type: 'VARCHAR', description: 'Derived from job_title (and, for titles that name no field, the survey) by data/job_family_rules.csv; "Other" when no rule matches' }
	],
	select: (paths) => {
		const rules = paths[paths.length - 1];
		const surveys = SURVEYS.map(
			(s, i) => `SELECT '${s.survey}' AS survey, * FROM read_csv(${paths[i]}, header = true, columns = ${columnsStruct(surveyColumns)})`
		).join('\n\t\t\tUNION ALL ');
		return `
		WITH rows AS (SELECT row_number() OVER () AS row_id, * FROM (${surveys})),
		families AS (${jobFamilySql('rows', rules)})
		SELECT rows.* EXCLUDE (row_id), coalesce(families.job_family, 'Other') AS job_family
		FROM rows LEFT JOIN families USING (survey, job_title)
		ORDER BY rows.row_id`;
	},
	sources: SURVEYS.map((s) => ({ title: `${s.survey} salary survey (CC0)`, url: s.url })),
	vintage: 'aijobs.net snapshot of 2024-12-15 (work years 2020–2024); isecjobs.com work years 2020–2025; devops-jobs.net 2020–2022',
	licence: 'CC0 1.0 Universal (public domain dedication); the publishers appreciate a link back.',
	caveats: [
		'Self-reported and not a random sample: about 90% of rows are from the US and most from 2024.',
		'Prefer medians and percentiles to means, and show sample sizes.',
		'Job families are derived from free-text titles by rules; where a title names no field (a bare "Analyst"), the survey it comes from decides; titles no rule matches are "Other".'
	]
};
