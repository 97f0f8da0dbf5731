import { expect, test } from './fixtures';

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

	// The deck travels in its URL, with the slide on screen: another browser opens the same slides there.
	const shared = page.url();
	const other = await (await page.context().browser()!.newContext()).newPage();
	await other.goto(shared);
	await expect(other.locator('[data-counter]')).toHaveText('2 / 2');
});

test('a shared deck is shown without replacing the saved one until the person chooses to keep it', async ({ page }) => {
	const mine = ['/embed/segment-bars?year=2024'];
	const shared = ['/embed/revisions?segment=Software&year=2023', '/embed/growth-heatmap?segment=Software&year=2023'];
	await page.goto('/present');
	await page.evaluate((deck) => localStorage.setItem('atlas-deck', JSON.stringify(deck)), mine);
	const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('atlas-deck') ?? 'null'));
	const params = new URLSearchParams();
	// Only /embed/ paths of this site are slides: the other two are dropped.
	for (const slide of [...shared, 'https://evil.example/embed/x', '/data']) params.append('s', slide);

	await page.goto(`/present?${params}`);
	await expect(page.locator('[data-counter]')).toHaveText('1 / 2');
	await expect(page.locator('[data-shared-deck]')).toContainText('This is a shared presentation (2 slides)');
	await expect(page.getByRole('button', { name: 'Keep as my presentation (replaces your 1 slide)' })).toBeVisible();
	await page.getByRole('link', { name: 'Next →' }).click();
	await expect(page.locator('[data-counter]')).toHaveText('2 / 2');
	await expect(page.locator('iframe')).toHaveAttribute('src', `${shared[1]}&present=1`);
	await page.getByRole('link', { name: 'Remove this slide' }).click();
	await expect(page.locator('[data-counter]')).toHaveText('1 / 1');
	expect(await stored()).toEqual(mine);

	await page.getByRole('link', { name: 'Keep mine (1 slide)' }).click();
	await expect(page.locator('iframe')).toHaveAttribute('src', `${mine[0]}&present=1`);
	await expect(page.locator('[data-shared-deck]')).toHaveCount(0);
	expect(await stored()).toEqual(mine);

	await page.goto(`/present?${params}`);
	await page.getByRole('button', { name: /Keep as my presentation/ }).click();
	await expect(page.locator('[data-shared-deck]')).toHaveCount(0);
	expect(await stored()).toEqual(shared);
	await page.goto('/present');
	await expect(page.locator('[data-counter]')).toHaveText('1 / 2');
});

test('a click inside a slide changes nothing and the keyboard keeps working; Home/End; a tall chart is scaled to the 16:9 screen, not cut', async ({ page }) => {
	const params = new URLSearchParams();
	for (const slide of ['/embed/growth-heatmap?segment=Software&year=2023', '/embed/revisions', '/embed/wages']) params.append('s', slide);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto(`/present?${params}`);
	const slide = page.frameLocator('iframe');
	await expect(slide.locator('[data-chart="growth-heatmap"] .cell[aria-pressed="true"]')).toHaveAttribute('data-row', 'Software');
	// A click where a heatmap cell is drawn: the slide keeps its selection and the deck keeps the keyboard.
	const box = (await page.locator('[data-slide-box]').boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	await expect(slide.locator('[data-chart="growth-heatmap"] .cell[aria-pressed="true"]')).toHaveAttribute('data-row', 'Software');
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('[data-counter]')).toHaveText('2 / 3');
	await page.keyboard.press('End');
	await expect(page.locator('[data-counter]')).toHaveText('3 / 3');
	await page.keyboard.press('Home');
	await expect(page.locator('[data-counter]')).toHaveText('1 / 3');
	await page.keyboard.press('End');
	// The wage chart is taller than a 16:9 box at this size: it is scaled down until its source line shows.
	const frame = page.locator('iframe');
	await expect(frame).not.toHaveAttribute('data-scale', '1.000');
	const scaled = (await frame.boundingBox())!;
	const screen = (await page.locator('[data-slide-box]').boundingBox())!;
	expect(scaled.y + scaled.height).toBeLessThanOrEqual(screen.y + screen.height + 1);
	expect(screen.width / screen.height).toBeCloseTo(16 / 9, 1);
	await expect(slide.locator('figcaption')).toContainText('Source: BLS');
});

test('a chart shorter than the 16:9 screen is laid out narrower and scaled up to fill it, not left with half the screen blank', async ({ page }) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto(`/present?s=${encodeURIComponent('/embed/segment-lines')}`);
	const frame = page.locator('iframe');
	await expect(page.frameLocator('iframe').locator('[data-chart="segment-lines"] figcaption')).toContainText('Source: Gartner');
	// Grown past 1, and filling the box in one direction (within a few pixels), centred in the other.
	await expect.poll(async () => Number(await frame.getAttribute('data-scale'))).toBeGreaterThan(1.05);
	const box = (await page.locator('[data-slide-box]').boundingBox())!;
	await expect.poll(async () => {
		const drawn = (await frame.boundingBox())!;
		return Math.max(drawn.height / box.height, drawn.width / box.width);
	}).toBeGreaterThan(0.97);
	const drawn = (await frame.boundingBox())!;
	expect(drawn.y).toBeGreaterThanOrEqual(box.y - 1);
	expect(drawn.y + drawn.height).toBeLessThanOrEqual(box.y + box.height + 1);
	expect(drawn.x + drawn.width).toBeLessThanOrEqual(box.x + box.width + 1);
});
