import type { Param } from './connector';
import { toDbError } from './errors';

/** The product never downloads code at run time: an unknown extension fails at once instead of being fetched. */
export const OFFLINE_SETTINGS = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false';

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
