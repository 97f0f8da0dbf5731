import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface OutlookRow {
	occupation: string;
	projected_growth_pct: number;
	projection_period: string;
	median_annual_wage_usd: number | null;
	source_title: string;
	source_url: string;
	source_pub_date: string;
}

/** Each occupation's newest Outlook Handbook projection that gives a percentage (periods differ: labelled). */
export function occupationOutlookSql(): string {
	return `
		SELECT occupation, projected_growth_pct, projection_period, median_annual_wage_usd, source_title, source_url, source_pub_date
		FROM occupation_outlook
		WHERE projected_growth_pct IS NOT NULL
		QUALIFY row_number() OVER (PARTITION BY lower(occupation) ORDER BY projection_period DESC, year DESC) = 1
		ORDER BY projected_growth_pct DESC`;
}

export async function occupationOutlook(conn: Connector): Promise<OutlookRow[]> {
	return arrowRows<OutlookRow>(await conn.query(occupationOutlookSql()));
}
