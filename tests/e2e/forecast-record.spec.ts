import { expect, test } from './fixtures';
import { downloadFrom } from './downloads';

test.describe('forecast record', () => {
	test('sets every segment forecast against where its year settled, in words and by months ahead', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('link', { name: 'how far to trust a forecast' }).click();
		await expect(page).toHaveURL(/\/spending\/record$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('How far to trust a forecast');

		const reading = page.locator('[data-reading]');
		await expect(reading).toContainText(
			'Gartner’s segment forecasts made 6–11 months ahead were off by a median of 5.9% (41 forecasts) and ran low (median error -4.5%); the widest miss was -22.1%.'
		);
		await expect(reading).toContainText('31 forecasts made before a restated base and settled after it are shown hollow and not counted.');

		// The five segments' 160 forecasts with a settled year, 31 of them across a restated base.
		const chart = page.locator('[data-chart="forecast-errors"]');
		await expect(chart.locator('[data-point]')).toHaveCount(160);
		await expect(chart.locator('[data-point][data-counted="false"]')).toHaveCount(31);
		await expect(chart.locator('[data-bias]')).toHaveCount(4);
		await chart.getByRole('button', { name: 'Show table' }).click();
		await expect(chart.locator('table')).toContainText('6–11 months ahead');
		await expect(chart.locator('tbody tr').nth(1)).toContainText('41');

		const restated = page.locator('[data-restated-bases]');
		await restated.locator('summary').click();
		await expect(restated.locator('tbody tr')).toHaveCount(6);
		await expect(restated).toContainText('more than 10%');
	});

	test('a first forecast opens its path from first forecast to settled figure, and a segment narrows the reading', async ({ page }) => {
		await page.goto('/spending/record');
		const path = page.locator('[data-chart="forecast-path"]');
		await expect(path.locator('h2, h3').first()).toContainText('Data Center Systems 2024: first forecast $238B (Apr 2023), settled $333B (Jul 2025)');

		await page.locator('[data-chart="first-forecast-errors"] .cell[data-row="Devices"][data-column="2023"]').click();
		await expect(page).toHaveURL(/segment=Devices&year=2023/);
		await expect(path.locator('h2, h3').first()).toContainText('Devices 2023: first forecast $804B (Jan 2022), settled $693B (Jul 2024)');
		await path.getByRole('button', { name: 'Show table' }).click();
		await expect(path.locator('tbody tr')).toHaveCount(7);
		await expect(path.locator('tbody tr').first()).toContainText('+16.1%');
		await expect(page.locator('[data-reading]')).toContainText('Gartner’s Devices forecasts made 18–23 months ahead');

		await page.getByRole('link', { name: 'Software', exact: true }).click();
		await expect(page).toHaveURL(/segment=Software/);
		await expect(page.locator('[data-reading]')).toContainText('Gartner’s Software forecasts made 0–5 months ahead were off by a median of 2.3% (10 forecasts)');
		// Only Software's 34 forecasts, with Software's medians and biases.
		await expect(page.locator('[data-chart="forecast-errors"] [data-point]')).toHaveCount(34);
	});

	test('the overview’s 2026 forecasts carry a band from past errors with its n, and switch off', async ({ page }) => {
		await page.goto('/');
		const lines = page.locator('[data-chart="segment-lines"]');
		await expect(lines.locator('[data-band]')).toHaveCount(5);
		await lines.locator('circle[data-series="Data Center Systems"][data-forecast="true"]').hover();
		await expect(lines.getByRole('tooltip')).toContainText('Data Center Systems: $653.403B (forecast); past errors put it at $655B–$839B (n 7, Data Center Systems, 6–11 months ahead)');
		await lines.getByRole('button', { name: 'Show table' }).click();
		await expect(lines.locator('thead')).toContainText('Band from past errors');
		await expect(lines.locator('tbody tr', { hasText: 'Data Center Systems' }).last()).toContainText('$655B–$839B (n 7, Data Center Systems, 6–11 months ahead)');

		await page.getByRole('link', { name: 'Hidden' }).click();
		await expect(page).toHaveURL(/bands=off/);
		await expect(lines.locator('[data-band]')).toHaveCount(0);
		await expect(lines.locator('thead')).not.toContainText('Band from past errors');
		await page.reload();
		await expect(lines.locator('[data-band]')).toHaveCount(0);
		await page.getByRole('link', { name: 'Shown' }).click();
		await expect(lines.locator('[data-band]')).toHaveCount(5);
	});

	test('an old release’s forecasts get bands too, from all five segments where one has fewer than five', async ({ page }) => {
		// Jan 2020 forecasts 2020 (11 months ahead) and 2021 (23): ten bands. Devices has 4 counted forecasts 18–23 months
		// ahead, so its 2021 band is the five segments' (19).
		await page.goto('/?release=2020-01&year=2021');
		const lines = page.locator('[data-chart="segment-lines"]');
		await expect(lines.locator('[data-band]')).toHaveCount(10);
		await lines.getByRole('button', { name: 'Show table' }).click();
		await expect(lines.locator('tbody tr', { hasText: 'Devices' }).last()).toContainText('(n 19, all segments, 18–23 months ahead)');
	});

	test('/spending bands its 2026 forecasts in USD, not in shares', async ({ page }) => {
		await page.goto('/spending');
		const lines = page.locator('[data-chart="segments-years"]');
		await expect(lines.locator('[data-band]')).toHaveCount(5);
		await page.getByRole('link', { name: 'Share of total' }).click();
		await expect(lines.locator('[data-band]')).toHaveCount(0);
		await expect(lines).toContainText('Forecast bands are drawn in USD only.');
	});

	test('the record’s charts embed on their own', async ({ page }) => {
		await page.goto('/embed/forecast-errors');
		await expect(page.locator('[data-chart="forecast-errors"] [data-point]')).toHaveCount(160);
		await expect(page.locator('[data-chart]')).toHaveCount(1);
	});

	test('the error chart exports as SVG with its title, source and every point', async ({ page }, testInfo) => {
		await page.goto('/spending/record');
		await expect(page.locator('[data-chart="forecast-errors"] [data-point]')).toHaveCount(160);
		const svg = await downloadFrom(page, 'forecast-errors', 'Download SVG', testInfo.outputPath('errors.svg'));
		expect(svg.name).toBe('forecast-errors.svg');
		const parsed = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			return { error: doc.querySelector('parsererror')?.textContent ?? null, text: doc.documentElement.textContent, circles: doc.querySelectorAll('circle').length };
		}, svg.bytes.toString('utf8'));
		expect(parsed.error).toBeNull();
		expect(parsed.text).toContain('How far off Gartner’s forecasts were, by months ahead');
		expect(parsed.text).toContain('Source: Gartner');
		expect(parsed.text).toContain('median off 5.9% · n 41');
		expect(parsed.circles).toBe(160);
	});
});
