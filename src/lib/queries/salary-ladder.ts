import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export const REGIONS = ['US', 'all'] as const;
export type Region = (typeof REGIONS)[number];

export interface LadderRow {
	job_family: string;
	experience_level: 'EN' | 'MI' | 'SE' | 'EX';
	n: number;
	p25: number;
	median: number;
	p75: number;
}

/** Median full-time salary (USD) by job family and experience level, with sample sizes; US residents or everyone. */
export function salaryLadderSql(): string {
	return `
		SELECT job_family, experience_level, CAST(count(*) AS INTEGER) AS n,
			CAST(quantile_cont(salary_in_usd, 0.25) AS DOUBLE) AS p25,
			CAST(median(salary_in_usd) AS DOUBLE) AS median,
			CAST(quantile_cont(salary_in_usd, 0.75) AS DOUBLE) AS p75
		FROM salary_survey
		WHERE employment_type = 'FT' AND (? = 'all' OR employee_residence = ?)
		GROUP BY job_family, experience_level
		ORDER BY job_family, list_position(['EN', 'MI', 'SE', 'EX'], experience_level)`;
}

export async function salaryLadder(conn: Connector, region: Region): Promise<LadderRow[]> {
	return arrowRows<LadderRow>(await conn.query(salaryLadderSql(), [region, region]));
}

export interface RemoteRow {
	job_family: string;
	work_year: number;
	remote_ratio: 0 | 50 | 100;
	n: number;
}

/** Counts of on-site (0), hybrid (50) and remote (100) answers by job family and year. */
export function remoteCountsSql(): string {
	return `
		SELECT job_family, work_year, remote_ratio, CAST(count(*) AS INTEGER) AS n
		FROM salary_survey WHERE (? = 'all' OR employee_residence = ?)
		GROUP BY ALL ORDER BY job_family, work_year, remote_ratio`;
}

export async function remoteCounts(conn: Connector, region: Region): Promise<RemoteRow[]> {
	return arrowRows<RemoteRow>(await conn.query(remoteCountsSql(), [region, region]));
}
