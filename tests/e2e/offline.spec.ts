import { expect, test } from '@playwright/test';

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
