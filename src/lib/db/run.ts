import type { Param } from './connector';
import { toDbError } from './errors';

import { ENGINE_FILES } from './connector';

/**
 * Locks the engine right after start-up, whatever a query or a guard later gets wrong: no extension is fetched or
 * loaded, no file or URL outside `ENGINE_FILES` (and `folders`, the build's source and output folders in Node) can be read or
 * written, and no setting can change again.
 */
export function lockSettings(folders: readonly string[] = []): string {
	const dirs = [ENGINE_FILES, ...folders].map((dir) => `'${dir.replaceAll("'", "''")}'`).join(', ');
	return [
		'SET autoinstall_known_extensions = false',
		'SET autoload_known_extensions = false',
		`SET allowed_directories = [${dirs}]`,
		'SET enable_external_access = false',
		'SET lock_configuration = true'
	].join('; ');
}

interface Statement {
	query(...params: Param[]): unknown;
	close(): unknown;
}
interface RawConnection {
	query(sql: string): unknown;
	prepare(sql: string): unknown;
}

/** Runs SQL with bound parameters on a DuckDB-WASM connection (async or blocking), closing the statement afterwards. */
export async function runBound<T>(conn: RawConnection, sql: string, params: readonly Param[]): Promise<T> {
	try {
		if (params.length === 0) return (await conn.query(sql)) as T;
		const statement = (await conn.prepare(sql)) as Statement;
		try {
			return (await statement.query(...params)) as T;
		} finally {
			// Not awaited: the worker runs requests in the order sent, so the close is done before anything asked after it,
			// and the answer does not wait for one more round trip. A failed close leaves nothing to act on.
			void Promise.resolve()
				.then(() => statement.close())
				.catch(() => undefined);
		}
	} catch (error) {
		throw toDbError('query', error);
	}
}

/**
 * `runBound` with prepared statements kept per SQL text (the newest `keep` of them): a view asks the same SQL with
 * other parameters on every click, and each prepare is a round trip to the engine's worker and a fresh plan. A kept
 * statement that fails (its table was replaced in a way DuckDB cannot rebind) is dropped and the query prepared anew.
 */
export function keptStatements(conn: RawConnection, keep = 32): <T>(sql: string, params: readonly Param[]) => Promise<T> {
	const statements = new Map<string, Promise<Statement>>();
	const forget = (sql: string, statement: Promise<Statement>) => {
		if (statements.get(sql) === statement) statements.delete(sql);
		statement.then((s) => s.close()).catch(() => undefined);
	};
	return async <T>(sql: string, params: readonly Param[]): Promise<T> => {
		if (params.length === 0) return runBound<T>(conn, sql, params);
		const kept = statements.get(sql);
		// A promise either way: the blocking Node build throws where DuckDB-WASM's worker rejects.
		const statement = kept ?? new Promise<Statement>((resolve) => resolve(conn.prepare(sql) as Statement));
		statements.delete(sql);
		statements.set(sql, statement);
		if (!kept && statements.size > keep) {
			const [oldest, stale] = statements.entries().next().value!;
			forget(oldest, stale);
		}
		try {
			return (await (await statement).query(...params)) as T;
		} catch (error) {
			forget(sql, statement);
			if (kept) return runBound<T>(conn, sql, params);
			throw toDbError('query', error);
		}
	};
}
