import type { Connector } from './connector';
import { DbError, toDbError } from './errors';

const identifier = /^[a-z][a-z0-9_]*$/;

/** File name of a dataset's shipped DuckDB database (gzip-compressed so any static host serves it small). */
export const datasetFile = (table: string) => `${table}.duckdb.gz`;

/**
 * Attaches a dataset's DuckDB database file (already decompressed) and copies its table into memory.
 * A DuckDB file, not Parquet: DuckDB-WASM reads its own format without the parquet extension, which it would
 * otherwise download at run time.
 */
export async function attachDataset(conn: Connector, table: string, bytes: Uint8Array): Promise<void> {
	if (!identifier.test(table)) throw new DbError('load', `Not a valid table name: ${table}`);
	const file = `${table}.duckdb`;
	const alias = `${table}_file`;
	try {
		await conn.registerFile(file, bytes);
		// Names come from our own dataset specs (checked above); values are only ever bound as parameters.
		await conn.query(`ATTACH '${file}' AS ${alias} (READ_ONLY)`);
		try {
			await conn.query(`CREATE OR REPLACE TABLE "${table}" AS SELECT * FROM ${alias}."${table}"`);
		} finally {
			await conn.query(`DETACH ${alias}`);
		}
	} catch (error) {
		const failure = toDbError('load', error);
		throw new DbError('load', `The ${table} data could not be read`, failure.detail ?? failure.message);
	}
}
