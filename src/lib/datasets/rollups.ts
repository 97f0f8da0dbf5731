import type { Connector } from '../db/connector';
import { jobPostingsNational } from './job-postings-national';
import type { Rollup } from './types';

/** Each dataset's pre-aggregations, by dataset (only these modules are imported: a page does not load every dataset's). */
const ROLLUPS: Record<string, Rollup[]> = { job_postings: [jobPostingsNational] };

/**
 * Creates `dataset`'s pre-aggregations over its table: views where the rows are few (the browser, the build), tables
 * on the Atlas server, where they are rebuilt with each version. Names and SQL come from the dataset modules.
 */
export async function createRollups(conn: Connector, dataset: string, as: 'VIEW' | 'TABLE'): Promise<void> {
	for (const rollup of ROLLUPS[dataset] ?? []) await conn.query(`CREATE OR REPLACE ${as} "${rollup.name}" AS ${rollup.sql}`);
}
