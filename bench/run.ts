/**
 * `npm run bench`: builds, serves the production build from the Atlas server, and measures cold loads of the overview in Debian's Chromium.
 * Writes the medians to bench/BENCHMARKS.md. Options: --runs N (default 7), --no-build, --no-server-feed (skips the
 * 50M-row feed on the server: ~8 GB of disk and several minutes; the report keeps the previous run's feed section, dated).
 */
import { chromium, type Browser, type BrowserContext, type Response } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunch } from '../tests/playwright.config';
import { FLOOR_PATH, writeFloorPage } from './floor/page';
import { measureIngestAll } from './ingest';
import { measureInteractions } from './interactions';
import { measureConsole } from './console';
import { FEED_HEADING, measureServerFeed, renderServerFeed } from './server-feed';
import { median, renderReport, type LoadSample } from './report';
import { coldReady } from './cold-ready';
import { startServer } from './server';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 7;
const port = 4180;

function kindOf(response: Response): keyof LoadSample['bytes'] {
	const url = new URL(response.url()).pathname;
	if (url.endsWith('.wasm')) return 'wasm';
	if (url.includes('/duckdb-browser-')) return 'duckdbJs';
	if (url.endsWith('.js')) return 'appJs';
	if (url.startsWith('/datasets/')) return 'data';
	return 'other';
}

async function measure(): Promise<LoadSample[]> {
	const browser = await chromium.launch(chromiumLaunch);
	const samples: LoadSample[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			// Fresh profile: cold HTTP cache every run; no service worker, so the numbers are the app's, not a warm cache's.
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			const bytes: LoadSample['bytes'] = { appJs: 0, duckdbJs: 0, wasm: 0, data: 0, other: 0 };
			const wasmFiles: string[] = [];
			const pending: Promise<void>[] = [];
			const jsFiles: { path: string; size: number }[] = [];
			page.on('response', (response) => {
				pending.push(
					(async () => {
						// Content-Length is the compressed size when the server sends gzip; fall back to the body size.
						const declared = Number(await response.headerValue('content-length'));
						const size = declared > 0 ? declared : (await response.request().sizes()).responseBodySize;
						const kind = kindOf(response);
						bytes[kind] += size;
						if (kind === 'wasm') wasmFiles.push(response.url());
						if (kind === 'appJs') jsFiles.push({ path: new URL(response.url()).pathname, size });
					})().catch(() => undefined)
				);
			});
			const htmlResponse = await page.goto(`http://localhost:${port}/`);
			const html = (await htmlResponse?.text()) ?? '';
			await page.locator('[data-engine="ready"], [data-engine="failed"]').waitFor({ timeout: 60_000 });
			const engineState = await page.locator('[data-engine]').getAttribute('data-engine');
			// A string, not a function: tsx would wrap a function's inner helpers in a `__name` the page does not have.
			const timing = (await page.evaluate(`({
				firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
				hydrated: performance.getEntriesByName('overview-hydrated')[0]?.startTime ?? null,
				duckdbReady: performance.getEntriesByName('duckdb-ready')[0]?.startTime ?? null
			})`)) as { firstContentfulPaint: number | null; hydrated: number | null; duckdbReady: number | null };
			await Promise.all(pending);
			if (engineState !== 'ready') throw new Error(`run ${run + 1}: DuckDB did not start`);
			// JS the prerendered page links to is what the first paint and hydration need; the rest is imported later.
			const initialJs = jsFiles.filter((f) => html.includes(f.path.split('/').pop()!)).reduce((sum, f) => sum + f.size, 0);
			samples.push({
				initialJs,
				// The bars are in the prerendered HTML, so the first contentful paint paints the first chart.
				firstChartPainted: html.includes('data-chart="segment-bars"') && html.includes('<rect') ? timing.firstContentfulPaint : null,
				hydrated: timing.hydrated,
				duckdbReady: timing.duckdbReady,
				bytes,
				wasmFiles: wasmFiles.length,
				floorReady: null
			});
			await context.close();
			samples.at(-1)!.floorReady = await coldReady(browser, `http://localhost:${port}${FLOOR_PATH}index.html`);
			console.log(`run ${run + 1}/${runs}: chart ${samples.at(-1)!.firstChartPainted?.toFixed(0)} ms, DuckDB ready ${timing.duckdbReady?.toFixed(0)} ms, floor ${samples.at(-1)!.floorReady?.toFixed(0)} ms`);
		}
	} finally {
		await browser.close();
	}
	return samples;
}

/**
 * Warm visits: a browser profile on disk (as a user's is) per page loads it once, then `runs` more times, each in a
 * new tab after the last one closed. The overview runs with its service worker, as it does for users; the floor has
 * none. The two pages' visits alternate (each browser idle while the other loads), so a machine that slows down during
 * the run slows both alike.
 */
async function measureWarm(): Promise<{ overview: number[]; floor: number[] }> {
	const result = { overview: [] as number[], floor: [] as number[] };
	const pages = { overview: '/', floor: `${FLOOR_PATH}index.html` } as const;
	const browsers: { profile: string; context: BrowserContext }[] = [];
	try {
		const contexts = {} as Record<keyof typeof pages, BrowserContext>;
		for (const kind of ['overview', 'floor'] as const) {
			const profile = mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-profile-'));
			contexts[kind] = await chromium.launchPersistentContext(profile, chromiumLaunch);
			browsers.push({ profile, context: contexts[kind] });
		}
		for (let visit = 0; visit <= runs; visit++) {
			for (const kind of visit % 2 ? (['floor', 'overview'] as const) : (['overview', 'floor'] as const)) {
				const page = await contexts[kind].newPage();
				await page.goto(`http://localhost:${port}${pages[kind]}`);
				await page.locator('[data-engine="ready"]').waitFor({ timeout: 60_000 });
				const ready = (await page.evaluate(`performance.getEntriesByName('duckdb-ready')[0]?.startTime ?? null`)) as number | null;
				// The first visit fills the caches (and installs the service worker); the rest are warm.
				if (visit > 0 && ready !== null) result[kind].push(ready);
				if (kind === 'overview' && visit === 0) await page.evaluate('navigator.serviceWorker?.ready');
				await page.close();
			}
		}
	} finally {
		for (const { profile, context } of browsers) {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	}
	console.log(`warm: DuckDB ready, overview ${median(result.overview)} ms, floor ${median(result.floor)} ms`);
	return result;
}

/** Cold loads of another page: first contentful paint, counted only when the prerendered HTML holds a chart. */
async function measurePages(paths: string[]): Promise<Record<string, (number | null)[]>> {
	const browser = await chromium.launch(chromiumLaunch);
	const results: Record<string, (number | null)[]> = {};
	try {
		for (const pagePath of paths) {
			results[pagePath] = [];
			for (let run = 0; run < Math.min(runs, 5); run++) {
				const context = await browser.newContext({ serviceWorkers: 'block' });
				const page = await context.newPage();
				const response = await page.goto(`http://localhost:${port}${pagePath}`);
				const html = (await response?.text()) ?? '';
				await page.locator('figure[data-chart] svg').first().waitFor();
				const fcp = (await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null`)) as number | null;
				results[pagePath].push(html.includes('data-chart=') && html.includes('<svg') ? fcp : null);
				await context.close();
			}
			console.log(`${pagePath}: first chart ${median(results[pagePath])} ms`);
		}
	} finally {
		await browser.close();
	}
	return results;
}

/** Cold loads of a host page on another local origin that embeds a chart: host navigation → chart painted in the iframe. */
async function measureEmbed(): Promise<(number | null)[]> {
	const { createServer } = await import('node:http');
	const body = `<!doctype html><title>deck</title><iframe src="http://localhost:${port}/embed/segment-bars" style="width:100%;height:480px;border:0"></iframe>`;
	const host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(body));
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	const hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}/`;
	const browser = await chromium.launch(chromiumLaunch);
	const results: (number | null)[] = [];
	try {
		for (let run = 0; run < Math.min(runs, 5); run++) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			await page.goto(hostUrl);
			const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
			await frame.locator('figure[data-chart] svg').first().waitFor();
			const hostOrigin = (await page.evaluate('performance.timeOrigin')) as number;
			const painted = (await frame.evaluate(
				`performance.timeOrigin + (performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)`
			)) as number;
			results.push(Number.isFinite(painted) ? painted - hostOrigin : null);
			await context.close();
		}
	} finally {
		await browser.close();
		host.close();
	}
	console.log(`embed: chart painted in iframe ${median(results)} ms`);
	return results;
}

/** Skipped with --no-server-feed: the previous report's feed section is kept, marked with the date it was measured, rather than dropped. */
function earlierFeedSection(previous: string): string {
	const at = previous.indexOf(FEED_HEADING);
	if (at < 0) return '';
	const section = previous.slice(at);
	if (section.includes(NOT_MEASURED)) return `\n${section}`;
	const date = /^- Date: (.+)$/m.exec(previous)?.[1] ?? 'an earlier run';
	return `\n${section.replace('\n', `\n\n${NOT_MEASURED} (--no-server-feed): these are the figures of the run of ${date}._\n`)}`;
}
const NOT_MEASURED = '_Not measured in this run';

async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
	const browser = await chromium.launch(chromiumLaunch);
	try {
		return await work(browser);
	} finally {
		await browser.close();
	}
}

async function main() {
	if (!args.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: 'inherit' });
	// The floor page beside the app's assets (built before the server starts, removed after the run).
	const removeFloor = await writeFloorPage(path.join(root, 'build/client'));
	// The Atlas server on the production build, with an empty data directory of its own.
	const server = await startServer(root, port).catch((error) => {
		removeFloor();
		throw error;
	});
	try {
		const samples = await measure();
		const pages = await measurePages(['/spending', '/careers', '/industries']);
		const warm = await measureWarm();
		const browser = await chromium.launch(chromiumLaunch);
		const clicks = await measureInteractions(browser, `http://localhost:${port}`);
		const consoleRuns = await measureConsole(browser, `http://localhost:${port}`, Math.min(runs, 5)).finally(() => browser.close());
		pages['embed /embed/segment-bars in an iframe on another origin (from host navigation)'] = await measureEmbed();
		const ingest = await measureIngestAll(port, Math.min(runs, 5));
		// Last: it writes and reads gigabytes, and its server is one of its own.
		const feed = args.includes('--no-server-feed') ? null : await withBrowser((b) => measureServerFeed(b, port + 2));
		const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
		const { readFile, writeFile } = await import('node:fs/promises');
		const reportFile = path.join(root, 'bench/BENCHMARKS.md');
		const report =
			renderReport(samples, { machine, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', runs }, pages, clicks, ingest, warm, consoleRuns) +
			(feed ? `\n${renderServerFeed(feed)}` : earlierFeedSection(await readFile(reportFile, 'utf8').catch(() => '')));
		await writeFile(reportFile, report);
		console.log(report);
		console.log(`median first chart ${median(samples.map((s) => s.firstChartPainted))} ms`);
	} finally {
		server.stop();
		removeFloor();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
