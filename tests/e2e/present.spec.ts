import { expect, test } from '@playwright/test';

test('views added from the Share menu become a deck that moves with the keyboard', async ({ page }) => {
	await page.goto('/spending?segment=Software&year=2023');
	const add = async (chart: string) => {
		const frame = page.locator(`[data-chart="${chart}"]`);
		await frame.locator('summary', { hasText: 'Share' }).click();
		await frame.getByRole('button', { name: 'Add this view to the presentation' }).click();
		await expect(frame.locator('.share [role="status"]')).toContainText('in the presentation');
		await frame.locator('summary', { hasText: 'Share' }).click();
	};
	await add('revisions');
	await add('growth-heatmap');
	await page.goto('/present');
	await expect(page.locator('[data-counter]')).toHaveText('1 / 2');
	const slide = page.frameLocator('iframe');
	await expect(slide.locator('[data-chart="revisions"] h2')).toHaveText('How Gartner’s forecast for Software in 2023 moved');
	expect(new URL(page.url()).searchParams.getAll('s')).toHaveLength(2);
	await page.locator('body').press('ArrowRight');
	await expect(page.locator('[data-counter]')).toHaveText('2 / 2');
	await expect(slide.locator('[data-chart="growth-heatmap"] .cell[aria-pressed="true"]')).toHaveAttribute('data-row', 'Software');
	await page.locator('body').press('ArrowLeft');
	await expect(page.locator('[data-counter]')).toHaveText('1 / 2');
	await page.locator('body').press(' ');
	await expect(page.locator('iframe')).toHaveAttribute('data-slide', '2');

	// The deck travels in its URL: another browser opens the same slides.
	const shared = page.url();
	const other = await (await page.context().browser()!.newContext()).newPage();
	await other.goto(shared);
	await expect(other.locator('[data-counter]')).toHaveText('1 / 2');
});
