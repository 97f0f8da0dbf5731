import type { Table } from 'apache-arrow';
import type { Connector } from '../db/connector';
import { DbError, toDbError } from '../db/errors';
import { checkReadOnly } from './guard';

export interface ExploreResult {
	table: Table;
	milliseconds: number;
}

/** DuckDB's refusals, said in the console's words (its own message stays beside them). */
function explained(error: DbError): DbError {
	const detail = error.detail ?? '';
	if (/Cannot prepare multiple statements/i.test(detail))
		return new DbError('query', 'Query refused', `More than one statement refused: the console runs one query that reads at a time.\n${detail}`);
	if (/Permission Error|disabled by configuration|configuration has been locked/i.test(detail))
		return new DbError('query', 'Query refused', `The console cannot open files or URLs, load extensions or change settings.\n${detail}`);
	return error;
}

/**
 * Runs an analyst's query read-only: refused unless it is one statement that reads (by DuckDB's tokens, then by its
 * parser), then run inside a transaction
 * that is always rolled back, on an engine locked at start-up, so nothing it does outlives it.
 */
export async function runExploreQuery(conn: Connector, sql: string, datasets: readonly string[], signal?: AbortSignal): Promise<ExploreResult> {
	const guard = checkReadOnly(sql, await conn.tokenize(sql), datasets);
	if (!guard.ok) throw new DbError('query', 'Query refused', guard.message);
	const started = performance.now();
	if (!conn.readsOnly) await conn.query('BEGIN TRANSACTION');
	try {
		// DuckDB's own parser then has its say: it refuses to prepare more than one statement.
		await conn.prepareOnly(sql);
		const table = await conn.queryCancellable(sql, signal);
		return { table, milliseconds: performance.now() - started };
	} catch (error) {
		throw explained(toDbError('query', error));
	} finally {
		if (!conn.readsOnly) await conn.query('ROLLBACK').catch(() => undefined);
	}
}
