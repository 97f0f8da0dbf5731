import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface SpendingRevisionsParams {
	segment: string;
	year: number;
}

export interface RevisionRow {
	release: string;
	spend: number | null;
	growth: number | null;
	kind: 'actual' | 'forecast';
	sourceTitle: string;
	sourceUrl: string;
	sourcePubDate: string;
}

/** Every release's figure for every segment and year, by segment and year, oldest release first: how each forecast moved. */
export function spendingRevisionsSql(): string {
	return `
		SELECT segment, year, release_date AS release, spend_usd_bn AS spend, growth_pct AS growth, kind,
			source_title AS sourceTitle, source_url AS sourceUrl, source_pub_date AS sourcePubDate
		FROM it_spending
		ORDER BY segment, year, release_date`;
}

/**
 * One segment and year's revisions, picked from one query of them all (a few hundred rows): the same SQL for every
 * cell, so a view re-run for another cell is answered from its previous run (ReusedQueries), not by the engine.
 */
export async function spendingRevisions(conn: Connector, { segment, year }: SpendingRevisionsParams): Promise<RevisionRow[]> {
	const every = arrowRows<RevisionRow & SpendingRevisionsParams>(await conn.query(spendingRevisionsSql()));
	return every.filter((row) => row.segment === segment && row.year === year).map(({ segment: _s, year: _y, ...row }) => row);
}
