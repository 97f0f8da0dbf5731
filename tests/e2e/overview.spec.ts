import { expect, test, type Page } from './fixtures';

const bars = (page: Page) => page.locator('[data-chart="segment-bars"] .bar');
const barLabel = (page: Page, segment: string) =>
	page.locator(`[data-chart="segment-bars"] .bar[data-key="${segment}"] .value`);
// Compiling DuckDB's wasm takes seconds, longer while the other test worker does the same on this 2-core machine.
const engineReady = (page: Page) => expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 45_000 });

async function tableRows(page: Page, chart: string) {
	return page.locator(`[data-chart="${chart}"] [data-table-view] tbody tr`).evaluateAll((rows) =>
		rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim()))
	);
}

test('the overview paints the default release, February 2026, with five segments', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByLabel('Release (vintage)')).toHaveValue('2026-02');
	await expect(page.getByRole('radio', { name: '2026' })).toBeChecked();
	await expect(bars(page)).toHaveCount(5);
	await expect(barLabel(page, 'IT Services')).toHaveText('$1.87T +8.7%');
	await expect(barLabel(page, 'Data Center Systems')).toHaveText('$653B +31.7%');
	await expect(page.locator('[data-kpi="Worldwide IT spending 2026"]')).toContainText('$6.16T');
	await expect(page.locator('[data-kpi="Worldwide IT spending 2026"]')).toContainText('$6,155.493B');
	await expect(page.locator('[data-chart="segment-bars"] figcaption')).toContainText('(Feb 2026 release, published 2026-02-03)');
	await expect(page.locator('[data-chart="segment-bars"] figcaption')).toContainText('published 2026-02-03');
	await expect(page.locator('[data-chart="segment-lines"] circle')).toHaveCount(10);
	await expect(page.locator('[data-chart="segment-lines"] circle[data-forecast="true"]')).toHaveCount(5);
});

test('changing release and year re-queries DuckDB and shows that release’s figures', async ({ page }) => {
	await page.goto('/');
	await engineReady(page);
	await page.getByLabel('Release (vintage)').selectOption('2022-10');
	await expect(page.getByRole('radio', { name: '2022' })).toBeChecked();
	await expect(barLabel(page, 'Software')).toHaveText('$790B +8.0%');
	await page.getByRole('radio', { name: '2023' }).check({ force: true });
	await expect(barLabel(page, 'Data Center Systems')).toHaveText('$216B +3.4%');
	await expect(barLabel(page, 'Software')).toHaveText('$880B +11.3%');
	await expect(barLabel(page, 'Devices')).toHaveText('$735B -0.6%');
	await expect(barLabel(page, 'Communications Services')).toHaveText('$1.47T +2.4%');
	await expect(barLabel(page, 'IT Services')).toHaveText('$1.36T +7.9%*');
	await expect(page.locator('[data-chart="segment-bars"]')).toContainText('derived from its figure for 2022');
	await expect(page.locator('[data-chart="segment-bars"] figcaption')).toContainText('(Oct 2022 release, published');
	expect(new URL(page.url()).searchParams.get('release')).toBe('2022-10');
	expect(new URL(page.url()).searchParams.get('year')).toBe('2023');

	await page.locator('[data-chart="segment-bars"]').getByRole('button', { name: 'Show table' }).click();
	const table = page.locator('[data-chart="segment-bars"] [data-table-view] table');
	await expect(table).toBeVisible();
	// Every row names the page it was read from (here one Spiceworks repost of the October 2022 release).
	const page2022 = 'Enterprise IT Spending To Grow 5.1% In 2023, Led by Software & IT Services: Gartner (Essid Solutions / Spiceworks repost)';
	expect(await tableRows(page, 'segment-bars')).toEqual([
		// The last column: each row's own note, as the data carries it (the figure as printed, where a growth came from).
		['Communications Services', '$1,469B', '+2.4%', 'forecast', page2022, '$1.469T'],
		['IT Services', '$1,357B', '+7.9%*', 'forecast', page2022, '$1.357T; growth truncated in copy (ratio implies ~7.9%, not quoted)'],
		['Software', '$879.62B', '+11.3%', 'forecast', page2022, '$879.62B; 11.3% growth quoted by SiliconANGLE 2022-10-19 https://siliconangle.com/2022/10/19/gartner-worldwide-spending-will-grow-5-1-2023/'],
		['Devices', '$735.39B', '-0.6%', 'forecast', page2022, '$735.39B'],
		['Data Center Systems', '$216.26B', '+3.4%', 'forecast', page2022, '$216.26B'],
		['Total', '$4,658B', '+5.1%', 'forecast', page2022, '$4.658T; 5.1% = Gartner headline (also SiliconANGLE 2022-10-19)']
	]);
});

test('the table view lists the same numbers as the bars, and screen readers reach it while the chart shows', async ({ page }) => {
	await page.goto('/?release=2024-07&year=2024');
	await expect(page.locator('[data-chart="segment-bars"] figcaption')).toContainText('(Jul 2024 release, published');
	const rows = await tableRows(page, 'segment-bars');
	// The five segments as the bars show them, then the worldwide total.
	expect(rows).toHaveLength(6);
	expect(rows[5].slice(0, 2)).toEqual(['Total', '$5,267.163B']);
	await expect(page.locator('[data-kpi="Worldwide IT spending 2024"]')).toContainText('$5,267.163B');
	for (const [segment, , growth] of rows.slice(0, 5)) {
		const label = await barLabel(page, segment!).textContent();
		expect(label).toContain(growth!);
	}
	await expect(page.locator('[data-chart="segment-bars"] [data-table-view]')).toHaveClass(/sr-only/);
	await expect(page.getByRole('table', { name: /IT spending by segment, 2024, Jul 2024 release/ })).toBeAttached();
});

test('a link reproduces the view, and an unknown release says so', async ({ page }) => {
	await page.goto('/?release=2022-10&year=2023');
	await expect(barLabel(page, 'Data Center Systems')).toHaveText('$216B +3.4%');
	await expect(page.getByRole('radio', { name: '2023' })).toBeChecked();
	await page.goto('/?release=1999-01');
	await expect(page.getByRole('status').filter({ hasText: 'There is no release "1999-01"' })).toBeVisible();
	await expect(page.getByLabel('Release (vintage)')).toHaveValue('2026-02');
});

test('an incomplete release shows what is missing instead of inventing it', async ({ page }) => {
	await page.goto('/?release=2026-04&year=2026');
	await expect(page.getByLabel('Release (vintage)')).toHaveValue('2026-04');
	await expect(page.locator('[data-chart="segment-bars"] .bar .value').filter({ hasText: 'not published' })).toHaveCount(2);
});

test('exactly one wasm file is fetched per page load', async ({ page }) => {
	const wasm: string[] = [];
	page.on('request', (request) => {
		if (request.url().endsWith('.wasm')) wasm.push(request.url());
	});
	await page.goto('/');
	await engineReady(page);
	await page.getByRole('radio', { name: '2025' }).check({ force: true });
	await expect(barLabel(page, 'IT Services')).toHaveText('$1.72T +6.4%');
	expect(wasm).toHaveLength(1);
});
