/**
 * `npm run bench`: builds, serves the production build, and measures cold loads of the overview in Debian's Chromium.
 * Writes the medians to bench/BENCHMARKS.md. Options: --runs N (default 7), --no-build.
 */
import { chromium, type Response } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunch } from '../tests/playwright.config';
import { median, renderReport, type LoadSample } from './report';

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

async function waitForServer(url: string) {
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`preview server did not answer at ${url}`);
}

async function measure(): Promise<LoadSample[]> {
	const browser = await chromium.launch(chromiumLaunch);
	const samples: LoadSample[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			const context = await browser.newContext(); // fresh profile: cold HTTP cache every run
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
				wasmFiles: wasmFiles.length
			});
			console.log(`run ${run + 1}/${runs}: chart ${samples.at(-1)!.firstChartPainted?.toFixed(0)} ms, DuckDB ready ${timing.duckdbReady?.toFixed(0)} ms`);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return samples;
}

async function main() {
	if (!args.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: 'inherit' });
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
	try {
		await waitForServer(`http://localhost:${port}/`);
		const samples = await measure();
		const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
		const report = renderReport(samples, { machine, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', runs });
		const { writeFile } = await import('node:fs/promises');
		await writeFile(path.join(root, 'bench/BENCHMARKS.md'), report);
		console.log(report);
		console.log(`median first chart ${median(samples.map((s) => s.firstChartPainted))} ms`);
	} finally {
		process.kill(-server.pid!);
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
