import { CPU_THROTTLE, expect, test, throttle, type Page } from './fixtures';

/**
 * A control clicked the moment it is painted, before the page's JavaScript runs, still selects the right view: each is
 * a link (or a GET form) whose URL is that view. The app's JavaScript is held back until after the click, with the
 * CPU throttled 4× as on a slow laptop, so the click always lands before hydration.
 */
const slow = { timeout: 60_000 };

async function holdScripts(page: Page): Promise<() => Promise<void>> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	const scripts = '**/_app/immutable/**/*.js';
	await page.route(scripts, async (route) => {
		await held;
		// A request of a page left by the click's navigation is gone by then.
		await route.continue().catch(() => undefined);
	});
	await throttle(page.context(), page, Math.max(4, CPU_THROTTLE));
	// Once released, every script (held or later) goes through at once.
	return async () => release();
}

/** Not hydrated: the page's components have not started (the overview marks its hydration). */
const notHydrated = (page: Page) => page.evaluate(() => performance.getEntriesByName('overview-hydrated').length + performance.getEntriesByName('page-hydrated').length);

test('overview: a year and a release chosen before hydration open that view', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/');
	await page.locator('label', { hasText: '2025' }).locator('a').click();
	await page.waitForURL(/[?&]year=2025/, { waitUntil: 'commit' });
	expect(new URL(page.url()).searchParams.get('release')).toBe('2026-02');
	// The release list is a GET form with a Show button until the page runs.
	await page.locator('select[name="release"]').selectOption('2022-10');
	await page.locator('[data-show-release]').click();
	await page.waitForURL(/release=2022-10/, { waitUntil: 'commit' });
	expect(await notHydrated(page)).toBe(0);
	await release();
	await expect(page.locator('[data-chart="segment-bars"] figcaption')).toContainText('(Oct 2022 release, published', slow);
	await expect(page.locator('[data-show-release]')).toHaveCount(0);
});

test('spending: a heatmap cell clicked before hydration selects that segment and year', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/spending');
	await page.locator('[data-chart="growth-heatmap"] .cell[data-row="Software"][data-column="2023"]').click();
	await page.waitForURL(/segment=Software/, { waitUntil: 'commit' });
	expect(new URL(page.url()).searchParams.get('year')).toBe('2023');
	await release();
	await expect(page.locator('[data-chart="growth-heatmap"] .cell[aria-pressed="true"]')).toHaveAttribute('data-row', 'Software', slow);
	await expect(page.locator('[data-chart="growth-heatmap"] .cell[aria-pressed="true"]')).toHaveAttribute('data-column', '2023');
});

test('spending: USD / share clicked before hydration switches the measure', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/spending');
	await page.locator('label', { hasText: 'Share of total' }).locator('a').click();
	await page.waitForURL(/measure=share/, { waitUntil: 'commit' });
	await release();
	await expect(page.getByRole('radio', { name: 'Share of total' })).toBeChecked(slow);
});

test('spending: a segment in the lines’ legend clicked before hydration is highlighted', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/spending');
	await page.locator('.series-legend').getByRole('button', { name: 'Software' }).click();
	await page.waitForURL(/segment=Software/, { waitUntil: 'commit' });
	await release();
	await expect(page.locator('.series-legend').getByRole('button', { name: 'Software' })).toHaveAttribute('aria-pressed', 'true', slow);
});

test('careers: a career path step clicked before hydration highlights its occupation', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/careers');
	const step = page.locator('[data-chart="path-a"] .bar').first();
	const key = await step.getAttribute('data-key');
	await step.click();
	await page.waitForURL(/occ=/, { waitUntil: 'commit' });
	await release();
	await expect(page.locator('[data-chart="path-a"] .bar[aria-current="true"]').first()).toBeVisible(slow);
	expect(key).not.toBeNull();
});

test('careers: an occupation clicked before hydration is highlighted in the wage chart and the career paths', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/careers');
	await page.locator('[data-chart="wages"] .row[data-key="15-1212"]').click();
	await page.waitForURL(/occ=15-1212/, { waitUntil: 'commit' });
	await release();
	await expect(page.locator('[data-chart="wages"] .row[aria-current="true"]')).toHaveAttribute('data-key', '15-1212', slow);
});

test('industries: an industry clicked before hydration links to its sector and career paths', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/industries');
	await page.getByRole('button', { name: 'Financial services' }).click();
	await page.waitForURL(/industry=Financial/, { waitUntil: 'commit' });
	await release();
	await expect(page.locator('[data-needs="Financial services"]')).toBeVisible(slow);
	await expect(page.getByRole('button', { name: 'Financial services' })).toHaveAttribute('aria-pressed', 'true');
	// After hydration the same control works without a reload, and a second click clears the selection.
	await page.getByRole('button', { name: 'Financial services' }).click();
	await expect(page).not.toHaveURL(/industry=/);
});

test('forecast record: a first forecast clicked before hydration opens its path', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/spending/record');
	await page.locator('[data-chart="first-forecast-errors"] .cell[data-row="IT Services"][data-column="2022"]').click();
	await page.waitForURL(/segment=IT(\+|%20)Services/, { waitUntil: 'commit' });
	expect(new URL(page.url()).searchParams.get('year')).toBe('2022');
	await release();
	await expect(page.locator('[data-chart="forecast-path"] h2')).toContainText('IT Services 2022: first forecast', slow);
});

test('overview: forecast bands switched off before hydration stay off', async ({ page }) => {
	const release = await holdScripts(page);
	await page.goto('/');
	await page.locator('label', { hasText: 'Hidden' }).locator('a').click();
	await page.waitForURL(/bands=off/, { waitUntil: 'commit' });
	await release();
	await expect(page.getByRole('radio', { name: 'Hidden' })).toBeChecked(slow);
	await expect(page.locator('[data-chart="segment-lines"] [data-band]')).toHaveCount(0);
});
