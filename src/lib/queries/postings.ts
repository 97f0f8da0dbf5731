import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface PostingRow {
	metric: string;
	period: string;
	dimension: string;
	value: number;
	unit: string;
	source_org: string;
	source_title: string;
	source_url: string;
	source_pub_date: string;
}

const columns = 'metric, period, dimension, value, unit, source_org, source_title, source_url, source_pub_date';

// US-wide figures from the job_postings_national rollup (see the dataset module): the shipped rows as they are, a feed's
// areas added up; on the Atlas server a table of a few thousand rows whatever the feed's size.

/** Postings for one metric whose dimension starts with a prefix (e.g. `industry (NAICS):`), newest period only. */
export function postingsByDimensionSql(): string {
	return `
		WITH picked AS (SELECT ${columns} FROM job_postings_national WHERE metric = ? AND unit = 'postings' AND starts_with(dimension, ?))
		SELECT * FROM picked WHERE period = (SELECT max(period) FROM picked) ORDER BY value DESC`;
}

export async function postingsByDimension(conn: Connector, metric: string, prefix: string): Promise<PostingRow[]> {
	return arrowRows<PostingRow>(await conn.query(postingsByDimensionSql(), [metric, prefix]));
}

/** Monthly CompTIA totals for all tech occupations (new and active postings), oldest first; approximate units kept. */
export function postingsOverTimeSql(): string {
	return `
		SELECT ${columns} FROM job_postings_national
		WHERE metric IN ('new_job_postings_tech', 'active_job_postings_tech') AND dimension = 'all tech occupations'
			AND regexp_matches(period, '^\\d{4}-\\d{2}$')
		ORDER BY metric, period`;
}

export async function postingsOverTime(conn: Connector): Promise<PostingRow[]> {
	return arrowRows<PostingRow>(await conn.query(postingsOverTimeSql()));
}

/** One occupation's monthly new postings (a CompTIA breakdown or a feed's), oldest first, each publisher's own. */
export function occupationOverTimeSql(): string {
	return `
		SELECT ${columns} FROM job_postings_national
		WHERE metric = 'new_job_postings_tech' AND dimension = ? AND regexp_matches(period, '^\\d{4}-\\d{2}$')
		ORDER BY source_org, period`;
}

export async function occupationOverTime(conn: Connector, dimension: string): Promise<PostingRow[]> {
	return arrowRows<PostingRow>(await conn.query(occupationOverTimeSql(), [dimension]));
}
