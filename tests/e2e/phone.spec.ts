import { expect, test } from './fixtures';
import { EMBEDDABLE } from '../../src/lib/pages/embeds';

/** At 390 px (a phone), nothing makes the page scroll sideways: wide tables and charts scroll or fit inside their frame. */
const PAGES: Record<string, string> = { overview: '/', spending: '/spending', record: '/spending/record', careers: '/careers', benchmark: '/careers/benchmark', skills: '/careers/skills', industries: '/industries', explore: '/explore' };
const tablesOf = (page: string) => Object.entries(EMBEDDABLE).filter(([, p]) => p === page).map(([chart]) => chart);

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: import('./fixtures').Page, what: string) {
	await expect(page.locator('figure[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
	const overflow = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const wide = [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('[data-scrolls], .table-scroll, .result-table, nav, .wide, .scroll'))
			.slice(0, 3)
			.map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
		return { scrollWidth: document.documentElement.scrollWidth, width, wide };
	});
	expect(overflow.scrollWidth, `${what}: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(overflow.width);
}

for (const [name, path] of Object.entries({ ...PAGES, data: '/data', present: '/present' })) {
	test(`${path} fits a 390 px screen, also with every table shown`, async ({ page }) => {
		await page.goto(path);
		await expectNoSidewaysScroll(page, path);
		// The console's chart (and its table) exists once a query ran; its embed is checked below.
		const tables = name === 'explore' ? [] : tablesOf(name);
		if (tables.length) {
			await page.goto(`${path}?tables=${tables.join(',')}`);
			await expect(page.locator('figure[data-chart] table').first()).toBeVisible();
			await expectNoSidewaysScroll(page, `${path} with tables`);
		}
	});
}

test('every embed fits a 390 px frame', async ({ page }) => {
	test.setTimeout(120_000);
	for (const chart of Object.keys(EMBEDDABLE)) {
		// The console's chart draws a query's result: a grouped one, as a deck would hold.
		const query = chart === 'explore-chart' ? `?q=${encodeURIComponent('SELECT job_family, count(*) AS answers FROM salary_survey GROUP BY ALL ORDER BY answers DESC')}` : '';
		await page.goto(`/embed/${chart}${query}`);
		await expect(page.locator(`figure[data-chart="${chart}"]`)).toBeVisible();
		await expectNoSidewaysScroll(page, `/embed/${chart}`);
	}
});

test('on a phone every heatmap value fits its cell, every label its margin, and all nav links are on screen', async ({ page }) => {
	for (const [path, chart] of [['/spending', 'growth-heatmap'], ['/spending/record', 'first-forecast-errors']]) {
		await page.goto(path);
		await expect(page.locator(`[data-chart="${chart}"] .cell`).first()).toBeVisible();
		const misfits = await page.locator(`[data-chart="${chart}"]`).evaluate((figure) => {
			const bad: string[] = [];
			for (const cell of figure.querySelectorAll('.cell')) {
				const rect = cell.querySelector('rect')!.getBoundingClientRect();
				const text = cell.querySelector('text')!.getBoundingClientRect();
				if (text.left < rect.left - 0.5 || text.right > rect.right + 0.5) bad.push(`${cell.getAttribute('aria-label')} (${text.width.toFixed(0)} px text in ${rect.width.toFixed(0)} px)`);
			}
			const svg = figure.querySelector('svg')!.getBoundingClientRect();
			for (const label of figure.querySelectorAll('.row-label')) if (label.getBoundingClientRect().left < svg.left - 0.5) bad.push(`label ${label.textContent} cut`);
			return bad;
		});
		expect(misfits, path).toEqual([]);
	}
	const width = await page.evaluate(() => document.documentElement.clientWidth);
	for (const link of await page.locator('nav[aria-label="Main"] a').all()) {
		const box = (await link.boundingBox())!;
		expect(box.x + box.width, await link.innerText()).toBeLessThanOrEqual(width);
	}
});
