import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';
import type { SegmentSpendingRow } from './segment-spending';

/**
 * For every year, each segment's figures from the newest release whose table for that year is complete: all five
 * segments and the total with a spending figure (a growth figure may be missing, as in the April 2022 release's 2021).
 */
export function latestSpendingSql(): string {
	return `
		WITH complete AS (
			SELECT release_date, year FROM it_spending
			GROUP BY release_date, year
			HAVING count(DISTINCT segment) = 6 AND count(spend_usd_bn) = 6
		),
		newest AS (SELECT year, max(release_date) AS release_date FROM complete GROUP BY year)
		SELECT s.segment, s.year, s.spend_usd_bn AS spend, s.growth_pct AS growth, false AS growthDerived, s.kind,
			s.release_date AS release, s.source_title AS sourceTitle, s.source_url AS sourceUrl,
			s.source_pub_date AS sourcePubDate, s.notes, s.also_published AS alsoPublished
		FROM it_spending s JOIN newest USING (year, release_date)
		ORDER BY s.year, s.segment`;
}

export async function latestSpending(conn: Connector): Promise<SegmentSpendingRow[]> {
	return arrowRows<SegmentSpendingRow>(await conn.query(latestSpendingSql()));
}
