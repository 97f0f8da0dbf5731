/**
 * `npm run bench`: builds, serves the production build from the Atlas server, and measures cold loads of the overview in Debian's Chromium.
 * Writes the medians to bench/BENCHMARKS.md. Options: --runs N (default 7), --no-build.
 */
import { chromium, type Response } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunch } from '../tests/playwright.config';
import { measureIngestAll } from './ingest';
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

/** A click that changes a selection, timed in the page until every linked chart has repainted. */
interface Interaction {
	name: string;
	path: string;
	/** Two targets clicked in turn, so each click changes the selection (and re-queries where the page does). */
	targets: [string, string];
	/** Selector that matches only once the linked charts show the clicked target's state, per target. */
	done: [string, string];
}

const interactions: Interaction[] = [
	{
		name: '/spending: heatmap cell → revision history re-queried in DuckDB, lines and heatmap re-highlighted',
		path: '/spending',
		targets: ['.cell[data-row="Software"][data-column="2023"]', '.cell[data-row="Devices"][data-column="2021"]'],
		done: ['[data-chart="growth-heatmap"] .cell[aria-pressed="true"][data-row="Software"]', '[data-chart="growth-heatmap"] .cell[aria-pressed="true"][data-row="Devices"]']
	},
	{
		name: '/careers: occupation → wage chart and both career paths re-highlighted',
		path: '/careers',
		targets: ['[data-chart="wages"] .row[data-key="15-1212"]', '[data-chart="wages"] .row[data-key="15-1252"]'],
		done: ['[data-chart="path-b"] .bar[aria-current="true"]', '[data-chart="path-a"] .bar[aria-current="true"]']
	},
	{
		name: '/industries: industry → sector bar, matrix row and career paths',
		path: '/industries',
		targets: ['[data-industry="Financial services"] [aria-pressed]', '[data-industry="Automotive"] [aria-pressed]'],
		done: ['[data-needs="Financial services"]', '[data-needs="Automotive"]']
	}
];

async function measureInteractions(): Promise<Record<string, number[]>> {
	const browser = await chromium.launch(chromiumLaunch);
	const results: Record<string, number[]> = {};
	try {
		for (const interaction of interactions) {
			const page = await browser.newPage();
			await page.goto(`http://localhost:${port}${interaction.path}`);
			await page.locator('[data-engine="ready"], figure[data-chart]').first().waitFor();
			if (await page.locator('[data-engine]').count()) await page.locator('[data-engine="ready"]').waitFor({ timeout: 60_000 });
			results[interaction.name] = [];
			for (let click = 0; click < 12; click++) {
				const which = click % 2;
				// A string, not a function (see above). Waits for the selection to show, no chart busy, then one frame.
				const ms = (await page.evaluate(`new Promise((resolve) => {
					const start = performance.now();
					document.querySelector(${JSON.stringify(interaction.targets[which])}).dispatchEvent(new MouseEvent('click', { bubbles: true }));
					const check = () => {
						if (document.querySelector(${JSON.stringify(interaction.done[which])}) && !document.querySelector('figure[aria-busy="true"]'))
							requestAnimationFrame(() => resolve(performance.now() - start));
						else requestAnimationFrame(check);
					};
					requestAnimationFrame(check);
				})`)) as number;
				if (click >= 2) results[interaction.name].push(ms); // the first two warm the JIT and the query path
			}
			console.log(`${interaction.name}: ${median(results[interaction.name])?.toFixed(0)} ms`);
			await page.close();
		}
	} finally {
		await browser.close();
	}
	return results;
}

async function main() {
	if (!args.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: 'inherit' });
	// The Atlas server on the production build, with an empty data directory of its own.
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
	const server = spawn(process.execPath, ['--import', 'tsx', 'src/serve.ts'], {
		cwd: root,
		stdio: 'ignore',
		detached: true,
		env: { ...process.env, PORT: String(port), ATLAS_DATA_DIR: dataDir }
	});
	try {
		await waitForServer(`http://localhost:${port}/`);
		const samples = await measure();
		const pages = await measurePages(['/spending', '/careers', '/industries']);
		const clicks = await measureInteractions();
		pages['embed /embed/segment-bars in an iframe on another origin (from host navigation)'] = await measureEmbed();
		const ingest = await measureIngestAll(port, Math.min(runs, 5));
		const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
		const report = renderReport(samples, { machine, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', runs }, pages, clicks, ingest);
		const { writeFile } = await import('node:fs/promises');
		await writeFile(path.join(root, 'bench/BENCHMARKS.md'), report);
		console.log(report);
		console.log(`median first chart ${median(samples.map((s) => s.firstChartPainted))} ms`);
	} finally {
		process.kill(-server.pid!);
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
