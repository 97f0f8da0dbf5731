import { expect, test } from './fixtures';

const LABEL = 'As quoted in the guide (May 2024), not in the primary data';
const GUIDE = 'Mastering Technology Management: Complete Guide for Technology Leaders (Igor K, 2024-05-31)';
const QUOTES = [
	{
		route: '/careers',
		chart: 'education',
		quote: 'For example, those with at least a bachelor’s degree made a median income of $1,608 per week in the fourth quarter of 2023, compared to $917 per week for high school graduates.',
		figures: ['$1,608 per week', '$917 per week']
	},
	{
		route: '/careers',
		chart: 'remote',
		quote: 'Nearly a quarter of new technology positions in 2023 offered hybrid work arrangements, and an additional 17% were fully remote.',
		figures: ['Nearly a quarter', '17%']
	},
	{
		route: '/industries',
		chart: 'postings-time',
		quote: 'There is a 15% increase in job postings for executive leadership and a 6% increase for operations roles.',
		figures: ['15% increase', '6% increase']
	}
];

for (const { route, chart, quote, figures } of QUOTES) {
	test(`${route} ${chart}: the guide's figures are quoted under the chart, labelled, named in the source line and listed in the table`, async ({ page }) => {
		await page.goto(route);
		const frame = page.locator(`figure[data-chart="${chart}"]`);
		const note = frame.locator('.chart [data-quoted]');
		await expect(note).toBeVisible();
		await expect(note.locator('[data-quoted-label]')).toHaveText(LABEL);
		await expect(note.locator('[data-quote]')).toHaveText(`“${quote}”`);
		await expect(note).toContainText(GUIDE);
		// Apart from the primary data: the note is not part of the chart's drawing.
		await expect(frame.locator('svg [data-quoted], svg blockquote')).toHaveCount(0);
		await expect(frame.locator('figcaption')).toContainText(`${LABEL}: ${GUIDE}`);

		await frame.getByRole('button', { name: 'Show table' }).click();
		const table = frame.locator('[data-table-view] [data-quoted-table]');
		await expect(table).toBeVisible();
		await expect(table.locator('caption')).toHaveText(`${LABEL}: ${GUIDE}`);
		await expect(table.locator('tbody th')).toHaveText(figures);
		await expect(table).toContainText(quote);
		await expect(note).toBeHidden();
	});
}

test('the embedded chart keeps the guide’s quote and its label', async ({ page }) => {
	await page.goto('/embed/education');
	await expect(page.locator('[data-quoted-label]')).toHaveText(LABEL);
	await page.goto('/embed/postings-time?plain=1');
	await expect(page.locator('figcaption')).toContainText(GUIDE);
});
