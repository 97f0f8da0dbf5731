import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';
import type { SegmentSpendingRow } from './segment-spending';

/**
 * A year's figure comes from another release than the year before's: when that release's growth implies a base for
 * the year before more than this far (as a fraction) from the figure shown for it, Gartner restated the base (new
 * segment definitions or a large revision), and the series is not joined across it. Normal revisions stay under it.
 */
export const RESTATEMENT_THRESHOLD = 0.05;

/**
 * For every year, each segment's figures from the newest release whose table for that year is complete: all five
 * segments and the total with a spending figure (a growth figure may be missing, as in the April 2022 release's 2021).
 * `restatedBase` is the base the row's own growth implies for the year before, where it is a restatement.
 */
export function latestSpendingSql(): string {
	return `
		WITH shown AS (${newestCompleteSql()})
		SELECT s.*,
			CASE WHEN p.release <> s.release AND s.growth IS NOT NULL AND p.spend IS NOT NULL
				AND abs(s.spend / (1 + s.growth / 100) / p.spend - 1) > ? THEN s.spend / (1 + s.growth / 100) END AS restatedBase
		FROM shown s LEFT JOIN shown p ON p.segment = s.segment AND p.year = s.year - 1
		ORDER BY s.year, s.segment`;
}

function newestCompleteSql(): string {
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
		FROM it_spending s JOIN newest USING (year, release_date)`;
}

export async function latestSpending(conn: Connector): Promise<SegmentSpendingRow[]> {
	return arrowRows<SegmentSpendingRow>(await conn.query(latestSpendingSql(), [RESTATEMENT_THRESHOLD]));
}
