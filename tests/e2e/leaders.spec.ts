import { expect, test, type Page } from './fixtures';

// Compiling DuckDB's wasm takes seconds, longer while the other test worker does the same on this 2-core machine.
const engineReady = (page: Page) => expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 45_000 });
const rowsOf = (page: Page, chart: string) =>
	page.locator(`[data-chart="${chart}"] [data-table-view] tbody tr`).evaluateAll((rows) =>
		rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? ''))
	);

test.describe('/spending', () => {
	test('lists the revision history of a segment in release order, with the +9.5% → +40.3% story', async ({ page }) => {
		await page.goto('/spending');
		const rows = await rowsOf(page, 'revisions');
		const releases = rows.map((r) => r[0]);
		expect(releases[0]).toBe('Apr 2023');
		expect(releases.at(-1)).toBe('Jul 2025');
		expect(rows.find((r) => r[0] === 'Oct 2023')?.[1]).toBe('+9.5%');
		expect(rows.find((r) => r[0] === 'Jul 2025')?.[1]).toBe('+40.3%');
		const order = releases.map((r) => new Date(`1 ${r}`).getTime());
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	test('a click on a heatmap cell updates the linked charts and the URL; back and forward work', async ({ page }) => {
		await page.goto('/spending');
		await engineReady(page);
		await page.locator('[data-chart="growth-heatmap"] .cell[data-row="Software"][data-column="2023"]').click();
		await expect(page.locator('[data-chart="revisions"] h2')).toHaveText('How Gartner’s forecast for Software in 2023 moved');
		await expect(page.locator('[data-filter="Segment"]')).toContainText('Software');
		expect(new URL(page.url()).searchParams.get('segment')).toBe('Software');
		// The heading changes before the revision rows are re-queried: wait for the row itself.
		await expect(page.locator('[data-chart="revisions"] [data-table-view] tbody tr', { hasText: 'Oct 2022' })).toContainText('+11.3%');
		await expect(page.locator('[data-chart="segments-years"] .series-legend li.dimmed')).toHaveCount(4);

		await page.locator('[data-chart="growth-heatmap"] .cell[data-row="Devices"][data-column="2021"]').click();
		await expect(page.locator('[data-chart="revisions"] h2')).toContainText('Devices in 2021');
		await page.goBack();
		await expect(page.locator('[data-chart="revisions"] h2')).toContainText('Software in 2023');
		await page.goForward();
		await expect(page.locator('[data-chart="revisions"] h2')).toContainText('Devices in 2021');
	});

	test('a copied URL opened in a fresh context shows the same view; garbage falls back to defaults', async ({ page, browser }) => {
		await page.goto('/spending');
		await page.getByText('Share of total').click();
		await page.locator('[data-chart="growth-heatmap"] .cell[data-row="IT Services"][data-column="2025"]').click();
		await expect(page.locator('[data-chart="revisions"] h2')).toContainText('IT Services in 2025');
		await page.locator('[data-chart="revisions"]').getByRole('button', { name: 'Show table' }).click();
		await expect(page.locator('[data-chart="revisions"] [data-table-view] table')).toBeVisible();
		const url = page.url();
		const fresh = await (await browser.newContext()).newPage();
		await fresh.goto(url);
		await expect(fresh.locator('[data-chart="segments-years"] h2')).toHaveText('Share of worldwide IT spending by segment');
		await expect(fresh.locator('[data-chart="revisions"] h2')).toContainText('IT Services in 2025');
		await expect(fresh.locator('[data-chart="growth-heatmap"] .cell[aria-pressed="true"]')).toHaveAttribute('data-row', 'IT Services');
		await expect(fresh.locator('[data-chart="revisions"] [data-table-view] table')).toBeVisible();
		await expect(fresh.locator('[data-chart="growth-heatmap"] [data-table-view]')).toHaveClass(/sr-only/);

		await fresh.goto('/spending?segment=%3Cscript%3E&year=banana&measure=zzz');
		await expect(fresh.locator('[data-chart="revisions"] h2')).toHaveText('How Gartner’s forecast for Data Center Systems in 2024 moved');
		await expect(fresh.locator('[data-chart="segments-years"] h2')).toHaveText('IT spending by segment, 2019–2026');
		await expect(fresh.locator('[role="alert"]')).toHaveCount(0);
	});
});

test.describe('/careers', () => {
	test('shows OEWS medians for the chosen year, and a year change re-queries', async ({ page }) => {
		await page.goto('/careers?year=2023');
		await engineReady(page);
		await expect(page.locator('[data-chart="wages"] h2')).toHaveText('What IT occupations pay, May 2023');
		await expect(page.locator('[data-chart="wages"] .row[data-key="15-1252"] .value')).toHaveText('$132,270');
		await expect(page.locator('[data-chart="wages"] .row[data-key="00-0000"] .value')).toHaveText('$48,060');
		await page.getByLabel('OEWS estimate').selectOption('2024');
		await expect(page.locator('[data-chart="wages"] .row[data-key="00-0000"] .value')).toHaveText('$49,500');
		await page.goBack();
		await expect(page.locator('[data-chart="wages"] .row[data-key="00-0000"] .value')).toHaveText('$48,060');
	});

	test('clicking an occupation highlights it in the wage chart and the career paths', async ({ page }) => {
		await page.goto('/careers');
		await page.locator('[data-chart="wages"] .row[data-key="15-1212"]').click();
		await expect(page.locator('[data-filter="Occupation"]')).toContainText('Information Security Analysts');
		await expect(page.locator('[data-chart="wages"] .row[aria-current="true"]')).toHaveAttribute('data-key', '15-1212');
		await expect(page.locator('[data-chart="path-b"] .bar[aria-current="true"]')).toHaveCount(1);
		await expect(page.locator('[data-chart="path-b"] .bar[aria-current="true"] .label')).toHaveText('2. Information security analyst');
		await expect(page.locator('[data-chart="path-a"] .bar.dimmed')).toHaveCount(4);
	});

	test('two chosen career paths are compared side by side, from the URL', async ({ page }) => {
		await page.goto('/careers?a=Data+%26+ML&b=Infrastructure+%26+DevOps&focus=Infrastructure+%26+DevOps');
		await expect(page.locator('[data-chart="ladder"] h2')).toHaveText('Pay by experience: Data & ML vs Infrastructure & DevOps');
		await expect(page.locator('[data-chart="path-a"] h2')).toHaveText('Career path: Data analyst to chief data officer');
		await expect(page.locator('[data-chart="remote"] h2')).toHaveText('On-site, hybrid or remote: Infrastructure & DevOps');
		await expect
			.poll(async () => (await rowsOf(page, 'ladder')).map((r) => r[0]), { timeout: 45_000 })
			.toEqual(expect.arrayContaining(['Data & ML', 'Infrastructure & DevOps']));
		const ladder = await rowsOf(page, 'ladder');
		for (const row of ladder) expect(Number(row[4].replaceAll(',', ''))).toBeGreaterThan(0);
		await page.goto('/careers?a=nonsense&year=1999&occ=99-9999');
		await expect(page.locator('[data-chart="ladder"] h2')).toHaveText('Pay by experience: Software engineering vs Security');
		await expect(page.locator('[data-chart="wages"] h2')).toHaveText('What IT occupations pay, May 2024');
	});
});

test.describe('/industries', () => {
	test('shows CompTIA postings by industry and links an industry to its sector and career paths', async ({ page }) => {
		await page.goto('/industries');
		await expect(page.locator('[data-chart="postings-industry"] .bar[data-key="Finance and Insurance"] .value')).toHaveText('167,440');
		await page.getByRole('button', { name: 'Financial services' }).click();
		await expect(page.locator('[data-chart="postings-industry"] .bar[aria-current="true"]')).toHaveAttribute('data-key', 'Finance and Insurance');
		await expect(page.locator('[data-needs="Financial services"] h3')).toHaveText(['Data analyst to chief data officer', 'Analyst to security manager']);
		expect(new URL(page.url()).searchParams.get('industry')).toBe('Financial services');
		await page.locator('[data-chart="postings-industry"] .bar[data-key="Retail"]').click();
		await expect(page.locator('[data-filter="Industry"]')).toContainText('Retail and e-commerce');
		await page.goBack();
		await expect(page.locator('[data-filter="Industry"]')).toContainText('Financial services');
	});
});

test('the navigation reaches every page', async ({ page }) => {
	await page.goto('/');
	for (const [name, heading] of [
		['Spending', 'IT spending, segment by segment'],
		['Careers', 'Careers in technology'],
		['Industries', 'Industries and tech jobs'],
		['Data', 'Data catalogue'],
		['Overview', 'Worldwide IT spending']
	]) {
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	}
});
