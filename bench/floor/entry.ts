/**
 * The floor the overview is measured against: a bare page that only starts DuckDB-WASM (the same worker and wasm
 * files the app ships, from the same server) and runs SELECT 1. Bundled by bench/floor/page.ts; never part of the app.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';

declare const FLOOR_WORKER: string;
declare const FLOOR_WASM: string;

performance.mark('duckdb-start');
const worker = new Worker(FLOOR_WORKER);
const db = new AsyncDuckDB(new VoidLogger(), worker);
await db.instantiate(FLOOR_WASM);
const conn = await db.connect();
await conn.query('SELECT 1');
performance.mark('duckdb-ready');
document.documentElement.dataset.engine = 'ready';
