/**
 * Ingest benchmark: a GENERATED 1M-row salary-survey CSV (bench/generate-salaries.ts) uploaded on /data, read and
 * checked by DuckDB-WASM and committed to IndexedDB, timed in the page; beside it, native DuckDB (@duckdb/node-api)
 * reading the same file into a table.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunch } from '../tests/playwright.config';
import { generatedSalaryCsv } from './generate-salaries';
import { measurePublish, type PublishResult } from './publish';

export interface IngestSample {
	/** File chosen → preview shown (read, checked, compared). */
	checkMs: number;
	/** Commit clicked → committed (the staged file made the current version). */
	commitMs: number;
	/** Main-thread tasks over 50 ms while the file was read, checked and committed. */
	longTasks: number[];
	/** Peak resident memory of all Chromium processes during the run, MiB. */
	peakRssMiB: number;
}

export interface IngestResult {
	rows: number;
	bytes: number;
	samples: IngestSample[];
	nativeMs: number[];
	threads: number;
	publish: PublishResult;
}

export function generatedFile(rows: number): string {
	const file = path.join(os.tmpdir(), `generated-salary-survey-${rows}.csv`);
	writeFileSync(file, generatedSalaryCsv(rows));
	return file;
}

/** Sum of RSS over every Chromium process, sampled until stopped. */
function sampleChromiumRss() {
	let peak = 0;
	const timer = setInterval(() => {
		try {
			const out = execSync('ps -C chromium -o rss=', { encoding: 'utf8' });
			peak = Math.max(peak, out.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0));
		} catch {
			// no process at this instant
		}
	}, 500);
	return () => (clearInterval(timer), peak / 1024);
}

export async function measureIngest(port: number, file: string, runs: number): Promise<IngestSample[]> {
	const browser = await chromium.launch(chromiumLaunch);
	const samples: IngestSample[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			// The hash picks the dataset on load; waiting for it to be attached keeps that work out of the measurement.
			await page.goto(`http://localhost:${port}/data#upload-salary_survey`);
			await page.waitForFunction(
				`document.querySelector('[data-upload-dataset]')?.value === 'salary_survey' && document.querySelector('[data-upload-panel]').dataset.engineReady === 'true'`,
				null,
				{ timeout: 60_000 }
			);
			// A string, not a function: tsx would wrap a function's helpers in a `__name` the page does not have.
			await page.evaluate(`(() => {
				window.__ingest = { longTasks: [] };
				new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__ingest.longTasks.push(e.duration); }).observe({ type: 'longtask' });
				document.querySelector('[data-upload-input]').addEventListener('change', () => (window.__ingest.picked = performance.now()), { capture: true });
				new MutationObserver(() => {
					if (!window.__ingest.previewed && document.querySelector('[data-commit]')) window.__ingest.previewed = performance.now();
					if (!window.__ingest.committed && document.querySelector('[data-upload-message]')) window.__ingest.committed = performance.now();
				}).observe(document.body, { subtree: true, childList: true });
			})()`);
			const stop = sampleChromiumRss();
			await page.locator('[data-upload-input]').setInputFiles(file);
			await page.locator('[data-commit]').waitFor({ timeout: 120_000 });
			// The generated file replaces every surveyed row: the panel asks for a second yes, given before the timed click.
			if (await page.locator('[data-removal]').count()) await page.locator('[data-confirm-removal]').check();
			await page.locator('[data-commit]:enabled').waitFor();
			await page.evaluate(`(() => { window.__ingest.commitClicked = performance.now(); document.querySelector('[data-commit]').click(); })()`);
			await page.locator('[data-upload-message]').waitFor({ timeout: 120_000 });
			const peakRssMiB = stop();
			const t = (await page.evaluate('window.__ingest')) as { picked: number; previewed: number; commitClicked: number; committed: number; longTasks: number[] };
			samples.push({ checkMs: t.previewed - t.picked, commitMs: t.committed - t.commitClicked, longTasks: t.longTasks, peakRssMiB });
			console.log(`ingest run ${run + 1}/${runs}: checked ${t.previewed - t.picked | 0} ms + committed ${t.committed - t.commitClicked | 0} ms, long tasks ${t.longTasks.map((d) => d | 0).join(', ') || 'none'}, peak RSS ${peakRssMiB | 0} MiB`);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return samples;
}

/** Native DuckDB reading the same file with the same columns into a table. */
export async function measureNative(file: string, runs: number): Promise<{ ms: number[]; threads: number }> {
	const results: number[] = [];
	let threads = 0;
	for (let run = 0; run < runs; run++) {
		const db = await DuckDBInstance.create(':memory:');
		const conn = await db.connect();
		threads = Number((await conn.runAndReadAll(`SELECT current_setting('threads') AS t`)).getRows()[0][0]);
		const started = performance.now();
		await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
			columns = {'work_year': 'DOUBLE', 'experience_level': 'VARCHAR', 'employment_type': 'VARCHAR', 'job_title': 'VARCHAR', 'salary': 'DOUBLE',
				'salary_currency': 'VARCHAR', 'salary_in_usd': 'DOUBLE', 'employee_residence': 'VARCHAR', 'remote_ratio': 'DOUBLE', 'company_location': 'VARCHAR', 'company_size': 'VARCHAR'})`);
		results.push(performance.now() - started);
		conn.closeSync();
		db.closeSync();
	}
	return { ms: results, threads };
}

export async function measureIngestAll(port: number, runs: number): Promise<IngestResult> {
	const rows = 1_000_000;
	const file = generatedFile(rows);
	const { statSync } = await import('node:fs');
	const native = await measureNative(file, runs);
	console.log(`native DuckDB read: ${native.ms.map((m) => m | 0).join(', ')} ms`);
	const samples = await measureIngest(port, file, runs);
	const { readFileSync } = await import('node:fs');
	const publish = await measurePublish(port + 1, readFileSync(file), runs);
	return { rows, bytes: statSync(file).size, samples, nativeMs: native.ms, threads: native.threads, publish };
}
