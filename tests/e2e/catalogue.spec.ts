import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { nodeConnector } from '../../src/lib/db/node';

const catalogue = JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../static/datasets/catalog.json'), 'utf8')) as {
	datasets: { name: string; title: string; rowCount: number; sources: { title: string }[]; csvFile: string }[];
};

const expectedRows: Record<string, string> = {
	it_spending: '327',
	salary_survey: '136,221',
	occupation_outlook: '68',
	education_earnings: '156',
	job_postings: '129',
	industries: '7',
	career_paths: '16',
	guide_figures: '6'
};

test('the catalogue lists every dataset with its row count and sources', async ({ page }) => {
	await page.goto('/data');
	await expect(page.getByRole('heading', { level: 1, name: 'Data catalogue' })).toBeVisible();
	const sections = page.locator('[data-dataset]');
	await expect(sections).toHaveCount(9);
	for (const [name, rows] of Object.entries(expectedRows)) {
		await expect(page.locator(`[data-dataset="${name}"] [data-row-count]`)).toHaveText(rows);
	}
	await expect(page.locator('[data-dataset="occupations"] [data-row-count]')).toHaveText(/^4,\d{3}$/);
	for (const dataset of catalogue.datasets) {
		const section = page.locator(`[data-dataset="${dataset.name}"]`);
		await expect(section.getByRole('heading', { level: 2 })).toHaveText(dataset.title);
		await expect(section.locator('[data-source]').first()).toHaveText(dataset.sources[0].title);
	}
	await expect(page.locator('[data-dataset="occupations"]')).toContainText('top-coding');
});

test('the preview shows real rows', async ({ page }) => {
	await page.goto('/data');
	const firstRow = (name: string) => page.locator(`[data-dataset="${name}"] [data-preview] tbody tr`).first().locator('td');
	await expect(firstRow('it_spending')).toHaveText(['Data Center Systems', '2019', '205', '-2.7', 'actual', '2020-01', /Global IT Spending to Reach \$3\.9 Trillion/, /^https:/, '2020-01-15', /prior-year estimate/, '']); // last: also_published (empty: one source)
	await expect(firstRow('salary_survey').nth(4)).toHaveText('Principal Researcher');
	await expect(firstRow('salary_survey').nth(7)).toHaveText('314400');
	await expect(page.locator('[data-dataset="occupations"] [data-preview] tbody tr').first()).toContainText('All Occupations');
});

for (const name of ['job_postings', 'salary_survey']) {
	test(`the ${name} CSV download holds the same rows`, async ({ page }, testInfo) => {
		await page.goto('/data');
		const downloading = page.waitForEvent('download');
		await page.locator(`[data-dataset="${name}"]`).getByRole('link', { name: 'Download CSV' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(`${name}.csv`);
		const file = testInfo.outputPath(`${name}.csv`);
		await download.saveAs(file);
		const conn = await nodeConnector([path.dirname(file) + path.sep]);
		const table = await conn.query(`SELECT * FROM read_csv('${file}', header = true)`);
		const expected = catalogue.datasets.find((d) => d.name === name)!;
		expect(table.numRows).toBe(expected.rowCount);
		const previewFirst = await page.locator(`[data-dataset="${name}"] [data-preview] tbody tr`).first().locator('td').allTextContents();
		const csvFirst = Object.values(table.get(0)!.toJSON()).map((v) => (v === null ? '' : String(v)));
		expect(csvFirst).toEqual(previewFirst);
	});
}
