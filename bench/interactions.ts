/**
 * Interaction latency: a click (or a choice in a list) → every linked chart repainted, timed in the page. Each
 * control is clicked CLICKS times over all its options in turn, so every click changes the selection and re-runs the
 * page's view (its queries answered from the previous run where their SQL and parameters did not change).
 */
import type { Browser } from '@playwright/test';

export const CLICKS = 50;
const WARM_UP = 3;

interface Interaction {
	name: string;
	path: string;
	/** Every option of the control, in page order. */
	items: string;
	/** `choose`: an <option>, picked in its <select>; `click`: a pointer click on the item. */
	act: 'click' | 'choose';
	/** Page-side JS: given the clicked item `el`, a selector that matches once the page shows that selection. */
	shown: string;
	/** Whether the selection re-runs a view of DuckDB queries (then its result must have been written, too). */
	queries: boolean;
}

export const interactions: Interaction[] = [
	{
		name: '/spending: heatmap cell → revision history redrawn (every cell’s revisions are one DuckDB query, asked once), lines and heatmap re-highlighted',
		path: '/spending',
		items: '[data-chart="growth-heatmap"] .cell',
		act: 'click',
		shown: '`[data-chart="growth-heatmap"] .cell[aria-pressed="true"][data-row="${el.dataset.row}"][data-column="${el.dataset.column}"]`',
		queries: true
	},
	{
		name: '/careers: occupation → wage chart and both career paths re-highlighted',
		path: '/careers',
		items: '[data-chart="wages"] .row[data-key]',
		act: 'click',
		shown: '`[data-chart="wages"] .row[aria-current="true"][data-key="${el.dataset.key}"]`',
		queries: false
	},
	{
		name: '/industries: industry → sector bar, matrix row and career paths',
		path: '/industries',
		items: '[data-industry] [aria-pressed]',
		act: 'click',
		shown: '`[data-needs="${el.closest("[data-industry]").dataset.industry}"]`',
		queries: false
	},
	{
		name: '/ (overview): release → tiles, bars and lines redrawn (every release’s figures are one DuckDB query, asked once)',
		path: '/',
		items: 'select[name="release"] option',
		act: 'choose',
		shown: '`select[name="release"]`',
		queries: true
	},
	{
		name: '/ (overview): year → tiles and bars redrawn, lines re-highlighted (from the same query)',
		path: '/',
		items: 'fieldset.segmented input[name="year"] + a',
		act: 'click',
		shown: '`fieldset.segmented input[name="year"][value="${el.previousElementSibling.value}"]:checked`',
		queries: true
	}
];

/** One timed selection of the index-th option (counted modulo the options there are). */
function clickScript(interaction: Interaction, index: number): string {
	// A string, not a function: tsx would wrap a function's inner helpers in a `__name` the page does not have.
	return `new Promise((resolve, reject) => {
		const items = [...document.querySelectorAll(${JSON.stringify(interaction.items)})];
		if (items.length < 2) return reject(new Error('fewer than two options for ${interaction.items}'));
		const el = items[${index} % items.length];
		const shown = ${interaction.shown};
		const updates = () => performance.getEntriesByName('view-updated').length;
		const before = updates();
		const start = performance.now();
		if (${JSON.stringify(interaction.act)} === 'choose') {
			const select = el.closest('select');
			select.value = el.value;
			select.dispatchEvent(new Event('change', { bubbles: true }));
		} else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
		// Done when the selection shows, no chart is busy and, where the page queries, the new result is written; then
		// the frame is painted (the timeout runs after it).
		const check = () => {
			const done = document.querySelector(shown) && !document.querySelector('figure[aria-busy="true"]') && (!${interaction.queries} || updates() > before);
			if (done) setTimeout(() => resolve(performance.now() - start), 0);
			else requestAnimationFrame(check);
		};
		check();
	})`;
}

/** Per interaction, CLICKS timed selections (after WARM_UP untimed ones), engine started and data attached. */
export async function measureInteractions(browser: Browser, origin: string): Promise<Record<string, number[]>> {
	const results: Record<string, number[]> = {};
	for (const interaction of interactions) {
		const page = await browser.newPage();
		await page.goto(`${origin}${interaction.path}`);
		await page.locator('figure[data-chart]').first().waitFor();
		if (await page.locator('[data-engine]').count()) await page.locator('[data-engine="ready"]').waitFor({ timeout: 60_000 });
		const times: number[] = [];
		// Start one past the option already selected, so the first click changes the view.
		for (let click = 1; click <= WARM_UP + CLICKS; click++) {
			const ms = (await page.evaluate(clickScript(interaction, click))) as number;
			if (click > WARM_UP) times.push(ms);
		}
		results[interaction.name] = times;
		console.log(`${interaction.name}: median ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`);
		await page.close();
	}
	return results;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
