import { expect, test, type Page } from './fixtures';

const engineReady = (page: Page) => expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 45_000 });
const selectedWage = (page: Page) => page.locator('[data-chart="wages"] .row[aria-current="true"]');

test.describe('/careers career paths', () => {
	test('clicking CTO highlights Chief Executives in the wage chart instead of greying it out', async ({ page }) => {
		await page.goto('/careers');
		await engineReady(page);
		await page.locator('[data-chart="path-a"] .bar[data-key="4"]').click();
		await expect(page.locator('[data-filter="Occupation"]')).toContainText('Chief Executives');
		await expect(selectedWage(page)).toHaveAttribute('data-key', '11-1011');
		await expect(selectedWage(page).locator('.value')).toHaveText('$206,420');
		await expect(page.locator('[data-chart="wages"] .chart-note')).toContainText('Chief Executives (11-1011) is drawn because OEWS counts');
		// The CISO shares the code, so the other path lights up its chief too.
		await expect(page.locator('[data-chart="path-b"] .bar[aria-current="true"]')).toHaveAttribute('aria-label', /^4\. Chief information security officer: \$206,420 OEWS/);
	});

	test('every step of every path lands on a row the wage chart draws', async ({ page }) => {
		for (const url of ['/careers', '/careers?a=Data+%26+ML&b=Infrastructure+%26+DevOps']) {
			await page.goto(url);
			await engineReady(page);
			for (const chart of ['path-a', 'path-b'])
				for (const step of ['1', '2', '3', '4']) {
					const bar = page.locator(`[data-chart="${chart}"] .bar[data-key="${step}"]`);
					await bar.click();
					await expect(bar, `${url} ${chart} ${step}`).toHaveAttribute('aria-current', 'true');
					await expect(selectedWage(page), `${url} ${chart} ${step}`).toHaveCount(1);
					await bar.click();
					await expect(selectedWage(page)).toHaveCount(0);
				}
		}
	});

	test('a step with the same OEWS occupation as the step before says so on the chart, with the survey’s level median beside it', async ({ page }) => {
		await page.goto('/careers?a=Data+%26+ML&b=Infrastructure+%26+DevOps');
		await engineReady(page);
		const lead = page.locator('[data-chart="path-a"] .bar[data-key="2"]');
		await expect(lead.locator('[data-same-occupation]')).toHaveText('Same OEWS occupation as step 1: pay not told apart');
		await expect(lead.locator('[data-same-occupation]')).toBeVisible();
		await expect(page.locator('[data-chart="path-a"] [data-same-occupation]')).toHaveCount(1);
		await expect(lead.locator('.mark-label')).toHaveText(['Survey Senior (n = 29,750)']);
		await expect(lead.locator('.mark-value')).toHaveText(['$160,000']);
		// Under 100 answers: the label says "only".
		await expect(page.locator('[data-chart="path-b"] .bar[data-key="3"] .mark-label')).toHaveText(['Survey Senior (n = 4,392)', 'Survey Executive (only n = 73)']);
		await page.locator('[data-chart="path-a"]').getByRole('button', { name: 'Show table' }).click();
		const row = page.locator('[data-chart="path-a"] [data-table-view] tbody tr', { hasText: 'Senior or lead data scientist' });
		await expect(row).toContainText('Same OEWS occupation as step 1: pay not told apart');
		await expect(row).toContainText('Survey Senior: $160,000 (n = 29,750), Data & ML');
	});

	test('projected growth marks each projection period and its table keeps the period', async ({ page }) => {
		await page.goto('/careers');
		await expect(page.locator('[data-chart="outlook"] [data-period]')).toHaveText(['Projected 2024-34', 'Projected 2023-33', 'Projected 2022-32', 'Projected 2020-30']);
		await page.locator('[data-chart="outlook"]').getByRole('button', { name: 'Show table' }).click();
		await expect(page.locator('[data-chart="outlook"] [data-table-view] thead')).toContainText('Period');
	});
});
