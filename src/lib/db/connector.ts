import type { Table } from 'apache-arrow';

/** A value bound to a `?` placeholder; values never enter SQL text. */
export type Param = string | number | boolean | null;

/** The one interface every query function runs on: DuckDB-WASM in the browser worker, or its blocking build in Node. */
export interface Connector {
	query(sql: string, params?: readonly Param[]): Promise<Table>;
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
}
