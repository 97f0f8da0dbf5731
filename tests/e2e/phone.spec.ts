import { expect, test } from './fixtures';
import { EMBEDDABLE } from '../../src/lib/pages/embeds';

/** At 390 px (a phone), nothing makes the page scroll sideways: wide tables and charts scroll or fit inside their frame. */
const PAGES: Record<string, string> = { overview: '/', spending: '/spending', record: '/spending/record', careers: '/careers', industries: '/industries', explore: '/explore' };
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
