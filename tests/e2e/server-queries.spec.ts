import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FEED_SOURCE, writePostingsFeed } from '../../bench/generate-postings-feed';
import { expect, test, type Page } from './fixtures';
import { AtlasServer, PUBLISHER } from './atlas-server';

/**
 * A dataset placed on the Atlas server is queried there with the views' own SQL: /industries, an embed of its chart
 * and the SQL console show the same figures as the same data queried in the browser (the suite's own server, where
 * nothing is placed), and the page never downloads the dataset.
 */
const server = new AtlasServer(Number(process.env.ATLAS_E2E_PORT ?? 4173) + 21);
const slow = { timeout: 60_000 };

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
	await server.start();
	const { cookie, csrf } = await server.signIn();
	const answer = await fetch(`${server.url}/api/datasets/job_postings/placement`, {
		method: 'PUT',
		headers: { cookie, 'x-atlas-csrf': csrf, origin: server.url, 'content-type': 'application/json' },
		body: JSON.stringify({ placement: 'server' })
	});
	expect(answer.status).toBe(200);
});
test.afterAll(async () => {
	await server.stop();
	server.remove();
});

/** The upload panel on /data with the publisher signed in. */
async function signedInPanel(page: Page) {
	await page.goto(`${server.url}/data#upload`);
	const panel = page.locator('[data-upload-panel]');
	const form = panel.locator('[data-sign-in]');
	await form.getByLabel('Name').fill(PUBLISHER.name);
	await form.getByLabel('Password').fill(PUBLISHER.password);
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(panel.locator('[data-signed-in]')).toBeVisible();
	return panel;
}

/** Every text a chart draws (its axis ticks, labels and values), once its live query has answered. */
const chartText = (page: Page, id: string) => page.locator(`[data-chart="${id}"] svg`).first().evaluate((svg) => Array.from(svg.querySelectorAll('text'), (t) => t.textContent).join('|'));

/** Opens `path` on the server with job_postings placed there; resolves when the view has been re-queried there. */
async function onServer(page: Page, path: string) {
	const downloads: string[] = [];
	page.on('request', (request) => request.url().includes('/datasets/job_postings') && downloads.push(request.url()));
	const queried = page.waitForResponse((r) => r.url().endsWith('/api/query') && r.status() === 200, slow);
	await page.goto(`${server.url}${path}`);
	await queried;
	return downloads;
}

test('/industries: the same figures from the server, said in each source line, no download of the dataset', async ({ page, browser }) => {
	const inBrowser = await (await browser.newContext()).newPage();
	await inBrowser.goto('/industries');
	await expect(inBrowser.locator('[data-chart="postings-industry"] svg text').first()).toBeVisible();
	const downloads = await onServer(page, '/industries');
	for (const id of ['postings-industry', 'postings-occupation', 'postings-time']) {
		await expect(page.locator(`[data-chart="${id}"] figcaption`)).toContainText('computed on the Atlas server', slow);
		await expect(page.locator(`[data-chart="${id}"][aria-busy="true"]`)).toHaveCount(0);
		expect(await chartText(page, id), id).toBe(await chartText(inBrowser, id));
	}
	// CompTIA's year-to-date postings by industry, 2025-01..2025-10 (data/tech_job_postings.csv).
	expect(await chartText(page, 'postings-industry')).toContain('626,740');
	await expect(inBrowser.locator('[data-chart="postings-industry"] figcaption')).not.toContainText('computed on the Atlas server');

	// A click on an occupation asks the server for its months, with the occupation bound as a parameter.
	const asked = page.waitForRequest((r) => r.url().endsWith('/api/query') && r.postData()!.includes('Software developers and engineers'), slow);
	for (const p of [page, inBrowser]) await p.locator('[data-chart="postings-occupation"] a[data-key="occupation: Software developers and engineers"]').click();
	expect(JSON.parse((await asked).postData()!).params).toEqual(['occupation: Software developers and engineers']);
	for (const p of [page, inBrowser]) {
		await expect(p.locator('[data-chart="postings-time"] [data-series="picked:CompTIA (Lightcast job-posting data / BLS)"]')).toBeVisible(slow);
		await expect(p.locator('[data-chart="postings-time"]')).toContainText('new postings for Software developers and engineers (one month published, 2025-08)');
	}
	expect(await chartText(page, 'postings-time')).toBe(await chartText(inBrowser, 'postings-time'));
	expect(downloads).toEqual([]);
});

test('an embed of the industry chart: the same figures, and the source line says where they were computed', async ({ page, browser }) => {
	const inBrowser = await (await browser.newContext()).newPage();
	await inBrowser.goto('/embed/postings-industry');
	await expect(inBrowser.locator('[data-chart="postings-industry"] svg text').first()).toBeVisible();
	await onServer(page, '/embed/postings-industry');
	await expect(page.locator('[data-chart="postings-industry"] figcaption')).toContainText('computed on the Atlas server', slow);
	expect(await chartText(page, 'postings-industry')).toBe(await chartText(inBrowser, 'postings-industry'));
});

test('the SQL console answers a query of the dataset from the server with the same rows; a write is still refused', async ({ page, browser }) => {
	const sql = "SELECT dimension, value FROM job_postings WHERE metric = 'job_postings_tech_ytd' ORDER BY value DESC LIMIT 3";
	const rows = async (p: Page) => {
		await expect(p.locator('[data-engine="ready"]')).toBeVisible(slow);
		await p.locator('.cm-content').click();
		await p.keyboard.press('ControlOrMeta+a');
		await p.keyboard.press('Delete');
		await p.keyboard.insertText(sql);
		await p.keyboard.press('ControlOrMeta+Enter');
		await expect(p.locator('[data-status]')).toContainText('3 rows in', slow);
		return p.locator('.result-table tbody tr[data-row]').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim())));
	};
	const inBrowser = await (await browser.newContext()).newPage();
	await inBrowser.goto('/explore');
	const expected = await rows(inBrowser);
	expect(expected[0]).toEqual(['industry (NAICS): 54 Professional, Scientific, and Technical Services', '626,740']);
	await page.goto(`${server.url}/explore`);
	const posted = page.waitForRequest((r) => r.url().endsWith('/api/query'), slow);
	expect(await rows(page)).toEqual(expected);
	expect(JSON.parse((await posted).postData()!).sql).toBe(sql);

	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText('DELETE FROM job_postings');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.locator('[data-query-error]')).toContainText('refused');
});

test('a file for the dataset on the server: checked here on a sample, on the server whole; a bad row past the sample is refused there', async ({ page, browser }) => {
	test.setTimeout(120_000);
	// GENERATED (bench/generate-postings-feed.ts, 60 areas): 183,600 rows, ~25 MB, past the 16 MB sample.
	const dir = mkdtempSync(path.join(tmpdir(), 'atlas-feed-'));
	const good = path.join(dir, 'generated-feed.csv');
	const bad = path.join(dir, 'generated-feed-bad-last-row.csv');
	expect(await writePostingsFeed(good, { areas: 60 })).toBe(183_600);
	copyFileSync(good, bad);
	appendFileSync(bad, `"${FEED_SOURCE}",new_job_postings_tech,2025-12,A99999,occupation: Generated 1,lots,postings,GENERATED (TEST),,,GENERATED\n`);

	const panel = await signedInPanel(page);
	await panel.locator('[data-upload-dataset]').selectOption('job_postings');
	await panel.getByLabel('are added to it').check();

	await panel.locator('[data-upload-input]').setInputFiles(bad);
	await expect(panel.locator('[data-sample]')).toContainText('Checked here: the first', slow);
	await expect(panel.locator('[data-sample]')).toContainText('16.0 MB of');
	await expect(panel.locator('[data-commit]')).toHaveCount(0);
	await panel.locator('[data-publish]').click();
	await expect(panel.locator('.failure')).toContainText('Not published, nothing was changed', slow);
	await expect(panel.locator('[data-sample]')).toHaveCount(0);
	// The server's own report of every row: 183,601 data rows, the last one's value refused, by line and column.
	await expect(panel.locator('[data-upload-report]')).toContainText('183,601 data rows');
	await expect(panel.locator('[data-upload-report] tr', { hasText: 'lots' })).toContainText(/183602\s*value\s*lots\s*not a number/);

	await panel.locator('[data-upload-input]').setInputFiles(good);
	await expect(panel.locator('[data-sample]')).toContainText('Checked here: the first', slow);
	await panel.locator('[data-publish]').click();
	// The shipped 129 rows and the feed's 183,600.
	await expect(panel.locator('[data-upload-message]')).toContainText('Published generated-feed.csv: 183,729 rows', slow);
	rmSync(dir, { recursive: true, force: true });

	const viewer = await (await browser.newContext()).newPage();
	await onServer(viewer, '/industries');
	await expect(viewer.locator('[data-chart="postings-occupation"] a[data-key^="occupation: Generated"]').first()).toBeVisible(slow);
	await expect(viewer.locator('[data-chart="postings-occupation"] figcaption')).toContainText('computed on the Atlas server');
});

test('a publisher moves the dataset back to the browsers from /data; viewers see where it is queried', async ({ page, browser }) => {
	const viewer = await (await browser.newContext()).newPage();
	await viewer.goto(`${server.url}/data#job_postings`);
	await expect(viewer.locator('#job_postings [data-card-placement]')).toContainText('Queried on the Atlas server (set by e2e-publisher on', slow);

	const panel = await signedInPanel(page);
	await panel.locator('[data-upload-dataset]').selectOption('job_postings');
	const placement = panel.locator('form[data-placement]');
	await expect(placement).toContainText('Queried on this server (set by e2e-publisher on', slow);
	await expect(placement.locator('[data-placement-choice]')).toHaveValue('server');
	await placement.locator('[data-placement-choice]').selectOption('auto');
	await placement.getByRole('button', { name: 'Save' }).click();
	await expect(placement).toHaveAttribute('data-placement', 'browser');
	await expect(placement).toContainText('Queried in each browser (small enough for the browser)');
	await expect(panel.locator('[data-audit]')).toContainText('e2e-publisher · placement · job_postings · queried where its size says');

	// A viewer's page is back to the browser: with the shipped data unchanged its first paint is already the answer,
	// and nothing is asked of the server.
	const fresh = await (await browser.newContext()).newPage();
	const asked: string[] = [];
	fresh.on('request', (r) => r.url().endsWith('/api/query') && asked.push(r.url()));
	const published = fresh.waitForResponse((r) => r.url().endsWith('/api/published'), slow);
	await fresh.goto(`${server.url}/industries`);
	expect((await (await published).json()).placements.job_postings.placement).toBe('browser');
	await fresh.waitForLoadState('networkidle');
	await expect(fresh.locator('[data-chart="postings-industry"] figcaption')).not.toContainText('computed on the Atlas server');
	expect(asked).toEqual([]);
});
