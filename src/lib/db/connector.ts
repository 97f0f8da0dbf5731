import type { Table } from 'apache-arrow';
import { DbError } from './errors';

/** A value bound to a `?` placeholder; values never enter SQL text. */
export type Param = string | number | boolean | null;

/**
 * The engine runs with external access off: it reads and writes only files registered under this folder of its own
 * virtual file system, never a URL or a path of the machine. Name every registered file with `engineFile`.
 */
export const ENGINE_FILES = '/atlas/';
export const engineFile = (name: string) => `${ENGINE_FILES}${name}`;

/** DuckDB's own tokens of a SQL text: where each starts and its kind (see `TokenKind`); comments are left out. */
export interface SqlTokens {
	offsets: number[];
	types: number[];
}

/** The one interface every query function runs on: DuckDB-WASM in the browser worker, or its blocking build in Node. */
export interface Connector {
	/**
	 * The engine runs every query alone and only reads (the Atlas server's): there is no transaction of the caller's
	 * to open around it.
	 */
	readonly readsOnly?: boolean;
	/** Where a file called `name` is registered for SQL to read: `engineFile(name)` in DuckDB-WASM, a folder of its own natively. */
	filePath(name: string): string;
	query(sql: string, params?: readonly Param[]): Promise<Table>;
	/** Makes bytes readable by SQL under `name`, an `engineFile` (e.g. an uploaded CSV for `read_csv`). */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Makes a user's file readable under `name` without reading it on the page: the engine's worker reads it piece
	 * by piece (copying a big file into memory on the main thread would freeze the page).
	 */
	registerBlob(name: string, blob: Blob): Promise<void>;
	/** Forgets a registered file. */
	dropFile(name: string): Promise<void>;
	/** Runs `COPY (sql) TO … (options)` into a file called `name` in the engine's own folder and hands back its bytes. */
	copyToBuffer(sql: string, name: string, options: string): Promise<Uint8Array>;
	/** Creates table `name` from an Arrow IPC stream. */
	insertArrowIPC(name: string, ipc: Uint8Array): Promise<void>;
	/** Splits SQL into tokens with DuckDB's own lexer (the one its parser uses), without running it. */
	tokenize(sql: string): Promise<SqlTokens>;
	/** Prepares SQL without running it: DuckDB's parser refuses a text of more than one statement. */
	prepareOnly(sql: string): Promise<void>;
	/**
	 * Like `query` without parameters, but stopped when `signal` aborts, whether before it reached the engine or while
	 * it runs (used for analysts' own, possibly long, queries, and for uploads). A stopped query rejects with a `cancelled` detail.
	 */
	queryCancellable(sql: string, signal?: AbortSignal): Promise<Table>;
}

/** Rejects a `queryCancellable` whose signal has aborted (the engine's own error for one it stopped says "cancelled" too). */
export function refuseIfCancelled(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new DbError('query', 'Query cancelled', 'The query was cancelled before it finished.');
}
