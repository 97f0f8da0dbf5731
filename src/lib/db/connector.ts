import type { Table } from 'apache-arrow';

/** A value bound to a `?` placeholder; values never enter SQL text. */
export type Param = string | number | boolean | null;

/** The one interface every query function runs on: DuckDB-WASM in the browser worker, or its blocking build in Node. */
export interface Connector {
	query(sql: string, params?: readonly Param[]): Promise<Table>;
	/** Makes bytes readable by SQL under `name` (e.g. an uploaded CSV for `read_csv`). */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Makes a user's file readable under `name` without reading it on the page: the engine's worker reads it piece
	 * by piece (copying a big file into memory on the main thread would freeze the page).
	 */
	registerBlob(name: string, blob: Blob): Promise<void>;
	/** Forgets a registered file. */
	dropFile(name: string): Promise<void>;
	/** Runs `COPY (sql) TO name (options)` in the engine and hands back the written file's bytes. */
	copyToBuffer(sql: string, name: string, options: string): Promise<Uint8Array>;
	/** Creates table `name` from an Arrow IPC stream. */
	insertArrowIPC(name: string, ipc: Uint8Array): Promise<void>;
	/** Like `query` without parameters, but `cancel()` stops it (used for analysts' own, possibly long, queries). */
	queryCancellable(sql: string): Promise<Table>;
	/** Cancels the running `queryCancellable`; false when nothing was running. */
	cancel(): Promise<boolean>;
}
