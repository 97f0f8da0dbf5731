import { expect, test } from './fixtures';

test.use({ serviceWorkers: 'allow' });

test('after one visit the dashboard, its engine and its data work with the network cut', async ({ page, context }) => {
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first load happened before the service worker controlled the page: load once more through it.
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 60_000 });

	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('[data-chart="segment-bars"] .bar')).toHaveCount(5);
	await expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 60_000 });
	await page.getByRole('radio', { name: '2025' }).check({ force: true });
	await expect(page.locator('[data-chart="segment-bars"] .bar[data-key="IT Services"] .value')).toHaveText('$1.72T +6.4%');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Spending' }).click();
	await expect(page.locator('[data-chart="growth-heatmap"] .cell')).toHaveCount(40);
});

test('pages are cached once per path, not once per query string, and still open offline with any query', async ({ page, context }) => {
	test.setTimeout(120_000);
	await page.goto('/explore');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	for (let i = 0; i < 3; i++) {
		await page.goto(`/explore?q=${encodeURIComponent(`SELECT ${i} AS n`)}`, { waitUntil: 'domcontentloaded' });
		await page.goto(`/embed/explore-chart?q=${encodeURIComponent(`SELECT ${i} AS n`)}`, { waitUntil: 'domcontentloaded' });
	}
	const cachedWithQuery = () =>
		page.evaluate(async () => {
			const urls: string[] = [];
			for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
			return urls.filter((url) => url.includes('?'));
		});
	expect(await cachedWithQuery()).toEqual([]);

	await context.setOffline(true);
	await page.goto(`/explore?q=${encodeURIComponent('SELECT 42 AS answer')}`);
	await expect(page.locator('.cm-content')).toContainText('SELECT 42 AS answer');
});
