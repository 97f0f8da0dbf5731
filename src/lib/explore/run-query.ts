import type { Table } from 'apache-arrow';
import type { Connector } from '../db/connector';
import { DbError } from '../db/errors';
import { checkReadOnly } from './guard';

export interface ExploreResult {
	table: Table;
	milliseconds: number;
}

/**
 * Runs an analyst's query read-only: refused when it could write, and inside a transaction that is always rolled
 * back, so nothing it does outlives it.
 */
export async function runExploreQuery(conn: Connector, sql: string, datasets: readonly string[]): Promise<ExploreResult> {
	const guard = checkReadOnly(sql, datasets);
	if (!guard.ok) throw new DbError('query', 'Query refused', guard.message);
	const started = performance.now();
	await conn.query('BEGIN TRANSACTION');
	try {
		const table = await conn.queryCancellable(sql);
		return { table, milliseconds: performance.now() - started };
	} finally {
		await conn.query('ROLLBACK').catch(() => undefined);
	}
}
