import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface EducationEarningsRow {
	period: string;
	education_level: string;
	value: number;
	unit: string;
	source_title: string;
	source_url: string;
	source_pub_date: string;
}

/** Median weekly earnings by education for the newest period that covers at least four education levels. */
export function educationEarningsSql(): string {
	return `
		WITH weekly AS (SELECT * FROM education_earnings WHERE measure = 'median_weekly_earnings' AND unit = 'USD/week'),
		newest AS (
			SELECT period FROM weekly GROUP BY period HAVING count(DISTINCT education_level) >= 4
			ORDER BY period DESC LIMIT 1
		)
		SELECT period, education_level, value, unit, source_title, source_url, source_pub_date
		FROM weekly JOIN newest USING (period)
		ORDER BY value`;
}

export async function educationEarnings(conn: Connector): Promise<EducationEarningsRow[]> {
	return arrowRows<EducationEarningsRow>(await conn.query(educationEarningsSql()));
}
