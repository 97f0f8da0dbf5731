import { AsyncDuckDB, DuckDBDataProtocol, selectBundle, VoidLogger } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table } from 'apache-arrow';
import { engineFile, refuseIfCancelled, type Connector } from './connector';
import { toDbError } from './errors';
import { takeBootedEngine } from './engine-boot';
import { keptStatements, lockSettings, runBound } from './run';

let started: Promise<Connector> | undefined;

/** DuckDB-WASM in its own worker, started once on first use; a failed start may be retried. */
export function browserConnector(): Promise<Connector> {
	started ??= start().catch((error) => {
		started = undefined;
		throw toDbError('engine', error);
	});
	return started;
}

async function start(): Promise<Connector> {
	const db = await instantiated();
	const conn = await db.connect();
	await runBound(conn, lockSettings(), []);
	const run = keptStatements(conn);
	return {
		filePath: engineFile,
		query: (sql, params = []) => run<Table>(sql, params),
		registerFile: (name, bytes) => db.registerFileBuffer(name, bytes),
		registerBlob: (name, blob) => db.registerFileHandle(name, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true),
		dropFile: async (name) => void (await db.dropFile(name)),
		async copyToBuffer(sql, name, options) {
			const file = engineFile(name);
			await runBound(conn, `COPY (${sql}) TO '${file}' (${options})`, []);
			try {
				return await db.copyFileToBuffer(file);
			} finally {
				await db.dropFile(file);
			}
		},
		insertArrowIPC: (name, ipc) => conn.insertArrowFromIPCStream(ipc, { name, create: true }),
		tokenize: (sql) => db.tokenize(sql),
		async prepareOnly(sql) {
			try {
				await (await conn.prepare(sql)).close();
			} catch (error) {
				throw toDbError('query', error);
			}
		},
		async queryCancellable(sql, signal) {
			refuseIfCancelled(signal);
			// Sent from here on: the worker takes a cancel after the query's start, whenever the signal aborts.
			const cancel = () => void conn.cancelSent();
			signal?.addEventListener('abort', cancel);
			try {
				// send() streams the result in batches and can be cancelled between them, unlike query().
				const reader = await conn.send(sql, true);
				const batches = [];
				for await (const batch of reader) batches.push(batch);
				refuseIfCancelled(signal);
				return batches.length ? new Table(batches) : new Table(reader.schema ?? undefined);
			} catch (error) {
				throw toDbError('query', error);
			} finally {
				signal?.removeEventListener('abort', cancel);
			}
		}
	};
}

/** The engine the page's head started at navigation (engine-boot.ts) when there is one, else a new one. */
async function instantiated(): Promise<AsyncDuckDB> {
	const boot = takeBootedEngine();
	let db: AsyncDuckDB;
	let ready: Promise<unknown>;
	if (boot) {
		db = new AsyncDuckDB(new VoidLogger(), boot.worker);
		ready = boot.instantiated;
	} else {
		// selectBundle picks exactly one of the two: eh where the browser has wasm exceptions, mvp otherwise.
		const bundle = await selectBundle({
			mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
			eh: { mainModule: ehWasm, mainWorker: ehWorker }
		});
		performance.mark('duckdb-start');
		db = new AsyncDuckDB(new VoidLogger(), new Worker(bundle.mainWorker!));
		ready = db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	}
	try {
		await ready;
	} catch (error) {
		await db.terminate();
		throw error;
	}
	performance.mark('duckdb-instantiated');
	return db;
}
