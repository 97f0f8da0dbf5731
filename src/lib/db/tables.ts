import type { Connector } from './connector';
import { DbError, toDbError } from './errors';

const identifier = /^[a-z][a-z0-9_]*$/;

/**
 * File name of a dataset as shipped: an Arrow IPC stream, gzipped so any static host serves it small.
 * Arrow, not Parquet: DuckDB-WASM 1.32 reads Arrow natively but would download its parquet extension at run time.
 */
export const datasetFile = (table: string) => `${table}.arrow.gz`;

/** Creates (or replaces) the dataset's table from its Arrow IPC bytes (already decompressed). */
export async function attachDataset(conn: Connector, table: string, ipc: Uint8Array): Promise<void> {
	if (!identifier.test(table)) throw new DbError('load', `Not a valid table name: ${table}`);
	// An Arrow IPC stream opens with the continuation marker 0xFFFFFFFF; anything else (an HTML error page, a
	// truncated download) would otherwise be read as an empty stream without complaint.
	if (ipc.length < 8 || ipc[0] !== 0xff || ipc[1] !== 0xff || ipc[2] !== 0xff || ipc[3] !== 0xff)
		throw new DbError('load', `The ${table} data could not be read`, `${datasetFile(table)} is not an Arrow IPC stream`);
	try {
		// Names come from our own dataset specs (checked above); values are only ever bound as parameters.
		await conn.query(`DROP TABLE IF EXISTS "${table}"`);
		await conn.insertArrowIPC(table, ipc);
		await conn.query(`SELECT count(*) FROM "${table}"`);
	} catch (error) {
		const failure = toDbError('load', error);
		throw new DbError('load', `The ${table} data could not be read`, failure.detail ?? failure.message);
	}
}
