import { expect, test, type Page } from './fixtures';
import { confirmRemovalIfAsked } from './upload-helpers';
import path from 'node:path';

const older = path.resolve(import.meta.dirname, '../fixtures/upload/gartner-releases-to-2025-07.csv');
// DuckDB-WASM starts on every page; slower while the other test worker compiles its own engine.
const slow = { timeout: 60_000 };

const notice = (page: Page) => page.locator('[data-version-problem="it_spending"]');
const message = (reason: string) => `Your uploaded version of it_spending could not be read (${reason}); showing the shipped data.`;

/** Runs `body` (the source of an async function of `db` and `ask`) against this origin's IndexedDB, as the app opens it. */
const inStorage = <T>(page: Page, body: string, arg?: unknown) =>
	page.evaluate(
		async ([body, arg]) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const r = indexedDB.open('it-market-atlas', 1);
				r.onupgradeneeded = () => (r.result.createObjectStore('files'), r.result.createObjectStore('manifests', { keyPath: 'dataset' }));
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
			const ask = (store: string, method: string, ...args: unknown[]) =>
				new Promise((resolve, reject) => {
					const r = (db.transaction(store, 'readwrite').objectStore(store) as unknown as Record<string, (...a: unknown[]) => IDBRequest>)[method](...args);
					r.onsuccess = () => resolve(r.result);
					r.onerror = () => reject(r.error);
				});
			try {
				return await new Function('db', 'ask', 'arg', `return (${body})(db, ask, arg)`)(db, ask, arg);
			} finally {
				db.close();
			}
		},
		[body, arg] as const
	) as Promise<T>;

const putManifest = (page: Page, record: unknown) => inStorage(page, `async (db, ask, record) => ask('manifests', 'put', record)`, record);
const storedManifest = (page: Page) => inStorage(page, `async (db, ask) => ask('manifests', 'get', 'it_spending')`);

/** The overview once DuckDB has drawn it: the worldwide total tile and the segment chart's source line. */
async function overview(page: Page) {
	await page.goto('/');
	await expect(page.locator('[data-engine="ready"]')).toBeVisible(slow);
	await expect(page.locator('figure[aria-busy="true"]')).toHaveCount(0, slow);
	return {
		total: (await page.locator('ul.kpis li').first().innerText()).replace(/\s+/g, ' '),
		source: (await page.locator('[data-chart="segment-bars"] figcaption').innerText()).replace(/\s+/g, ' ')
	};
}

/** Every page that uses it_spending shows the shipped data and says why; /data renders every card. */
async function expectFallback(page: Page, reason: string) {
	await page.goto('/data');
	await expect(notice(page)).toContainText(message(reason), slow);
	await expect(page.locator('section.dataset')).toHaveCount(await page.locator('.toc li').count());
	await expect(page.locator('[data-version-problem]')).toHaveCount(1);
	await expect(page.locator('[data-upload-panel] [data-reset]')).toBeVisible();

	const shown = await overview(page);
	expect(shown.total).toContain('$6.16T');
	expect(shown.source).toContain('Source: Gartner');
	await expect(notice(page)).toContainText(message(reason));
	await expect(page.locator('[data-chart="segment-bars"] .bar').first()).toBeVisible();

	await page.goto('/explore?q=' + encodeURIComponent('SELECT 1 AS one'));
	await expect(page.locator('[data-engine="ready"]')).toBeVisible(slow);
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.locator('[data-status]')).toContainText('1 rows in', slow);
	await expect(page.locator('[data-engine="ready"]')).toBeVisible(slow);
	await expect(notice(page)).toContainText(message(reason));
}

/** Reset from the dataset's card; after a reload nothing is said and the shipped data is shown. */
async function resetAndReload(page: Page) {
	await page.goto('/data');
	await notice(page).getByRole('button', { name: 'Reset it_spending to the shipped data' }).click();
	await expect(notice(page)).toHaveCount(0);
	await page.reload();
	await expect(page.locator('[data-upload-panel] [data-current-version]')).toHaveText('the shipped data');
	await expect(page.locator('section.dataset[data-dataset="it_spending"]')).toBeVisible();
	const shown = await overview(page);
	expect(shown.total).toContain('$6.16T');
	expect(shown.source).toContain('Source: Gartner');
	await expect(page.locator('[data-version-problem]')).toHaveCount(0);
	await page.goto('/data');
	await expect(page.locator('[data-upload-panel]')).toHaveAttribute('data-engine-ready', 'true', slow);
	await expect(page.locator('[data-version-problem]')).toHaveCount(0);
}

async function uploadOlder(page: Page) {
	await page.goto('/data');
	const panel = page.locator('[data-upload-panel]');
	// Hydrated, with the engine started: a file chosen before that would not be seen (issue 15 makes controls work earlier).
	await expect(panel).toHaveAttribute('data-engine-ready', 'true', slow);
	// Releases up to July 2025 instead of the shipped ones (keyed data is appended to by default).
	await panel.getByLabel('replace the dataset').check();
	await panel.locator('[data-upload-input]').setInputFiles(older);
	await expect(page.locator('[data-upload-report] [data-upload-preview]')).toBeVisible(slow);
	await confirmRemovalIfAsked(panel);
	await panel.locator('[data-commit]').click();
	await expect(panel.locator('[data-upload-message]')).toContainText('Committed gartner-releases-to-2025-07.csv', slow);
}

const damaged = [
	{ name: 'versions: null', versions: null, reason: 'its list of versions is null' },
	{ name: 'versions: a string', versions: 'garbage', reason: 'its list of versions is the string “garbage”' },
	{ name: 'an incomplete current version', versions: [{ id: 'v1' }], reason: 'its current version “v1” is not a complete version; version 1 (“v1”) has no fileName' }
];

test.describe('damaged stored state', () => {
	for (const { name, versions, reason } of damaged) {
		test(`a manifest with ${name} leaves it_spending on the shipped data, says so, and Reset repairs it`, async ({ page }) => {
			test.setTimeout(180_000);
			await page.goto('/data');
			await putManifest(page, { dataset: 'it_spending', current: 'v1', versions });
			await expectFallback(page, reason);
			await resetAndReload(page);
			expect(await storedManifest(page)).toEqual({ dataset: 'it_spending', current: null, versions: [] });
		});
	}

	test('a current version whose stored file was deleted falls back to the shipped data; Reset drops it', async ({ page }) => {
		test.setTimeout(240_000);
		await uploadOlder(page);
		await inStorage(page, `async (db, ask) => { const m = await ask('manifests', 'get', 'it_spending'); return ask('files', 'delete', m.versions[0].parts[0].file); }`);
		await expectFallback(page, "gartner-releases-to-2025-07.csv is missing from this browser's storage");
		await resetAndReload(page);
		expect(await storedManifest(page)).toEqual({ dataset: 'it_spending', current: null, versions: [] });
	});

	test('a current version whose stored file no longer reads falls back to the shipped data; Reset keeps it in the history', async ({ page }) => {
		test.setTimeout(240_000);
		await uploadOlder(page);
		await inStorage(page, `async (db, ask) => { const m = await ask('manifests', 'get', 'it_spending'); return ask('files', 'put', new Blob(['<b>not</b> a csv\\n']), m.versions[0].parts[0].file); }`);
		await expectFallback(page, 'gartner-releases-to-2025-07.csv reads as 0 rows; it had 300 when committed');
		await resetAndReload(page);
		await expect(page.locator('[data-upload-panel] [data-drafts] tbody tr')).toHaveCount(2);
	});
});
