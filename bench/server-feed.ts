/**
 * Data bigger than a browser: a GENERATED 50M-row job-postings feed (bench/generate-postings-feed.ts) published to an
 * Atlas server of its own, which places it on the server by its size. Then /industries in Chromium, cold: until every
 * chart shows the server's answers; and 50 occupation picks, each asking the server for that occupation's months
 * (answered from the job_postings_national pre-aggregate). Beside them, native DuckDB in-process on the same database:
 * the same query on the pre-aggregate, and the same aggregation over the 50M rows without it.
 */
import type { Browser } from '@playwright/test';
import { DuckDBInstance } from '@duckdb/node-api';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { occupationOverTimeSql } from '../src/lib/queries/postings';
import { AtlasServer } from '../tests/e2e/atlas-server';
import { FEED_SOURCE, writePostingsFeed } from './generate-postings-feed';
import { CLICKS, percentile } from './interactions';
import { sampleRss } from './publish';

const WARM_UP = 3;
const LOADS = 3;

export interface ServerFeedResult {
	rows: number;
	csvBytes: number;
	generateMs: number;
	publish: { totalMs: number; receiveMs: number; checkMs: number; commitMs: number };
	placement: string;
	/** Navigation → every /industries chart drawn from the server's answers, per cold load. */
	firstCharts: number[];
	/** Occupation pick → its months drawn, per click. */
	clicks: number[];
	/** The pick's query, native DuckDB in-process on the server's database, on the pre-aggregate and on the raw rows. */
	nativeRollup: number[];
	nativeRaw: number[];
	rollupRows: number;
	peakRssMiB: number;
}

const occupationPick = `new Promise((resolve, reject) => {
	const items = [...document.querySelectorAll('[data-chart="postings-occupation"] a[data-key]')];
	if (items.length < 2) return reject(new Error('fewer than two occupations'));
	const el = items[INDEX % items.length];
	const shown = '[data-chart="postings-time"] [data-picked="' + CSS.escape(el.dataset.key) + '"] [data-series]';
	const updates = () => performance.getEntriesByName('view-updated').length;
	const before = updates();
	const start = performance.now();
	el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
	const check = () => {
		if (document.querySelector(shown) && !document.querySelector('figure[aria-busy="true"]') && updates() > before) setTimeout(() => resolve(performance.now() - start), 0);
		else requestAnimationFrame(check);
	};
	check();
})`;

export async function measureServerFeed(browser: Browser, port: number): Promise<ServerFeedResult> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-feed-'));
	const file = path.join(dir, 'generated-postings-feed-50m.csv');
	const server = new AtlasServer(port);
	try {
		let started = performance.now();
		const rows = await writePostingsFeed(file);
		const generateMs = performance.now() - started;
		const csvBytes = statSync(file).size;
		console.log(`server feed: generated ${rows.toLocaleString('en')} rows, ${(csvBytes / 2 ** 30).toFixed(1)} GiB in ${(generateMs / 1000).toFixed(0)} s`);

		await server.start({ ATLAS_MAX_PUBLISH_BYTES: String(64 * 2 ** 30) });
		const peak = sampleRss(server.process!.pid!);
		const { cookie, csrf } = await server.signIn();
		started = performance.now();
		const response = await fetch(`${server.url}/api/datasets/job_postings/versions`, {
			method: 'POST',
			headers: {
				cookie,
				origin: server.url,
				'x-atlas-csrf': csrf,
				'if-match': '"shipped"',
				'x-atlas-upload': encodeURIComponent(JSON.stringify({ fileName: path.basename(file), mode: 'append' })),
				'content-type': 'text/csv',
				'content-length': String(csvBytes)
			},
			body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
			duplex: 'half'
		} as RequestInit);
		const answer = await response.json();
		if (response.status !== 201) throw new Error(`publish answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
		const publish = { totalMs: performance.now() - started, ...answer.timings };
		rmSync(file, { force: true });
		const placement = (await (await fetch(`${server.url}/api/published`)).json()).placements.job_postings;
		console.log(`server feed: published in ${(publish.totalMs / 1000).toFixed(0)} s; placed ${placement.placement} (${placement.why})`);

		const firstCharts: number[] = [];
		for (let load = 0; load < LOADS; load++) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			const navigated = performance.now();
			await page.goto(`${server.url}/industries`);
			await page.locator('[data-chart="postings-occupation"] a[data-key^="occupation: Generated"]').first().waitFor({ timeout: 120_000 });
			await page.waitForFunction(() => !document.querySelector('figure[aria-busy="true"]'), null, { timeout: 120_000 });
			firstCharts.push(performance.now() - navigated);
			await context.close();
		}
		console.log(`server feed: /industries charts from the server in ${firstCharts.map((t) => t.toFixed(0)).join(', ')} ms`);

		const page = await browser.newPage();
		await page.goto(`${server.url}/industries`);
		await page.locator('[data-chart="postings-occupation"] a[data-key^="occupation: Generated"]').first().waitFor({ timeout: 120_000 });
		const clicks: number[] = [];
		for (let click = 1; click <= WARM_UP + CLICKS; click++) {
			const ms = (await page.evaluate(occupationPick.replace('INDEX', String(click)))) as number;
			if (click > WARM_UP) clicks.push(ms);
		}
		await page.close();
		console.log(`server feed: occupation pick → repaint median ${percentile(clicks, 50).toFixed(0)} ms, p95 ${percentile(clicks, 95).toFixed(0)} ms`);
		const peakRssMiB = peak();
		await server.stop();

		// The floor: the server's own database, opened in this process once the server has stopped.
		const instance = await DuckDBInstance.create(path.join(server.dataDir, 'query.duckdb'), { access_mode: 'READ_ONLY', threads: '2' });
		const conn = await instance.connect();
		const time = async (sql: string, params: string[]) => {
			const t = performance.now();
			await conn.runAndReadAll(sql, params);
			return performance.now() - t;
		};
		const occupations = Array.from({ length: 30 }, (_, i) => `occupation: Generated ${i + 1}`);
		const raw = `SELECT period, sum(value) AS value FROM job_postings WHERE metric = 'new_job_postings_tech' AND dimension = ? AND source_org = '${FEED_SOURCE}' GROUP BY period ORDER BY period`;
		const nativeRollup: number[] = [];
		const nativeRaw: number[] = [];
		for (let i = 1; i <= WARM_UP + CLICKS; i++) {
			const rollupMs = await time(occupationOverTimeSql(), [occupations[i % 30]]);
			const rawMs = await time(raw, [occupations[i % 30]]);
			if (i > WARM_UP) {
				nativeRollup.push(rollupMs);
				nativeRaw.push(rawMs);
			}
		}
		const rollupRows = Number((await conn.runAndReadAll('SELECT count(*) FROM job_postings_national')).getRows()[0][0]);
		conn.closeSync();
		instance.closeSync();
		console.log(`server feed: native, pre-aggregate median ${percentile(nativeRollup, 50).toFixed(1)} ms; raw 50M rows median ${percentile(nativeRaw, 50).toFixed(0)} ms`);
		return { rows, csvBytes, generateMs, publish, placement: `${placement.placement} (${placement.why})`, firstCharts, clicks, nativeRollup, nativeRaw, rollupRows, peakRssMiB };
	} finally {
		await server.stop();
		server.remove();
		rmSync(dir, { recursive: true, force: true });
	}
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

export const FEED_HEADING = '## Data bigger than a browser: a GENERATED 50M-row feed queried on the Atlas server';

/** The report's section on the feed. */
export function renderServerFeed(r: ServerFeedResult): string {
	const p = (values: number[], q: number) => ms(percentile(values, q));
	return `${FEED_HEADING}

**Generated data** (bench/generate-postings-feed.ts, seeded): ${r.rows.toLocaleString('en')} job-postings rows (60 months × 16,340
made-up areas × 51 breakdowns, source "GENERATED feed (TEST, not real data)"), ${(r.csvBytes / 2 ** 30).toFixed(1)} GiB of CSV, written in
${(r.generateMs / 1000).toFixed(0)} s. Published (append, over the shipped rows) to an Atlas server of its own started with
ATLAS_MAX_PUBLISH_BYTES above the browser's 1 GB; placed **${r.placement}**. The server keeps job_postings_national
(${r.rollupRows.toLocaleString('en')} rows), rebuilt inside the publish; the views read it. Chromium, cold profile each load.

| measure | median | p95 | all |
|---|---|---|---|
| publish: received and fsynced | ${ms(r.publish.receiveMs)} | | |
| publish: server check (the upload checks on all rows) | ${ms(r.publish.checkMs)} | | |
| publish: stored, with the query engine's tables and pre-aggregate rebuilt | ${ms(r.publish.commitMs)} | | |
| /industries: navigation → every chart drawn from the server's answers (${r.firstCharts.length} cold loads) | ${ms(percentile(r.firstCharts, 50))} | | ${list(r.firstCharts)} |
| **occupation pick → its 60 months re-queried on the server (HTTP, Arrow) and repainted, ${r.clicks.length} clicks** | **${p(r.clicks, 50)}** | **${p(r.clicks, 95)}** | target p95 ≤ 150 ms |
| native DuckDB in-process, the same query on the pre-aggregate | ${p(r.nativeRollup, 50)} | ${p(r.nativeRollup, 95)} | |
| native DuckDB in-process, the same aggregation over the 50M rows (no pre-aggregate) | ${p(r.nativeRaw, 50)} | ${p(r.nativeRaw, 95)} | |
| peak resident memory of the server process | ${r.peakRssMiB.toFixed(0)} MiB | | |
`;
}
