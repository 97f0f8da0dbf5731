/**
 * `npm run bench:coi`: is multi-threaded DuckDB-WASM worth it here? Serves bench/coi/ with COOP/COEP (so the page is
 * cross-origin isolated) and compares the single-threaded bundle the app ships with the `coi` bundle on 2 threads:
 * engine start, 1M-row CSV ingest (GENERATED rows, bench/generate-salaries.ts), a grouped aggregate. Prints a table.
 */
import { chromium } from '@playwright/test';
import { copyFileSync, createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromiumLaunch } from '../../tests/playwright.config';
import { generatedSalaryCsv } from '../generate-salaries';
import { median } from '../report';

const RUNS = 3;
const out = mkdtempSync(path.join(os.tmpdir(), 'atlas-coi-'));
await build({ configFile: false, root: import.meta.dirname, logLevel: 'warn', build: { outDir: out, target: 'es2022' } });
const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm'));
for (const file of ['duckdb-browser-coi.worker.js', 'duckdb-browser-coi.pthread.worker.js', 'duckdb-coi.wasm', 'duckdb-browser-eh.worker.js', 'duckdb-eh.wasm'])
	copyFileSync(path.join(dist, file), path.join(out, file));
writeFileSync(path.join(out, 'big.csv'), generatedSalaryCsv(1_000_000));

const types: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.csv': 'text/csv' };
const server = http.createServer((req, res) => {
	const file = path.join(out, new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '/index.html'));
	if (!file.startsWith(out + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return void res.writeHead(404).end();
	res.writeHead(200, {
		'content-type': types[path.extname(file)] ?? 'application/octet-stream',
		'cross-origin-opener-policy': 'same-origin',
		'cross-origin-embedder-policy': 'require-corp'
	});
	createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const results: Record<string, Record<string, number[]>> = { eh: {}, coi: {} };
const browser = await chromium.launch(chromiumLaunch);
try {
	for (let run = 0; run < RUNS; run++)
		for (const bundle of ['eh', 'coi']) {
			const page = await browser.newPage();
			await page.goto(`${origin}/?bundle=${bundle}`);
			await page.locator('[data-done]').waitFor({ timeout: 120_000 });
			const measured = JSON.parse(await page.title()) as Record<string, number | string>;
			if (measured.isolated !== 'true') throw new Error('the page is not cross-origin isolated');
			for (const [name, value] of Object.entries(measured)) if (typeof value === 'number') (results[bundle][name] ??= []).push(value);
			console.log(bundle, JSON.stringify(measured));
			await page.close();
		}
} finally {
	await browser.close();
	server.close();
	rmSync(out, { recursive: true, force: true });
}
console.log('\n| measure (median of 3 loads) | eh, 1 thread | coi, 2 threads |\n|---|---|---|');
for (const name of Object.keys(results.eh))
	console.log(`| ${name} | ${median(results.eh[name])?.toFixed(0)} ms | ${median(results.coi[name])?.toFixed(0)} ms |`);
