import { expect, test } from './fixtures';
import { gzipSync } from 'node:zlib';
import { arrowIPC, nodeConnector } from '../../src/lib/db/node';

const dataFile = '**/datasets/it_spending.arrow.gz';

test('a data file that fails to load shows a clear message in the chart’s place', async ({ page }) => {
	await page.route(dataFile, (route) => route.fulfill({ status: 404, body: 'not found' }));
	await page.goto('/');
	await expect(page.locator('[data-engine="failed"]')).toContainText('HTTP 404');
	await page.getByRole('radio', { name: '2025' }).check({ force: true });
	for (const chart of ['segment-bars', 'segment-lines']) {
		const alert = page.locator(`[data-chart="${chart}"] [role="alert"]`);
		await expect(alert).toContainText('The it_spending data could not be downloaded');
		await expect(alert).toContainText('it_spending.arrow.gz: HTTP 404');
		await expect(page.locator(`[data-chart="${chart}"] svg[role]`)).toHaveCount(0);
	}
});

test('a damaged data file is reported as such', async ({ page }) => {
	await page.route(dataFile, (route) => route.fulfill({ status: 200, body: Buffer.from('this is not a database') }));
	await page.goto('/?release=2022-10&year=2023');
	const alert = page.locator('[data-chart="segment-bars"] [role="alert"]');
	await expect(alert).toContainText('The it_spending data could not be read');
});

test('a query that fails shows the engine’s message in the chart’s place', async ({ page }) => {
	// A real Arrow file whose table lacks the columns the overview asks for: loading works, the query fails.
	const conn = await nodeConnector();
	const body = gzipSync(arrowIPC(await conn.query('SELECT 1 AS unrelated')));
	await page.route(dataFile, (route) => route.fulfill({ status: 200, body }));
	await page.goto('/?release=2022-10&year=2023');
	const alert = page.locator('[data-chart="segment-bars"] [role="alert"]');
	await expect(alert).toContainText('The query failed');
	await expect(alert).toContainText(/release_date/);
});
