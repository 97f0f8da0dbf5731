import { expect, test, type Page } from './fixtures';
import { EMBEDDABLE } from '../../src/lib/pages/embeds';

const slow = { timeout: 60_000 };
const unique = (texts: string[]) => [...new Set(texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean))];

/**
 * Every chart on the page names where its figures come from: each distinct source its table view lists by row, in
 * the source line itself when there are up to three, else "N sources" with every one of them listed in the table view.
 */
async function expectSourcesNamed(page: Page, where: string) {
	await expect(page.locator('figure[aria-busy="true"]')).toHaveCount(0, slow);
	const frames = page.locator('figure[data-chart]');
	expect(await frames.count(), where).toBeGreaterThan(0);
	for (const frame of await frames.all()) {
		const chart = `${where} ${await frame.getAttribute('data-chart')}`;
		const caption = (await frame.locator('figcaption').innerText()).replace(/\s+/g, ' ');
		expect(caption, chart).toMatch(/^Source: \S/);
		const rowSources = unique(await frame.locator('[data-table-view] [data-row-source]').allTextContents());
		const listed = unique(await frame.locator('[data-table-view] [data-source-item]').allTextContents());
		if (rowSources.length <= 3) for (const source of rowSources) expect(caption, chart).toContain(source);
		else {
			expect(caption, chart).toContain(`${listed.length} sources`);
			for (const source of rowSources) expect(listed.some((item) => item.includes(source)), `${chart}: ${source}`).toBe(true);
		}
	}
}

for (const route of ['/', '/spending', '/careers', '/industries', '/?release=2022-07&year=2023', '/spending?segment=Software&year=2023', '/spending/record', '/spending/record?segment=Devices&year=2023']) {
	test(`every chart on ${route} names each source its rows cite`, async ({ page }) => {
		await page.goto(route);
		// The prerendered page is the default view: one chosen in the URL is queried once the page is hydrated (the query
		// marks its chart busy in the same update), and drawn when it has answered.
		await page.waitForFunction(() => performance.getEntriesByName('page-hydrated').length + performance.getEntriesByName('overview-hydrated').length > 0, null, slow);
		await expectSourcesNamed(page, route);
	});
}

test('every embed names its sources, and plain embeds keep a one-line source', async ({ page }) => {
	test.setTimeout(180_000);
	for (const chart of Object.keys(EMBEDDABLE).filter((c) => c !== 'explore-chart')) {
		await page.goto(`/embed/${chart}`);
		await expectSourcesNamed(page, `/embed/${chart}`);
		await page.goto(`/embed/${chart}?plain=1`);
		await expect(page.locator('figcaption'), chart).toHaveText(/^Source: \S/);
	}
});

test('the console lists every source of the tables a query reads', async ({ page }) => {
	await page.goto(`/embed/explore-chart?q=${encodeURIComponent('SELECT source_org, count(*) AS n FROM job_postings GROUP BY source_org ORDER BY n DESC')}`);
	await expect(page.locator('[data-chart="explore-chart"] .bar')).toHaveCount(5, slow);
	const listed = unique(await page.locator('[data-source-item]').allTextContents());
	for (const publisher of ['CompTIA', 'Indeed Hiring Lab', 'Dice', 'Built In', 'Ladders']) expect(listed.some((item) => item.startsWith(publisher)), publisher).toBe(true);
	await expect(page.locator('figcaption')).toContainText('5 sources');
});
