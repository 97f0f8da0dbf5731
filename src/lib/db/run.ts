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
			await statement.close();
		}
	} catch (error) {
		throw toDbError('query', error);
	}
}
