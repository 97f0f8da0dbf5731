import type { Connector, Param } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface SegmentSpendingParams {
	/** One release; every release when left out. */
	release?: string;
	year?: number;
}

export interface SegmentSpendingRow {
	segment: string;
	year: number;
	spend: number | null;
	/** Growth as published, or derived from the release's previous year when the release omits it. */
	growth: number | null;
	growthDerived: boolean;
	kind: 'actual' | 'forecast';
	release: string;
	sourceTitle: string;
	sourceUrl: string;
	sourcePubDate: string;
	notes: string | null;
	/** The figures a second source gave for the same release, segment and year, and which one is shown from it. */
	alsoPublished: string | null;
	/** In a series taking each year from its newest release: the restated base this row's growth implies (see latest-spending). */
	restatedBase?: number | null;
}

/** Spending and growth by segment (Total included) for one release or every release, optionally one year. */
export function segmentSpendingSql(params: SegmentSpendingParams): { sql: string; params: Param[] } {
	const releaseFilter = params.release === undefined ? '' : 'WHERE release_date = ?';
	const yearFilter = params.year === undefined ? '' : 'AND year = ?';
	const sql = `
		WITH r AS (SELECT * FROM it_spending ${releaseFilter}),
		picked AS (SELECT * FROM r WHERE TRUE ${yearFilter})
		SELECT c.segment, c.year, c.spend_usd_bn AS spend,
			COALESCE(c.growth_pct, (c.spend_usd_bn / p.spend_usd_bn - 1) * 100) AS growth,
			c.growth_pct IS NULL AND c.spend_usd_bn IS NOT NULL AND p.spend_usd_bn IS NOT NULL AS growthDerived,
			c.kind, c.release_date AS release, c.source_title AS sourceTitle, c.source_url AS sourceUrl,
			c.source_pub_date AS sourcePubDate, c.notes, c.also_published AS alsoPublished
		FROM picked c LEFT JOIN r p ON p.release_date = c.release_date AND p.segment = c.segment AND p.year = c.year - 1
		ORDER BY c.release_date, c.year, c.segment`;
	const bound = [params.release, params.year].filter((value): value is string | number => value !== undefined);
	return { sql, params: bound };
}

export async function segmentSpending(conn: Connector, params: SegmentSpendingParams = {}): Promise<SegmentSpendingRow[]> {
	const { sql, params: bound } = segmentSpendingSql(params);
	return arrowRows<SegmentSpendingRow>(await conn.query(sql, bound));
}
