import type { Connector, Param } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface OccupationWagesParams {
	year: number;
	/** SOC codes; all occupations when omitted. */
	codes?: string[];
}

export interface OccupationWageRow {
	year: number;
	occ_code: string;
	occ_title: string;
	employment: number | null;
	employment_flag: string | null;
	annual_p10: number | null;
	annual_p25: number | null;
	annual_median: number | null;
	annual_median_flag: string | null;
	annual_p75: number | null;
	annual_p75_flag: string | null;
	annual_p90: number | null;
	annual_p90_flag: string | null;
}

/** OEWS employment and annual wage distribution for one May estimate, optionally for given SOC codes. */
export function occupationWagesSql({ year, codes }: OccupationWagesParams): { sql: string; params: Param[] } {
	const codeFilter = codes?.length ? `AND occ_code IN (${codes.map(() => '?').join(', ')})` : '';
	return {
		sql: `SELECT year, occ_code, occ_title, employment, employment_flag, annual_p10, annual_p25, annual_median,
				annual_median_flag, annual_p75, annual_p75_flag, annual_p90, annual_p90_flag
			FROM occupations WHERE year = ? ${codeFilter} ORDER BY occ_code`,
		params: [year, ...(codes ?? [])]
	};
}

export async function occupationWages(conn: Connector, params: OccupationWagesParams): Promise<OccupationWageRow[]> {
	const { sql, params: bound } = occupationWagesSql(params);
	return arrowRows<OccupationWageRow>(await conn.query(sql, bound));
}
