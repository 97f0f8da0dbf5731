import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { copyFileSync, linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { refuseIfCancelled, type Connector, type Param } from '../db/connector';
import { DbError, toDbError } from '../db/errors';
import { lockSettings } from '../db/run';
import { diskPathOf } from './disk-blob';
import { resultTable } from './duckdb-arrow';

export interface NativeEngine extends Connector {
	/** The native connection, for the server's own statements (transactions on its database). */
	connection: DuckDBConnection;
	/** Another connection to the same database: it sees only committed transactions. */
	connect(): Promise<DuckDBConnection>;
	close(): void;
}

export interface NativeOptions {
	/** A database file, or in memory when absent. */
	database?: string;
	/** Folders (absolute) besides its own scratch folder that the engine may read. */
	folders?: readonly string[];
	/** Scratch folder under which registered files live (a new one inside it per engine). */
	scratch: string;
	/** Leave the configuration unlocked: the server's own database, whose statements are all its own. */
	unlocked?: boolean;
}

/**
 * Native DuckDB behind the same Connector as DuckDB-WASM, so the upload checks and version reads are one code path
 * run by both engines. Registered "files" are real files in a scratch folder of its own; results come back as Arrow
 * tables like DuckDB-WASM's.
 */
export async function nativeConnector(options: NativeOptions): Promise<NativeEngine> {
	const scratch = mkdtempSync(path.join(options.scratch, 'engine-'));
	let instance: DuckDBInstance;
	let connection: DuckDBConnection;
	try {
		instance = await DuckDBInstance.create(options.database ?? ':memory:', { threads: '2' });
		connection = await instance.connect();
		if (!options.unlocked) await connection.run(lockSettings([`${scratch}${path.sep}`, ...(options.folders ?? [])]));
	} catch (error) {
		rmSync(scratch, { recursive: true, force: true });
		throw toDbError('engine', error);
	}
	const run = async (sql: string, params: readonly Param[] = []) => {
		try {
			return await resultTable(await connection.run(sql, params.length ? (params as DuckDBValue[]) : undefined));
		} catch (error) {
			throw toDbError('query', error);
		}
	};
	const filePath = (name: string) => path.join(scratch, path.basename(name));
	return {
		connection,
		connect: () => instance.connect(),
		filePath,
		query: run,
		async queryCancellable(sql, signal) {
			refuseIfCancelled(signal);
			const interrupt = () => connection.interrupt();
			signal?.addEventListener('abort', interrupt);
			try {
				return await run(sql);
			} finally {
				signal?.removeEventListener('abort', interrupt);
			}
		},
		async registerFile(name, bytes) {
			writeFileSync(filePath(name), bytes);
		},
		async registerBlob(name, blob) {
			const target = filePath(name);
			rmSync(target, { force: true });
			const source = diskPathOf(blob);
			if (!source) return writeFileSync(target, new Uint8Array(await blob.arrayBuffer()));
			// A file on disk is linked, not copied: a published file may be a gigabyte.
			try {
				linkSync(source, target);
			} catch {
				copyFileSync(source, target);
			}
		},
		async dropFile(name) {
			rmSync(filePath(name), { force: true });
		},
		async copyToBuffer(sql, name, options) {
			const file = filePath(name);
			try {
				await connection.run(`COPY (${sql}) TO '${file.replaceAll("'", "''")}' (${options})`);
				return new Uint8Array(readFileSync(file));
			} catch (error) {
				throw toDbError('query', error);
			} finally {
				rmSync(file, { force: true });
			}
		},
		async insertArrowIPC() {
			throw new DbError('load', 'Native DuckDB here has no Arrow reader: load datasets from their CSV files');
		},
		async tokenize() {
			throw new DbError('query', 'Tokenizing is done by DuckDB-WASM');
		},
		async prepareOnly(sql) {
			try {
				(await connection.prepare(sql)).destroySync();
			} catch (error) {
				throw toDbError('query', error);
			}
		},
		close() {
			connection.closeSync();
			instance.closeSync();
			rmSync(scratch, { recursive: true, force: true });
		}
	};
}
