import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { engineFile, refuseIfCancelled, type Connector } from './connector';
import { toDbError } from './errors';
import { keptStatements, lockSettings, runBound } from './run';

// COPY writes to the real file system in Node: a directory of this process's own, the only one besides `folders` the
// engine may touch.
let copyDir: string | undefined;

/**
 * The same DuckDB-WASM engine as the browser, in its blocking Node build: for tests and build-time snapshots. Locked
 * like the browser's; `folders` lists the directories (absolute, ending in a separator) whose files it may read and write.
 */
export async function nodeConnector(folders: readonly string[] = []): Promise<Connector> {
	const { engine, connection } = await openNodeEngine(folders);
	const run = keptStatements(connection);
	return {
		filePath: engineFile,
		query: (sql, params = []) => run<Table>(sql, params),
		async registerFile(name, bytes) {
			engine.registerFileBuffer(name, bytes);
		},
		async registerBlob(name, blob) {
			engine.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
		},
		async dropFile(name) {
			engine.dropFile(name);
		},
		async copyToBuffer(sql, name, options) {
			const file = path.join(copyDir!, path.basename(name));
			try {
				// The Node runtime cannot rename a temporary file into place.
				await runBound(connection, `COPY (${sql}) TO '${file.replaceAll("'", "''")}' (${options}, USE_TMP_FILE false)`, []);
				return engine.copyFileToBuffer(file);
			} finally {
				engine.dropFile(file);
				rmSync(file, { force: true });
			}
		},
		tokenize: async (sql) => engine.tokenize(sql),
		async prepareOnly(sql) {
			try {
				connection.prepare(sql).close();
			} catch (error) {
				throw toDbError('query', error);
			}
		},
		// The blocking build runs a query to the end before anything else can happen: only a signal aborted before it counts.
		queryCancellable: async (sql, signal) => {
			refuseIfCancelled(signal);
			return runBound<Table>(connection, sql, []);
		},
		async insertArrowIPC(name, ipc) {
			try {
				connection.insertArrowFromIPCStream(ipc, { name, create: true });
			} catch (error) {
				throw toDbError('load', error);
			}
		}
	};
}

// DuckDB's Node build loads apache-arrow through require(); an ESM import would be a second copy whose
// tableToIPC does not recognise DuckDB's tables (it writes 0 bytes).
const arrow = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');

/** An Arrow table from the Node connector as IPC stream bytes: the shipped dataset format. */
export function arrowIPC(table: Table): Uint8Array {
	return arrow.tableToIPC(table, 'stream');
}

/** The blocking engine and one locked connection (see nodeConnector). */
export async function openNodeEngine(folders: readonly string[] = []) {
	copyDir ??= mkdtempSync(path.join(tmpdir(), 'duckdb-copy-'));
	const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm'));
	try {
		const engine = await createDuckDB(
			{
				mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
				eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
			},
			new VoidLogger(),
			NODE_RUNTIME
		);
		await engine.instantiate();
		const connection = engine.connect();
		connection.query(lockSettings([`${copyDir}${path.sep}`, ...folders]));
		return { engine, connection };
	} catch (error) {
		throw toDbError('engine', error);
	}
}
