/**
 * The multi-threaded experiment's page (bench/coi/run.ts): starts DuckDB-WASM's single-threaded `eh` bundle or its
 * cross-origin-isolated `coi` bundle (2 threads), then reads the same GENERATED 1M-row CSV three times and runs one
 * grouped aggregate over it. Results go to the title as JSON.
 */
import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
const bundle = new URLSearchParams(location.search).get('bundle') ?? 'eh';
const out: Record<string, number | string> = { bundle, isolated: String(self.crossOriginIsolated) };
const t0 = performance.now();
const worker = new Worker(bundle === 'coi' ? '/duckdb-browser-coi.worker.js' : '/duckdb-browser-eh.worker.js');
const db = new AsyncDuckDB(new VoidLogger(), worker);
await db.instantiate(bundle === 'coi' ? '/duckdb-coi.wasm' : '/duckdb-eh.wasm', bundle === 'coi' ? '/duckdb-browser-coi.pthread.worker.js' : null);
const conn = await db.connect();
out.ready = performance.now() - t0;
if (bundle === 'coi') await conn.query('SET threads = 2');
out.threads = String((await conn.query("SELECT current_setting('threads') AS t")).toArray()[0].t);
const csv = new Uint8Array(await (await fetch('/big.csv')).arrayBuffer());
await db.registerFileBuffer('big.csv', csv);
for (let i = 0; i < 3; i++) {
	const t = performance.now();
	await conn.query(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('big.csv', header = true)`);
	out[`ingest${i}`] = performance.now() - t;
	const q = performance.now();
	await conn.query(`SELECT * FROM t LIMIT 0`);
	const cols = (await conn.query(`SELECT column_name, column_type FROM (DESCRIBE t)`)).toArray().map((r) => r.toJSON());
	const numeric = cols.find((c) => /INT|DOUBLE|DECIMAL/.test(c.column_type))?.column_name;
	const text = cols.find((c) => /VARCHAR/.test(c.column_type))?.column_name;
	await conn.query(`SELECT "${text}", count(*), avg("${numeric}"), quantile_cont("${numeric}", 0.5) FROM t GROUP BY ALL ORDER BY 2 DESC`);
	out[`groupby${i}`] = performance.now() - q;
}
document.title = JSON.stringify(out);
document.documentElement.dataset.done = '1';
