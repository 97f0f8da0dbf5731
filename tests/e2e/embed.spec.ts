import { expect, test } from './fixtures';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { embedCode } from '../../src/lib/share/embed-code';

const embedOrigin = `http://localhost:${process.env.ATLAS_E2E_PORT ?? 4173}`;
let host: Server;
let hostPage = '';
let hostBody = '';

// The presenter's page: a real server on a second local origin (Chromium will not let a page it considers public
// frame localhost, and a mocked page counts as public).
test.beforeAll(async () => {
	host = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(hostBody));
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	hostPage = `http://127.0.0.1:${(host.address() as AddressInfo).port}/deck.html`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

test('a chart embedded on another origin renders, resizes its iframe, and ignores other origins', async ({ page }) => {
	const code = embedCode(embedOrigin, '/embed/segment-bars?release=2022-10&year=2023', 'Spending by segment');
	hostBody = `<!doctype html><h1>My deck</h1>${code}`;
	await page.goto(hostPage);
	const frame = page.frameLocator('iframe');
	await expect(frame.locator('[data-chart="segment-bars"] .bar[data-key="Data Center Systems"] .value')).toHaveText('$216B +3.4%');
	await expect(frame.locator('nav')).toHaveCount(0);
	await expect(frame.locator('[data-chart]')).toHaveCount(1);
	const iframe = page.locator('iframe');
	await expect.poll(async () => (await iframe.boundingBox())?.height).not.toBe(480);
	const fitted = (await iframe.boundingBox())!.height;
	const content = await frame.locator('body').evaluate((body) => body.getBoundingClientRect().height);
	expect(Math.abs(fitted - content)).toBeLessThan(4);

	// The host page itself (another origin, another window) cannot resize the iframe.
	await page.evaluate(() => window.postMessage({ type: 'atlas-embed-height', height: 200 }, '*'));
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
	expect((await iframe.boundingBox())!.height).toBe(fitted);
});

test('embeds may be framed, other pages may not; plain and theme options apply', async ({ page, request }) => {
	const embed = await request.get('/embed/wages');
	expect(embed.headers()['content-security-policy']).toMatch(/; frame-ancestors \*$/);
	expect(embed.headers()['x-frame-options']).toBeUndefined();
	const overview = await request.get('/');
	expect(overview.headers()['x-frame-options']).toBe('DENY');
	expect(overview.headers()['content-security-policy']).toMatch(/; frame-ancestors 'none'$/);

	await page.goto('/embed/wages?plain=1&theme=dark');
	await expect(page.locator('[data-chart="wages"] svg').first()).toBeVisible();
	await expect(page.locator('[data-chart="wages"] h2')).toHaveCount(0);
	// plain drops the title, not the attribution: one line of source stays.
	// It names the real source and its date, and links the chart's own page (the table view, every source) in full.
	const caption = page.locator('[data-chart="wages"] figcaption');
	await expect(caption.locator('.line')).toHaveText('Source: BLS, Occupational Employment and Wage Statistics, national estimates (file national_M2024_dl) · OEWS May 2024');
	await expect(caption.getByRole('link', { name: 'full view' })).toHaveAttribute('href', `${embedOrigin}/careers#wages-title`);
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto('/embed/revisions?theme=transparent');
	await expect(page.locator('html')).toHaveAttribute('data-embed', 'transparent');
	await expect(page.locator('[data-chart="revisions"] figcaption')).toContainText('Gartner');
	const missing = await request.get('/embed/not-a-chart');
	expect(missing.status()).toBe(404);
});

test('an explore query chart embeds like every other chart', async ({ page }) => {
	await page.goto('/embed/explore-chart?q=' + encodeURIComponent("SELECT segment, spend_usd_bn FROM it_spending WHERE release_date = '2026-02' AND year = 2026 AND segment <> 'Total'"));
	await expect(page.locator('[data-chart="explore-chart"] .bar')).toHaveCount(5, { timeout: 60_000 });
	await expect(page.locator('.cm-editor')).toHaveCount(0);
	await expect(page.locator('[data-chart="explore-chart"] figcaption')).toContainText('tables it_spending');
});

test('the embed builder previews the chosen colours, frame and width live and its code pins them', async ({ page }) => {
	await page.goto('/?release=2022-10&year=2023');
	const frame = page.locator('[data-chart="segment-bars"]');
	await frame.locator('.share summary').click();
	await frame.getByRole('button', { name: /Embed builder/ }).click();
	const builder = page.locator('[data-embed-builder]');
	await expect(builder).toBeVisible();
	await builder.locator('[data-embed-colours]').selectOption('dark');
	await builder.locator('[data-embed-plain]').check();
	await builder.locator('[data-embed-width]').selectOption('480');
	const preview = builder.locator('[data-embed-preview]');
	await expect(preview).toHaveAttribute('src', '/embed/segment-bars?release=2022-10&year=2023&theme=dark&plain=1');
	const shown = page.frameLocator('[data-embed-preview]');
	await expect(shown.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expect(shown.locator('[data-chart="segment-bars"] .bar[data-key="Data Center Systems"] .value')).toHaveText('$216B +3.4%');
	await expect(shown.locator('[data-chart="segment-bars"] h2')).toHaveCount(0);
	expect((await preview.boundingBox())!.width).toBeCloseTo(480, 0);
	const code = await builder.locator('[data-embed-code]').inputValue();
	expect(code).toContain(`src="${embedOrigin}/embed/segment-bars?release=2022-10&year=2023&theme=dark&plain=1"`);
	expect(code).toContain('style="width:480px;max-width:100%;height:480px;border:0"');
	// The preview's height follows the chart, like the embed code's iframe.
	await expect.poll(async () => (await preview.boundingBox())!.height).not.toBe(360);
	await page.keyboard.press('Escape');
	await expect(builder).toHaveCount(0);
});
