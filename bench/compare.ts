/**
 * `npm run bench:compare -- <other checkout> [--runs 11] [--rounds 4]`: before and after in one run. This checkout's
 * production build against another checkout's (both built with `npm run build`), each on an Atlas server of its own,
 * in one browser, so a host that slows down slows both alike. Cold loads of `/` alternate between the two builds and
 * the floor page (DuckDB-WASM alone); then every interaction of bench/interactions.ts is clicked on each build, the
 * two alternating for `rounds` rounds of 50 clicks. Prints medians and p95; writes nothing.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromiumLaunch } from '../tests/playwright.config';
import { FLOOR_PATH, writeFloorPage } from './floor/page';
import { measureInteractions, percentile } from './interactions';
import { coldReady } from './cold-ready';
import { startServer } from './server';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const runs = option('--runs', 11);
const rounds = option('--rounds', 4);
const here = path.resolve(import.meta.dirname, '..');
const other = args[0] && !args[0].startsWith('--') ? path.resolve(args[0]) : '';
if (!other || !existsSync(path.join(other, 'build/handler.js')))
	throw new Error('Usage: npm run bench:compare -- <another checkout, built with npm run build> [--runs N] [--rounds N]');

const summary = (values: number[]) => `median ${percentile(values, 50).toFixed(0)} ms, p95 ${percentile(values, 95).toFixed(0)} ms`;

const removeFloor = await writeFloorPage(path.join(here, 'build/client'));
const servers: { name: string; origin: string; stop: () => void }[] = [];
try {
	servers.push({ name: `this checkout (${here})`, ...(await startServer(here, 4281)) });
	servers.push({ name: `other (${other})`, ...(await startServer(other, 4282)) });
	const browser = await chromium.launch(chromiumLaunch);
	try {
		const cold = new Map<string, number[]>();
		const record = (name: string, ms: number) => cold.set(name, [...(cold.get(name) ?? []), ms]);
		for (let run = 0; run < runs; run++) {
			const order = run % 2 ? [...servers].reverse() : servers;
			for (const server of order) record(server.name, await coldReady(browser, `${server.origin}/`));
			record('floor', await coldReady(browser, `${servers[0].origin}${FLOOR_PATH}index.html`));
		}
		const floor = percentile(cold.get('floor')!, 50);
		console.log(`\nCold: navigation → DuckDB ready, ${runs} loads each\n  floor: ${summary(cold.get('floor')!)}`);
		for (const { name } of servers) console.log(`  ${name}: ${summary(cold.get(name)!)}, ${(percentile(cold.get(name)!, 50) / floor).toFixed(3)}× the floor`);

		const clicks = new Map<string, Record<string, number[]>>();
		for (let round = 0; round < rounds; round++)
			for (const server of round % 2 ? [...servers].reverse() : servers) {
				const times = await measureInteractions(browser, server.origin);
				const mine = clicks.get(server.name) ?? {};
				for (const [interaction, ms] of Object.entries(times)) mine[interaction] = [...(mine[interaction] ?? []), ...ms];
				clicks.set(server.name, mine);
			}
		console.log(`\nClicks: ${rounds} rounds of 50 per interaction and build`);
		for (const interaction of Object.keys(clicks.get(servers[0].name)!)) {
			console.log(`  ${interaction}`);
			for (const { name } of servers) console.log(`    ${name}: ${summary(clicks.get(name)![interaction])}`);
		}
	} finally {
		await browser.close();
	}
} finally {
	for (const server of servers) server.stop();
	removeFloor();
}
