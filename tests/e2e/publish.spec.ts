import { expect, test, type Browser, type Page } from './fixtures';
import { confirmRemovalIfAsked } from './upload-helpers';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { embedCode } from '../../src/lib/share/embed-code';
import { AtlasServer, PUBLISHER } from './atlas-server';

/**
 * Publishing on a real Atlas server, seen from two browsers: a publisher who signs in and publishes, and a viewer
 * (and a slide on another site embedding the overview chart) who only read. The server is this spec's own, with an
 * empty data directory.
 */
const fixtures = path.resolve(import.meta.dirname, '../fixtures/upload');
const older = path.join(fixtures, 'gartner-releases-to-2025-07.csv');
const newer = path.join(fixtures, 'gartner-release-2026-02.csv');
const slow = { timeout: 60_000 };
const server = new AtlasServer(Number(process.env.ATLAS_E2E_PORT ?? 4173) + 20);
// The presenter's slide: a page on another origin (a second local server: Chromium will not let a mocked, "public"
// page frame localhost).
let slides: Server;
let slideUrl = '';

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
	await server.start();
	const body = `<!doctype html><title>Deck</title>${embedCode(server.url, '/embed/segment-bars', 'Spending by segment')}`;
	slides = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(body));
	await new Promise<void>((resolve) => slides.listen(0, '127.0.0.1', resolve));
	slideUrl = `http://127.0.0.1:${(slides.address() as AddressInfo).port}/deck.html`;
});
test.afterAll(async () => {
	await server.stop();
	server.remove();
	await new Promise<void>((resolve) => slides.close(() => resolve()));
});

const panel = (page: Page) => page.locator('[data-upload-panel]');

async function publisherPage(browser: Browser): Promise<Page> {
	const page = await (await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' })).newPage();
	await page.goto('/data#upload');
	const form = panel(page).locator('[data-sign-in]');
	await form.getByLabel('Name').fill(PUBLISHER.name);
	await form.getByLabel('Password').fill(PUBLISHER.password);
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(panel(page).locator('[data-signed-in]')).toContainText(`Signed in as ${PUBLISHER.name}`);
	await expect(panel(page)).toHaveAttribute('data-engine-ready', 'true', slow);
	return page;
}

async function publish(page: Page, file: string, mode: 'replace' | 'append') {
	await panel(page).locator('[data-upload-dataset]').selectOption('it_spending');
	await panel(page).getByLabel(mode === 'replace' ? 'replace the dataset' : 'are added to it').check();
	await panel(page).locator('[data-upload-input]').setInputFiles(file);
	await expect(panel(page).locator('[data-upload-preview]')).toBeVisible(slow);
	await confirmRemovalIfAsked(panel(page));
	await panel(page).locator('[data-publish]').click();
	await expect(panel(page).locator('[data-upload-message]')).toContainText(`Published ${path.basename(file)}`, slow);
}

/** The overview's worldwide total and its bar chart's source line, once DuckDB has answered on the published data. */
async function overviewFigures(page: Page, expected: { total: string; source: string }) {
	await page.goto('/');
	await expect(page.locator('[data-engine="ready"]')).toBeVisible(slow);
	await expect(page.locator('ul.kpis li').first()).toContainText(expected.total, slow);
	await expect(page.locator('[data-chart="segment-bars"] figcaption')).toContainText(expected.source);
	await expect(page.locator('figure[aria-busy="true"]')).toHaveCount(0, slow);
}

test('a publisher’s release reaches a viewer and an embed on another site after a navigation, and rollback returns the earlier figures', async ({ browser }) => {
	test.setTimeout(240_000);
	const publisher = await publisherPage(browser);
	// The state before the newer release: Gartner's releases up to July 2025.
	await publish(publisher, older, 'replace');

	const viewer = await (await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' })).newPage();
	const julyState = { total: 'Worldwide IT spending 2025', source: `published by ${PUBLISHER.name}` };
	await overviewFigures(viewer, julyState);
	await expect(viewer.locator('[data-chart="segment-bars"] figcaption')).toContainText('gartner-releases-to-2025-07.csv');
	const julyTotal = (await viewer.locator('ul.kpis li').first().innerText()).replace(/\s+/g, ' ');
	// The viewer has no session, so no way to publish: the panel offers to sign in.
	await viewer.goto('/data#upload');
	await expect(panel(viewer).locator('[data-sign-in]')).toBeVisible();
	await expect(panel(viewer).locator('[data-publish]')).toHaveCount(0);
	// The catalogue card says which version the charts read, and that its facts are the shipped data's.
	await expect(viewer.locator('[data-dataset="it_spending"] [data-card-version]')).toContainText(`published by ${PUBLISHER.name}`);
	await expect(viewer.locator('[data-dataset="it_spending"] [data-card-version]')).toContainText('300 rows');

	// A slide on another site embeds the overview's bar chart.
	const slide = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
	await slide.goto(slideUrl);
	const embed = slide.frameLocator('iframe');
	await expect(embed.locator('[data-chart="segment-bars"] figcaption')).toContainText('gartner-releases-to-2025-07.csv', slow);

	// The newer release: February 2026.
	await publisher.goto('/data#upload');
	await expect(panel(publisher)).toHaveAttribute('data-engine-ready', 'true', slow);
	await publish(publisher, newer, 'append');
	await expect(panel(publisher).locator('[data-published-history] tbody tr')).toHaveCount(3);

	const februaryState = { total: 'Worldwide IT spending 2026', source: 'gartner-release-2026-02.csv' };
	await overviewFigures(viewer, februaryState);
	await expect(viewer.locator('[data-kpi="Worldwide IT spending 2026"]')).toContainText('$6,155.493B');
	await slide.reload();
	await expect(embed.locator('[data-chart="segment-bars"] figcaption')).toContainText('gartner-release-2026-02.csv', slow);
	await expect(embed.locator('[data-chart="segment-bars"] figcaption')).toContainText(`published by ${PUBLISHER.name}`);

	// Rollback: the publisher republishes the July state; the viewer's next navigation shows it again.
	await publisher.locator(`[data-published-version] >> text=gartner-releases-to-2025-07.csv`).locator('xpath=ancestor::tr').locator('[data-republish]').click();
	await expect(panel(publisher).locator('[data-published-message]')).toContainText('Republished');
	await overviewFigures(viewer, julyState);
	expect((await viewer.locator('ul.kpis li').first().innerText()).replace(/\s+/g, ' ')).toBe(julyTotal);
	await slide.reload();
	await expect(embed.locator('[data-chart="segment-bars"] figcaption')).toContainText('gartner-releases-to-2025-07.csv', slow);

	// The file of any version downloads as it was uploaded.
	const row = panel(publisher).locator('[data-published-version]').filter({ hasText: 'gartner-release-2026-02.csv' });
	const download = publisher.waitForEvent('download');
	await row.getByRole('link', { name: /Download gartner-release-2026-02.csv/ }).click();
	expect((await download).suggestedFilename()).toBe('gartner-release-2026-02.csv');
});

test('an open tab picks up a new publication within a minute, without a reload', async ({ browser }) => {
	test.setTimeout(180_000);
	const viewer = await (await browser.newContext({ baseURL: server.url, serviceWorkers: 'block' })).newPage();
	await overviewFigures(viewer, { total: 'Worldwide IT spending 2025', source: 'gartner-releases-to-2025-07.csv' });
	const publisher = await publisherPage(browser);
	await publish(publisher, newer, 'append');
	// No navigation in the viewer's tab: the poll (every 30 s) finds the new version and the charts re-query.
	await expect(viewer.locator('[data-chart="segment-bars"] figcaption')).toContainText('gartner-release-2026-02.csv', { timeout: 60_000 });
});

test('a publish based on an older version gets a conflict, and nothing changes', async ({ browser }) => {
	test.setTimeout(180_000);
	const versionCount = async () => (await (await fetch(`${server.url}/api/datasets/it_spending/versions`)).json()).versions.length;
	const before = await versionCount();
	const first = await publisherPage(browser);
	const second = await publisherPage(browser);
	// Both check the same file against the version published now.
	for (const page of [first, second]) {
		await panel(page).locator('[data-upload-dataset]').selectOption('it_spending');
		await panel(page).getByLabel('replace the dataset').check();
		await panel(page).locator('[data-upload-input]').setInputFiles(older);
		await expect(panel(page).locator('[data-upload-preview]')).toBeVisible(slow);
		await confirmRemovalIfAsked(panel(page));
	}
	await panel(first).locator('[data-publish]').click();
	await expect(panel(first).locator('[data-upload-message]')).toContainText('Published', slow);
	await panel(second).locator('[data-publish]').click();
	await expect(panel(second).getByRole('alert')).toContainText('Not published, nothing was changed', slow);
	await expect(panel(second).getByRole('alert')).toContainText(`published by ${PUBLISHER.name}`);
	// The first publish made one version; the second made none.
	expect(await versionCount()).toBe(before + 1);
});

test('a publish after the session ended elsewhere is refused; the sign-in form comes back and the checked file stays', async ({ browser }) => {
	test.setTimeout(180_000);
	const page = await publisherPage(browser);
	await panel(page).locator('[data-upload-dataset]').selectOption('it_spending');
	await panel(page).getByLabel('are added to it').check();
	await panel(page).locator('[data-upload-input]').setInputFiles(newer);
	await expect(panel(page).locator('[data-upload-preview]')).toBeVisible(slow);
	// Signed out in another tab of the same browser.
	const other = await page.context().newPage();
	await other.goto('/data#upload');
	await other.locator('[data-signed-in]').getByRole('button', { name: 'Sign out' }).click();
	await expect(other.locator('[data-sign-in]')).toBeVisible();
	const before = await (await fetch(`${server.url}/api/published`)).json();
	await panel(page).locator('[data-publish]').click();
	await expect(panel(page).getByRole('alert').first()).toContainText('Not published, nothing was changed: Sign in as a publisher first');
	await expect(panel(page).locator('[data-sign-in]')).toBeVisible();
	await expect(panel(page).locator('[data-upload-preview]')).toBeVisible();
	expect(await (await fetch(`${server.url}/api/published`)).json()).toEqual(before);
});

test('where no Atlas server answers (a static host), the panel says publishing needs one and drafts still work', async ({ page }) => {
	await page.route('**/api/**', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' }));
	await page.goto(`${server.url}/data#upload`);
	await expect(panel(page).locator('[data-no-server]')).toContainText('Publishing to everyone needs the Atlas server');
	await expect(panel(page).locator('[data-sign-in]')).toHaveCount(0);
});
