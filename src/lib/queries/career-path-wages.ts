import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface CareerStepRow {
	path: string;
	step: number;
	role: string;
	soc_code: string;
	soc_title: string;
	job_family: string;
	experience_levels: string;
	annual_median: number | null;
	annual_median_flag: string | null;
	why: string;
}

/** Every career-path step with the OEWS median wage of its SOC code in one May estimate. */
export function careerPathWagesSql(): string {
	return `
		SELECT p.path, p.step, p.role, p.soc_code, p.soc_title, p.job_family, p.experience_levels,
			o.annual_median, o.annual_median_flag, p.why
		FROM career_paths p LEFT JOIN occupations o ON o.occ_code = p.soc_code AND o.year = ?
		ORDER BY p.path, p.step`;
}

export async function careerPathWages(conn: Connector, year: number): Promise<CareerStepRow[]> {
	return arrowRows<CareerStepRow>(await conn.query(careerPathWagesSql(), [year]));
}
