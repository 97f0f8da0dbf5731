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

/** Every release's figure for one segment and year, oldest release first: how the forecast moved. */
export function spendingRevisionsSql(): string {
	return `
		SELECT release_date AS release, spend_usd_bn AS spend, growth_pct AS growth, kind,
			source_title AS sourceTitle, source_url AS sourceUrl, source_pub_date AS sourcePubDate
		FROM it_spending WHERE segment = ? AND year = ?
		ORDER BY release_date`;
}

export async function spendingRevisions(conn: Connector, { segment, year }: SpendingRevisionsParams): Promise<RevisionRow[]> {
	return arrowRows<RevisionRow>(await conn.query(spendingRevisionsSql(), [segment, year]));
}
