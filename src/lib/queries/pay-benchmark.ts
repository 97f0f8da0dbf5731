import type { Connector } from '../db/connector';
import { jobFamilySql, JOB_FAMILY_RULES } from '../datasets/salary-survey';
import { literal } from '../checks/validate-sql';
import { arrowRows } from './arrow-rows';

/**
 * The roles a person checked against the market, held only in this page's engine: never published, never sent.
 * `line` is the file's line; `chosen_soc` an occupation the person picked instead of the automatic match.
 */
export const MY_ROLES = 'my_roles';

/** The survey answers a role is placed among: full-time salaries of the newest two work years. */
export const SURVEY_YEARS = 2;

export interface RoleBenchmarkRow {
	line: number;
	role_title: string;
	soc_code: string | null;
	level: 'EN' | 'MI' | 'SE' | 'EX';
	location: string | null;
	base_pay: number;
	job_family: string;
	/** The OEWS occupation the role is compared with, and how it was found. */
	occ_code: string | null;
	matched_by: 'SOC code' | 'title rules' | 'chosen' | null;
	/** Set when the file's own SOC code is not an OEWS occupation of that year. */
	unknown_soc: boolean;
	occ_title: string | null;
	oews_year: number;
	annual_p10: number | null;
	annual_p25: number | null;
	annual_median: number | null;
	annual_p75: number | null;
	annual_p90: number | null;
	annual_p90_flag: string | null;
	annual_p75_flag: string | null;
	/** Survey answers of the role's family and level (and country, when the role names one). */
	survey_n: number;
	survey_below: number;
	survey_equal: number;
	survey_median: number | null;
	survey_years: string | null;
}

/**
 * Each role of `my_roles` against the market: the OEWS occupation of its SOC code (else of the career-path step its
 * title's job family and level lead to, by the same rules as the surveys), that occupation's published percentiles
 * for the newest May estimate, and where its pay falls among the survey answers of its family and level.
 */
export function payBenchmarkSql(rulesFile: string): string {
	return `
		WITH roles AS (SELECT * FROM ${MY_ROLES}),
		titles AS (SELECT NULL::VARCHAR AS survey, role_title AS job_title FROM roles),
		families AS (${jobFamilySql('titles', literal(rulesFile))}),
		newest AS (SELECT max(year) AS year FROM occupations),
		years AS (SELECT max(work_year) AS last FROM salary_survey),
		matched AS (
			SELECT r.*, coalesce(f.job_family, 'Other') AS job_family,
				(SELECT c.soc_code FROM career_paths c WHERE c.job_family = coalesce(f.job_family, 'Other')
					ORDER BY list_contains(string_split(c.experience_levels, ';'), r.level) DESC, c.step LIMIT 1) AS step_soc
			FROM roles r LEFT JOIN families f ON f.job_title = r.role_title),
		placed AS (
			SELECT m.*, coalesce(m.chosen_soc, m.soc_code, m.step_soc) AS occ_code,
				CASE WHEN m.chosen_soc IS NOT NULL THEN 'chosen' WHEN m.soc_code IS NOT NULL THEN 'SOC code' WHEN m.step_soc IS NOT NULL THEN 'title rules' END AS matched_by
			FROM matched m),
		survey AS (
			SELECT p.line, CAST(count(s.salary_in_usd) AS INTEGER) AS survey_n,
				CAST(count(s.salary_in_usd) FILTER (WHERE s.salary_in_usd < p.base_pay) AS INTEGER) AS survey_below,
				CAST(count(s.salary_in_usd) FILTER (WHERE s.salary_in_usd = p.base_pay) AS INTEGER) AS survey_equal,
				CAST(median(s.salary_in_usd) AS DOUBLE) AS survey_median,
				min(s.work_year)::VARCHAR || '–' || max(s.work_year)::VARCHAR AS survey_years
			FROM placed p LEFT JOIN salary_survey s
				-- "Other" gathers sales, design, legal…: no market for a title that names none of the five families.
				ON p.job_family <> 'Other' AND s.job_family = p.job_family AND s.experience_level = p.level AND s.employment_type = 'FT'
				AND s.work_year > (SELECT last FROM years) - ${SURVEY_YEARS}
				AND (p.location IS NULL OR s.employee_residence = p.location)
			GROUP BY p.line)
		SELECT p.line, p.role_title, p.soc_code, p.level, p.location, CAST(p.base_pay AS DOUBLE) AS base_pay, p.job_family,
			CASE WHEN o.occ_code IS NULL AND p.matched_by = 'SOC code' THEN NULL ELSE o.occ_code END AS occ_code,
			CASE WHEN o.occ_code IS NULL THEN NULL ELSE p.matched_by END AS matched_by,
			(p.matched_by = 'SOC code' AND o.occ_code IS NULL) AS unknown_soc,
			o.occ_title, (SELECT year FROM newest) AS oews_year,
			o.annual_p10, o.annual_p25, o.annual_median, o.annual_p75, o.annual_p90, o.annual_p90_flag, o.annual_p75_flag,
			s.survey_n, s.survey_below, s.survey_equal, s.survey_median, s.survey_years
		FROM placed p
		LEFT JOIN occupations o ON o.year = (SELECT year FROM newest) AND o.occ_code = p.occ_code
		LEFT JOIN survey s USING (line)
		ORDER BY p.line`;
}

export async function payBenchmark(conn: Connector): Promise<RoleBenchmarkRow[]> {
	return arrowRows<RoleBenchmarkRow>(await conn.query(payBenchmarkSql(conn.filePath(JOB_FAMILY_RULES))));
}

/** The occupations a person may pick for a role: every detailed OEWS occupation of the newest year. */
export async function benchmarkOccupations(conn: Connector): Promise<{ occ_code: string; occ_title: string }[]> {
	return arrowRows(
		await conn.query(`SELECT occ_code, occ_title FROM occupations WHERE year = (SELECT max(year) FROM occupations) AND o_group = 'detailed' ORDER BY occ_title`)
	);
}
