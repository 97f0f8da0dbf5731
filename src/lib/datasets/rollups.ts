import type { Connector } from '../db/connector';
import { jobPostings } from './job-postings';
import type { DatasetSpec } from './types';

/** The datasets with pre-aggregations (only these are imported, so a page does not load every dataset module). */
const WITH_ROLLUPS: DatasetSpec[] = [jobPostings];

/**
 * Creates `dataset`'s pre-aggregations over its table: views where the rows are few (the browser, the build), tables
 * on the Atlas server, where they are rebuilt with each version. Names and SQL come from the dataset modules.
 */
export async function createRollups(conn: Connector, dataset: string, as: 'VIEW' | 'TABLE'): Promise<void> {
	for (const rollup of WITH_ROLLUPS.find((d) => d.name === dataset)?.rollups ?? []) await conn.query(`CREATE OR REPLACE ${as} "${rollup.name}" AS ${rollup.sql}`);
}
