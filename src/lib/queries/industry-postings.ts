import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface IndustryPostingRow {
	industry: string;
	postings_match: string;
	postings_sector: string | null;
	metric: string | null;
	period: string | null;
	value: number | null;
	unit: string | null;
	source_org: string | null;
}

/** The guide's industries joined to CompTIA's postings for the sector each matches (none where nothing matches). */
export function industryPostingsSql(): string {
	return `
		WITH sector_postings AS (
			SELECT *, lower(regexp_replace(dimension, '^industry( \\(NAICS\\))?: (\\d+ )?', '')) AS sector
			FROM job_postings_national WHERE dimension ILIKE 'industry%'
		)
		SELECT i.industry, i.postings_match, i.postings_sector, p.metric, p.period, p.value, p.unit, p.source_org
		FROM industries i LEFT JOIN sector_postings p ON p.sector = lower(i.postings_sector)
		ORDER BY i.industry, p.metric, p.period`;
}

export async function industryPostings(conn: Connector): Promise<IndustryPostingRow[]> {
	return arrowRows<IndustryPostingRow>(await conn.query(industryPostingsSql()));
}
