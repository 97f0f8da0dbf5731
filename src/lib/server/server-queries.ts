/**
 * The server's query engine: a native DuckDB database of its own (query.duckdb in the data directory) holding every
 * dataset's current version under the dataset's own name, so the query functions' SQL runs here unchanged. It is
 * locked like the browser's engine (no extensions, no files outside data/, the published files and its scratch
 * folder, no setting changes) and answers only single SELECT statements with bound parameters, within a time and a
 * row limit. It holds no sessions or accounts: those live in the store's own database, which no query reaches.
 */
import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { attachVersion } from '../checks/attach-version';
import { schemaFor } from '../checks/schemas';
import { datasets } from '../datasets';
import { createRollups } from '../datasets/rollups';
import type { Param } from '../db/connector';
import { toDbError } from '../db/errors';
import type { PublishedVersion } from '../versions/published';
import { layersOf } from '../versions/store';
import { diskBlob } from './disk-blob';
import { resultTable, TooManyRows } from './duckdb-arrow';
import { log } from './log';
import { nativeConnector, type NativeEngine } from './native-connector';
import { attachShipped, DATA_DIR } from './shipped';

export interface QueryLimits {
	/** A query still running after this is interrupted. */
	timeoutMs: number;
	/** A result with more rows is refused (views ask for aggregates; the console's tables are capped in the page too). */
	maxRows: number;
}

export const QUERY_LIMITS: QueryLimits = { timeoutMs: 15_000, maxRows: 200_000 };
/** The longest SQL text accepted. */
export const MAX_SQL_CHARS = 100_000;

/** A query the server will not run, and why: the request was wrong, not the server. */
export class QueryRefused extends Error {
	constructor(
		message: string,
		readonly status = 400
	) {
		super(message);
	}
}

const BOOKKEEPING = 'atlas_materialized';

export class ServerQueries {
	private constructor(
		private readonly engine: NativeEngine,
		private readonly files: string
	) {}

	/** Every dataset's rows, as of the last sync: queries wait for the first one. */
	private synced: Promise<void> = Promise.resolve();
	// Rebuilds run one at a time: a publish's and the start-up sync never interleave their statements.
	private rebuilds: Promise<unknown> = Promise.resolve();

	/**
	 * Opens `database` (a file, or `md:…` where the server's DuckDB is MotherDuck; see README) and starts bringing every
	 * dataset to `published` (the shipped data where nothing is published).
	 */
	static async open(options: { database: string; files: string; scratch: string }, published: () => Promise<Record<string, PublishedVersion>>): Promise<ServerQueries> {
		const engine = await nativeConnector({
			database: options.database,
			scratch: options.scratch,
			folders: [DATA_DIR + path.sep, options.files + path.sep]
		});
		await engine.query(`CREATE TABLE IF NOT EXISTS ${BOOKKEEPING} (dataset VARCHAR PRIMARY KEY, version VARCHAR NOT NULL, built_at VARCHAR NOT NULL)`);
		const queries = new ServerQueries(engine, options.files);
		queries.synced = queries.exclusive(async () => {
			const current = await published();
			const built = new Map((await engine.query(`SELECT dataset, version FROM ${BOOKKEEPING}`)).toArray().map((r) => [String(r.dataset), String(r.version)]));
			for (const spec of datasets) {
				const version = current[spec.name] ?? null;
				// The shipped data comes with the code, which may be newer than the database: always rebuilt (it is small).
				if (version && built.get(spec.name) === version.id) continue;
				try {
					await queries.build(spec.name, version);
				} catch (error) {
					// As in the browser: a version that cannot be read leaves its dataset to the shipped data, and says so.
					log('query-engine.version-unreadable', { dataset: spec.name, version: version?.id, reason: (error as Error).message }, 'error');
					if (version) await queries.build(spec.name, null);
					else throw error;
				}
			}
		});
		queries.synced.catch((error) => log('query-engine.sync-failed', { reason: (error as Error).message }, 'error'));
		return queries;
	}

	private exclusive<T>(work: () => Promise<T>): Promise<T> {
		const next = this.rebuilds.then(work, work);
		this.rebuilds = next.catch(() => undefined);
		return next;
	}

	/** Replaces `dataset`'s table with `version`'s rows (null: the shipped data), in one transaction. */
	private async build(dataset: string, version: PublishedVersion | null): Promise<void> {
		const started = performance.now();
		const engine = this.engine;
		await engine.query('BEGIN TRANSACTION');
		try {
			if (version)
				await attachVersion(engine, schemaFor(dataset)!, layersOf(version), {
					attachBase: (_, table) => attachShipped(engine, dataset, table),
					file: (sha) => diskBlob(path.join(this.files, `${sha}.csv`)),
					dataFile: async (name) => new Uint8Array(await readFile(path.join(DATA_DIR, path.basename(name))))
				});
			else await attachShipped(engine, dataset);
			await createRollups(engine, dataset, 'TABLE');
			await engine.query(`INSERT OR REPLACE INTO ${BOOKKEEPING} VALUES (?, ?, ?)`, [dataset, version?.id ?? 'shipped', new Date().toISOString()]);
			await engine.query('COMMIT');
		} catch (error) {
			await engine.query('ROLLBACK').catch(() => undefined);
			throw error;
		}
		log('query-engine.built', { dataset, version: version?.id ?? 'shipped', ms: Math.round(performance.now() - started) });
	}

	/** Makes `version` what queries of `dataset` read: called inside the publish (or rollback) transaction, before it commits. */
	rebuild(dataset: string, version: PublishedVersion | null): Promise<void> {
		// Queued at once, behind the start-up sync and any rebuild before it: `idle` waits for it from here on.
		return this.exclusive(() => this.build(dataset, version));
	}

	/** Resolves once every rebuild asked for so far is done (tests, and the benchmark's floor). */
	async idle(): Promise<void> {
		await this.rebuilds;
	}

	/** Resolves when every dataset's rows are in; rejects with why they could not be. */
	ready(): Promise<void> {
		return this.synced;
	}

	/**
	 * Runs one SELECT with its parameters bound, read-only, on a connection of its own; stopped when `signal` aborts or
	 * the time limit passes; refused past the row limit. Anything else is refused before it runs.
	 */
	async run(sql: string, params: readonly Param[], options: { signal?: AbortSignal; limits?: QueryLimits } = {}): Promise<Table> {
		const limits = options.limits ?? QUERY_LIMITS;
		if (typeof sql !== 'string' || !sql.trim()) throw new QueryRefused('Send the SQL of one query.');
		if (sql.length > MAX_SQL_CHARS) throw new QueryRefused(`The query is longer than ${MAX_SQL_CHARS.toLocaleString('en')} characters.`);
		if (!Array.isArray(params) || params.some((p) => p !== null && !['string', 'number', 'boolean'].includes(typeof p)))
			throw new QueryRefused('Parameters must be a list of strings, numbers, booleans or nulls.');
		await this.synced;
		const connection = await this.engine.connect();
		let statement: DuckDBPreparedStatement | undefined;
		const interrupt = () => connection.interrupt();
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			interrupt();
		}, limits.timeoutMs);
		options.signal?.addEventListener('abort', interrupt);
		try {
			statement = await prepareOne(connection, sql);
			if (statement.parameterCount !== params.length)
				throw new QueryRefused(`The query has ${statement.parameterCount} parameter${statement.parameterCount === 1 ? '' : 's'} (?) but ${params.length} value${params.length === 1 ? ' was' : 's were'} sent.`);
			if (params.length) statement.bind(params as DuckDBValue[]);
			try {
				return await resultTable(await statement.stream(), limits.maxRows);
			} catch (error) {
				if (error instanceof TooManyRows) throw new QueryRefused(error.message, 413);
				if (timedOut)
					throw new QueryRefused(`The query ran longer than ${limits.timeoutMs / 1000} s and was stopped.`, 408);
				throw toDbError('query', error);
			}
		} finally {
			clearTimeout(timer);
			options.signal?.removeEventListener('abort', interrupt);
			statement?.destroySync();
			connection.closeSync();
		}
	}

	/** Closes the engine once the rebuilds under way are done (closing under a running statement would crash the process). */
	async close(): Promise<void> {
		await this.rebuilds;
		this.engine.close();
	}
}

/** Prepares `sql` when it is exactly one SELECT; refuses anything else by DuckDB's own parser and statement type. */
async function prepareOne(connection: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
	let statement: DuckDBPreparedStatement;
	try {
		const extracted = await connection.extractStatements(sql);
		if (extracted.count !== 1) throw new QueryRefused(`Send exactly one statement (this text has ${extracted.count}).`);
		statement = await extracted.prepare(0);
	} catch (error) {
		if (error instanceof QueryRefused) throw error;
		const failure = toDbError('query', error);
		throw new QueryRefused(failure.detail ?? failure.message);
	}
	const type = statement.statementType;
	if (type !== StatementType.SELECT) {
		statement.destroySync();
		throw new QueryRefused(`Only a query that reads (SELECT) runs here, not ${StatementType[type] ?? 'this statement'}.`);
	}
	return statement;
}
