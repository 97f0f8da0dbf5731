import { expect, test, type Page } from './fixtures';

const engineReady = (page: Page) => expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 60_000 });
const results = (page: Page) =>
	page.locator('.result-table tbody tr[data-row]').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')));

async function typeQuery(page: Page, sql: string) {
	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(sql);
}

test('an example question returns its rows and a chart', async ({ page }) => {
	await page.goto('/explore');
	await engineReady(page);
	await page.getByLabel('Example questions').selectOption({ label: 'Which segment grew fastest in 2023?' });
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.locator('[data-status]')).toContainText('5 rows in');
	expect((await results(page)).map((r) => r.slice(0, 2))).toEqual([
		['Software', '11.5'],
		['IT Services', '4.9'],
		['Data Center Systems', '4'],
		['Communications Services', '3.2'],
		['Devices', '-6.5']
	]);
	await expect(page.locator('[data-chart="explore-chart"] .bar')).toHaveCount(5);
	await expect(page.locator('[data-chart="explore-chart"] figcaption')).toContainText('tables it_spending');
	expect(new URL(page.url()).searchParams.get('q')).toContain('Growth in 2023 by segment');
});

test('a syntax error shows DuckDB’s message with its position', async ({ page }) => {
	await page.goto('/explore');
	await engineReady(page);
	await typeQuery(page, 'SELEC segment FROM it_spending');
	await page.keyboard.press('ControlOrMeta+Enter');
	const alert = page.locator('[data-query-error]');
	await expect(alert).toContainText('syntax error at or near "SELEC"');
	await expect(alert).toContainText('LINE 1');
});

test('DROP TABLE on a dataset is refused and the data is still there, here and on the overview', async ({ page }) => {
	await page.goto('/explore');
	await engineReady(page);
	await typeQuery(page, 'DROP TABLE it_spending');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.locator('[data-query-error]')).toContainText('DROP TABLE refused: it_spending is a shipped dataset and is read-only');
	await typeQuery(page, 'SELECT count(*) AS n FROM it_spending');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.locator('[data-big-number]')).toContainText('327');
	// Same page session, same engine: the overview's next query runs against the table the console could not drop.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
	await page.getByRole('radio', { name: '2025' }).check({ force: true });
	await expect(page.locator('[data-chart="segment-bars"] .bar[data-key="IT Services"] .value')).toHaveText('$1.72T +6.4%');
});

test('a shared URL shows its query, runs it on Run, then reruns it on reload, keeping the chosen chart', async ({ browser }) => {
	const page = await (await browser.newContext()).newPage();
	await page.goto('/explore?q=' + encodeURIComponent('SELECT survey, count(*) AS answers FROM salary_survey GROUP BY survey ORDER BY answers DESC') + '&chart=none');
	// Written by someone else: shown, not run, until the person reads it and clicks Run.
	await expect(page.locator('[data-held-query]')).toBeVisible();
	await expect(page.locator('.cm-content')).toContainText('GROUP BY survey');
	await expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 60_000 });
	await expect(page.locator('[data-status]')).toHaveText('');
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.locator('[data-status]')).toContainText('3 rows in', { timeout: 60_000 });
	// This browser has run it now: the same link runs on open.
	await page.reload();
	await expect(page.locator('[data-status]')).toContainText('3 rows in', { timeout: 60_000 });
	await expect(page.locator('[data-held-query]')).toHaveCount(0);
	expect(await results(page)).toEqual([
		['aijobs.net', '69,542'],
		['isecjobs.com', '65,951'],
		['devops-jobs.net', '728']
	]);
	await expect(page.locator('[data-chart="explore-chart"] .bar')).toHaveCount(0);
	await expect(page.getByRole('combobox', { name: 'Chart' })).toHaveValue('none');
});

test('136,221 result rows scroll in a virtualised table that sorts', async ({ page }) => {
	// Its query and two sorts move every row of the largest dataset: with the CPU slowed 4× that alone is ~30 s.
	test.slow();
	await page.goto('/explore?q=' + encodeURIComponent('SELECT job_title, salary_in_usd FROM salary_survey') + '&chart=none');
	await engineReady(page);
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.locator('[data-status]')).toContainText('136,221 rows in', { timeout: 60_000 });
	const rendered = await page.locator('.result-table tbody tr[data-row]').count();
	expect(rendered).toBeLessThan(80);
	await page.locator('.result-table').evaluate((el) => (el.scrollTop = el.scrollHeight));
	await expect(page.locator('.result-table tbody tr[data-row]').last()).toHaveAttribute('aria-rowindex', '136222');
	await page.getByRole('button', { name: 'salary_in_usd' }).click();
	await page.getByRole('button', { name: /salary_in_usd/ }).click();
	await page.locator('.result-table').evaluate((el) => (el.scrollTop = 0));
	const top = await results(page);
	const [first, second] = [Number(top[0][1].replaceAll(',', '')), Number(top[1][1].replaceAll(',', ''))];
	expect(first).toBeGreaterThanOrEqual(second);
	await expect(page.getByRole('columnheader', { name: /salary_in_usd/ })).toHaveAttribute('aria-sort', 'descending');
});

test('SELECT * FROM salary_survey draws the first 10,000 rows as a scatter, no framework error, the rest behind a confirmation', async ({ page }) => {
	test.slow();
	await page.goto('/explore');
	await engineReady(page);
	await typeQuery(page, 'SELECT * FROM salary_survey');
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.locator('[data-status]')).toContainText('136,221 rows in', { timeout: 60_000 });
	const chart = page.locator('[data-chart="explore-chart"]');
	await expect(chart.locator('path.points').first()).toBeVisible();
	await expect(chart).toContainText('scatter chart · chosen from the result’s shape');
	await expect(chart).not.toContainText('could not be drawn');
	await expect(chart.locator('[data-drawn-rows]')).toContainText('First 10,000 of 136,221 rows drawn');
	await chart.getByRole('button', { name: 'Draw all rows' }).click();
	await expect(chart.locator('[data-confirm-all]')).toBeVisible();
	await chart.getByRole('button', { name: 'Keep the first 10,000' }).click();
	await expect(chart.locator('[data-confirm-all]')).toHaveCount(0);
	// Years read as years in the table.
	await expect(page.locator('.result-table tbody tr[data-row]').first().locator('td').nth(1)).toHaveText(/^20\d\d$/);
	// Asked for a line, it says why raw rows are not one instead of drawing nonsense.
	await page.getByRole('combobox', { name: 'Chart' }).selectOption('line');
	await expect(chart.locator('[data-chart-problem]')).toContainText('appears on more than one row');
});

test('a GROUP BY with a count and a median charts either measure, chosen in the chart and kept in the URL', async ({ page }) => {
	await page.goto('/explore');
	await engineReady(page);
	await typeQuery(page, 'SELECT count(*) AS n FROM salary_surv');
	await page.keyboard.type('e');
	await expect(page.locator('.cm-tooltip-autocomplete')).toBeVisible();
	await page.keyboard.type('y');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.locator('[data-status]')).toContainText('1 rows in', { timeout: 60_000 });
	// Ctrl+Enter ran it and closed the completion list.
	await expect(page.locator('.cm-tooltip-autocomplete')).toHaveCount(0);
	await typeQuery(page, 'SELECT job_family, count(*) AS n, median(salary_in_usd) AS median_usd FROM salary_survey GROUP BY ALL ORDER BY n DESC');
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.locator('[data-status]')).toContainText('rows in', { timeout: 60_000 });
	const chart = page.locator('[data-chart="explore-chart"]');
	await expect(chart.getByRole('combobox', { name: 'Length' })).toHaveValue('n');
	await chart.getByRole('combobox', { name: 'Length' }).selectOption('median_usd');
	await expect(page).toHaveURL(/[?&]y=median_usd/);
	await chart.locator('.bar').first().hover();
	await expect(chart.getByRole('tooltip')).toContainText(/median_usd: \$\d{2,3},\d{3}/);
	// The examples list no longer names a question the editor does not hold.
	await expect(page.getByLabel('Example questions')).toHaveValue('');
});
