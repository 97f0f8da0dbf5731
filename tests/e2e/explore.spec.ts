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
