import { expect, test, type Page } from './fixtures';

const total = (page: Page, year: number) => page.locator(`[data-kpi="Worldwide IT spending ${year}"]`);
const growth = (page: Page, year: number) => page.locator(`[data-kpi="Growth ${year}"]`);

async function tableRows(page: Page) {
	return page.locator('[data-chart="segment-bars"] [data-table-view] tbody tr').evaluateAll((rows) =>
		rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim()))
	);
}

test('a year with only a Total row shows the published Total, with no error (Jul 2022 / 2023)', async ({ page }) => {
	await page.goto('/?release=2022-07&year=2023');
	await expect(total(page, 2023)).toContainText('$4,810B');
	await expect(growth(page, 2023)).toContainText('+6.1%');
	await expect(page.locator('.kpi-error')).toHaveCount(0);
	await expect(page.locator('[data-chart="segment-bars"] [role="alert"]')).toHaveCount(0);
	await expect(page.getByText('Invalid column reference')).toHaveCount(0);
	await expect(page.locator('[data-no-segments]')).toContainText('published no segment figures for 2023');
});

test('Apr 2022 shows its published 2022 Total, not "not published" (two sources for one figure)', async ({ page }) => {
	await page.goto('/?release=2022-04&year=2022');
	await expect(total(page, 2022)).toContainText('$4,431.646B');
	await expect(growth(page, 2022)).toContainText('+4.0%');
	await expect(page.getByText('Invalid column reference')).toHaveCount(0);
});

test('a Total read from two sources shows both figures in the table view (Jul 2022 / 2022)', async ({ page }) => {
	await page.goto('/?release=2022-07&year=2022');
	await expect(total(page, 2022)).toContainText('$4,500B');
	await expect(total(page, 2022)).toHaveAttribute('title', /\$4,530B/);
	await expect(page.locator('[data-chart="segment-bars"] [data-table-view] thead')).toContainText('Also published');
	const totalRow = (await tableRows(page)).find((row) => row[0] === 'Total');
	expect(totalRow?.slice(0, 4)).toEqual(['Total', '$4,500B', '+3.0%', 'forecast']);
	expect(totalRow?.[4]).toContain('$4,530B, no growth figure');
	expect(totalRow?.[4]).toContain('CRN');
});

test('the release picker counts Apr 2022’s and Jul 2022’s missing figures once each', async ({ page }) => {
	await page.goto('/');
	const picker = page.getByLabel('Release (vintage)');
	await expect(picker.locator('option[value="2022-04"]')).toHaveText(/3 figures missing/);
	await expect(picker.locator('option[value="2022-07"]')).toHaveText(/15 figures missing/);
});
