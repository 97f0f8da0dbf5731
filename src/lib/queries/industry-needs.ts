import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface IndustryNeedRow {
	industry: string;
	job_family: string;
	path: string;
	step: number;
	role: string;
	soc_code: string;
	soc_title: string;
	annual_median: number | null;
}

/**
 * From each industry to the job families its roles belong to, and to the career paths that start in those families,
 * with every step and its OEWS median.
 */
export function industryNeedsSql(): string {
	return `
		WITH families AS (
			SELECT industry, trim(unnest(string_split(job_families, ';'))) AS job_family
			FROM industries WHERE job_families IS NOT NULL AND job_families <> ''
		)
		, path_families AS (SELECT path, job_family FROM career_paths WHERE step = 1)
		SELECT f.industry, f.job_family, p.path, p.step, p.role, p.soc_code, p.soc_title, o.annual_median
		FROM families f
		JOIN path_families pf ON pf.job_family = f.job_family
		JOIN career_paths p ON p.path = pf.path
		LEFT JOIN occupations o ON o.occ_code = p.soc_code AND o.year = ?
		ORDER BY f.industry, f.job_family, p.path, p.step`;
}

export async function industryNeeds(conn: Connector, year: number): Promise<IndustryNeedRow[]> {
	return arrowRows<IndustryNeedRow>(await conn.query(industryNeedsSql(), [year]));
}
