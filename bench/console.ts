/**
 * The SQL console on a large result: `SELECT * FROM salary_survey` (136,221 rows) run on /explore, from the click on
 * Run to the chart drawn, and the longest main-thread task in between (a task over 200 ms is a frozen tab).
 */
import type { Browser } from '@playwright/test';

export const CONSOLE_QUERY = 'SELECT * FROM salary_survey';

export interface ConsoleSample {
	/** Run clicked → chart drawn, ms. */
	drawnMs: number;
	/** The longest task between the click and a second after the chart was drawn, ms (0 when none over 50 ms). */
	longestTaskMs: number;
	rows: string;
}

export async function measureConsole(browser: Browser, base: string, runs: number): Promise<ConsoleSample[]> {
	const samples: ConsoleSample[] = [];
	for (let run = 0; run < runs; run++) {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.addInitScript(() => {
			const tasks: { start: number; duration: number }[] = ((window as unknown as { atlasLongTasks: unknown }).atlasLongTasks = []) as never;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
			}).observe({ type: 'longtask', buffered: true });
		});
		// A query from a link is shown, not run: the click on Run is what is timed.
		await page.goto(`${base}/explore?q=${encodeURIComponent(CONSOLE_QUERY)}`);
		await page.getByText('DuckDB is running in your browser').waitFor({ timeout: 60_000 });
		const clicked = (await page.evaluate('performance.now()')) as number;
		await page.getByRole('button', { name: /^Run/ }).click();
		await page.locator('[data-chart="explore-chart"] svg path.points').first().waitFor({ timeout: 120_000 });
		const drawn = (await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))')) as number;
		await page.waitForTimeout(1000);
		const tasks = (await page.evaluate('window.atlasLongTasks')) as { start: number; duration: number }[];
		const rows = (await page.getByText(/rows in \d/).first().textContent()) ?? '';
		samples.push({ drawnMs: drawn - clicked, longestTaskMs: Math.max(0, ...tasks.filter((t) => t.start >= clicked).map((t) => t.duration)), rows });
		await context.close();
	}
	console.log(`console: ${CONSOLE_QUERY} drawn in ${samples.map((s) => Math.round(s.drawnMs)).join(', ')} ms; longest task ${samples.map((s) => Math.round(s.longestTaskMs)).join(', ')} ms`);
	return samples;
}
