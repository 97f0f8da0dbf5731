import { CPU_THROTTLE, expect, test, throttle, type Page } from './fixtures';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { generatedSalaryCsv } from '../../bench/generate-salaries';
import { badFiles } from '../fixtures/upload/bad-files';
import { confirmRemovalIfAsked } from './upload-helpers';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/upload');
const older = path.join(fixtures, 'gartner-releases-to-2025-07.csv');
const newer = path.join(fixtures, 'gartner-release-2026-02.csv');
// Reading and checking runs DuckDB-WASM, slower while the other test worker compiles its own engine.
const slow = { timeout: 60_000 };

const panel = (page: Page) => page.locator('[data-upload-panel]');
const report = (page: Page) => page.locator('[data-upload-report]');

async function chooseDataset(page: Page, dataset: string, mode: 'replace' | 'append' = 'replace') {
	await panel(page).locator('[data-upload-dataset]').selectOption(dataset);
	await panel(page).getByLabel(mode === 'replace' ? 'replace the dataset' : 'are added to it').check();
}

async function uploadAndCommit(page: Page, file: string, mode: 'replace' | 'append' = 'replace') {
	await chooseDataset(page, 'it_spending', mode);
	await panel(page).locator('[data-upload-input]').setInputFiles(file);
	await expect(report(page).locator('[data-upload-preview]')).toBeVisible(slow);
	await confirmRemovalIfAsked(panel(page));
	await panel(page).locator('[data-commit]').click();
	await expect(panel(page).locator('[data-upload-message]')).toContainText(`Committed ${path.basename(file)}`, slow);
}

/** The overview's worldwide total tile and the source line of its bar chart, once DuckDB has answered. */
async function overview(page: Page) {
	await page.goto('/');
	await expect(page.locator('figure[aria-busy="true"]')).toHaveCount(0, slow);
	await expect(page.locator('[data-engine="ready"]')).toBeVisible(slow);
	await expect(page.locator('figure[aria-busy="true"]')).toHaveCount(0, slow);
	return {
		total: (await page.locator('ul.kpis li').first().innerText()).replace(/\s+/g, ' '),
		source: (await page.locator('[data-chart="segment-bars"] figcaption').innerText()).replace(/\s+/g, ' ')
	};
}

/**
 * The current manifest of it_spending, the SHA-256 of each stored file its current version reads, and how many files
 * are stored in all, read from IndexedDB.
 */
const storedState = (page: Page) =>
	page.evaluate(`(async () => {
		const db = await new Promise((resolve, reject) => { const r = indexedDB.open('it-market-atlas'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
		const ask = (store, method, key) => new Promise((resolve, reject) => { const r = db.transaction(store).objectStore(store)[method](key); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
		const manifest = await ask('manifests', 'get', 'it_spending');
		const version = manifest.versions.find((v) => v.id === manifest.current);
		const sha256 = [];
		for (const part of version.parts) {
			const digest = await crypto.subtle.digest('SHA-256', await (await ask('files', 'get', part.file)).arrayBuffer());
			sha256.push(Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join(''));
		}
		const files = await ask('files', 'count');
		db.close();
		return { manifest: JSON.stringify(manifest), sha256, files };
	})()`) as Promise<{ manifest: string; sha256: string[]; files: number }>;

test.describe('/data upload', () => {
	test('a newer Gartner release changes the overview and survives a reload; rollback and reset restore the figures', async ({ page }) => {
		test.setTimeout(240_000);
		const shipped = await overview(page);
		expect(shipped.total).toContain('$6.16T');
		expect(shipped.source).toContain('Source: Gartner');

		// Uploaded from a copy that is deleted once committed: the version must not depend on the analyst's file.
		const copy = path.join(mkdtempSync(path.join(tmpdir(), 'atlas-upload-')), path.basename(older));
		copyFileSync(older, copy);
		await page.goto('/data');
		await uploadAndCommit(page, copy);
		rmSync(copy);
		// The version keeps the file byte for byte: it downloads as uploaded.
		const original = page.waitForEvent('download');
		await panel(page).getByRole('button', { name: 'Download gartner-releases-to-2025-07.csv as uploaded' }).click();
		expect(readFileSync(await (await original).path()).equals(readFileSync(older))).toBe(true);
		const july = await overview(page);
		expect(july.total).toContain('Worldwide IT spending 2025 $5.44T');
		expect(july.source).toContain('uploaded gartner-releases-to-2025-07.csv on');
		// Charts with no selection of their own follow the upload too: /spending's years end with the July 2025 release.
		await page.goto('/spending');
		await expect(page.locator('[data-chart="segments-years"] h2')).toHaveText('IT spending by segment, 2019–2025', slow);
		await expect(page.locator('[data-chart="growth-heatmap"] .cell[data-row="Devices"][data-column="2025"]')).toContainText('+5.4%');

		await page.goto('/data');
		await uploadAndCommit(page, newer, 'append');
		const february = await overview(page);
		expect(february.total).toContain('Worldwide IT spending 2026 $6.16T');
		expect(february.source).toContain('uploaded gartner-release-2026-02.csv on');

		await page.reload();
		const reloaded = await overview(page);
		expect(reloaded).toEqual(february);

		await page.goto('/data');
		const history = panel(page).locator('[data-drafts] tbody tr');
		await expect(history).toHaveCount(3);
		await history.filter({ hasText: 'gartner-releases-to-2025-07.csv' }).getByRole('button', { name: 'Make current' }).click();
		await expect(panel(page).locator('[data-current-version]')).toContainText('gartner-releases-to-2025-07.csv');
		expect((await overview(page)).total).toContain('$5.44T');

		await page.goto('/data');
		await panel(page).locator('[data-reset]').click();
		await expect(panel(page).locator('[data-current-version]')).toHaveText('the shipped data');
		expect(await overview(page)).toEqual(shipped);
	});

	test('every malformed file gets its specific error and leaves the stored version byte-identical', async ({ page }) => {
		test.setTimeout(300_000);
		await page.goto('/data');
		await uploadAndCommit(page, older);
		const before = await storedState(page);
		for (const bad of badFiles) {
			await chooseDataset(page, bad.dataset, bad.mode);
			await panel(page).locator('[data-upload-input]').setInputFiles(path.join(fixtures, 'bad', bad.file));
			if (bad.problem) {
				const problem = report(page).locator(`[data-problem="${bad.problem}"]`);
				await expect(problem, bad.file).toContainText(bad.says, slow);
			} else {
				await expect(report(page).locator(`[data-kind="${bad.error}"]`), bad.file).toBeVisible(slow);
				await expect(report(page).locator('[data-errors] tbody tr', { hasText: bad.says }).first(), bad.file).toContainText(String(bad.line));
			}
			await expect(panel(page).locator('[data-commit]')).toHaveCount(0);
		}
		// The copies of the refused files are gone too: only the committed file is stored.
		await expect.poll(() => storedState(page)).toEqual(before);
		expect(before.files).toBe(1);
		expect((await overview(page)).source).toContain('uploaded gartner-releases-to-2025-07.csv');
	});

	test('a zero byte far past the first 64 KB still refuses the file as binary (the scan runs in a worker)', async ({ page }) => {
		await page.goto('/data');
		await expect(panel(page)).toHaveAttribute('data-engine-ready', 'true', slow);
		await chooseDataset(page, 'it_spending');
		// Real rows repeated past 64 KB (made for this test), with one zero byte at byte 150,001.
		const [header, ...rows] = readFileSync(older, 'utf8').trimEnd().split('\n');
		let text = `${header}\n`;
		while (text.length < 200_000) text += `${rows.join('\n')}\n`;
		const bytes = Buffer.from(text, 'utf8');
		bytes[150_000] = 0;
		await panel(page).locator('[data-upload-input]').setInputFiles({ name: 'zero-byte-late.csv', mimeType: 'text/csv', buffer: bytes });
		await expect(report(page).locator('[data-problem="binary"]')).toContainText('a zero byte at position 150,001', slow);
		await expect(panel(page).locator('[data-commit]')).toHaveCount(0);
	});

	test('a reload in the middle of an upload leaves the previous version intact', async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto('/data');
		await uploadAndCommit(page, older);
		const before = await storedState(page);
		await chooseDataset(page, 'salary_survey');
		// GENERATED test data: 300,000 survey-shaped rows, big enough to still be in progress when the page reloads.
		const buffer = Buffer.from(generatedSalaryCsv(300_000));
		await panel(page).locator('[data-upload-input]').setInputFiles({ name: 'generated-salaries-300k.csv', mimeType: 'text/csv', buffer });
		await expect(panel(page).locator('[data-stage]')).toBeVisible();
		await page.reload();
		// The half-checked file's copy may stay behind, in no version, until the next visit a day later sweeps it.
		expect(await storedState(page)).toMatchObject({ manifest: before.manifest, sha256: before.sha256 });
		await expect(panel(page).locator('[data-current-version]')).toContainText('gartner-releases-to-2025-07.csv');
		await chooseDataset(page, 'salary_survey');
		await expect(panel(page).locator('[data-current-version]')).toHaveText('the shipped data');
	});

	test('a replace that removes most rows is said in red and needs a second yes; append is the default for keyed data', async ({ page }) => {
		await page.goto('/data');
		await expect(panel(page)).toHaveAttribute('data-engine-ready', 'true', slow);
		await panel(page).locator('[data-upload-dataset]').selectOption('it_spending');
		await expect(panel(page).getByLabel('are added to it')).toBeChecked();
		await panel(page).getByLabel('replace the dataset').check();
		await panel(page).locator('[data-upload-input]').setInputFiles(newer);
		await expect(report(page).locator('[data-upload-preview]')).toBeVisible(slow);
		const removal = panel(page).locator('[data-removal]');
		await expect(removal).toContainText(/This replace removes 3\d\d of 327 rows \(9\d%\) and every row of 24 releases 2020-01, 2020-05, .*2026-04\./);
		await expect(panel(page).locator('[data-commit]')).toBeDisabled();
		await panel(page).locator('[data-confirm-removal]').check();
		await panel(page).locator('[data-commit]').click();
		await expect(panel(page).locator('[data-upload-message]')).toContainText('Committed gartner-release-2026-02.csv', slow);

		// The older releases added to it: nothing is removed, nothing asks twice.
		await panel(page).getByLabel('are added to it').check();
		await panel(page).locator('[data-upload-input]').setInputFiles(older);
		await expect(report(page).locator('[data-upload-preview]')).toBeVisible(slow);
		await expect(report(page).locator('[data-diff="removed"]')).toContainText('0 rows removed');
		await expect(panel(page).locator('[data-removal]')).toHaveCount(0);
		await expect(panel(page).locator('[data-commit]')).toBeEnabled();
	});

	test('a semicolon export with decimal commas (Excel in most of Europe) uploads with no errors, the commas detected', async ({ page }) => {
		await page.goto('/data');
		await expect(panel(page)).toHaveAttribute('data-engine-ready', 'true', slow);
		await chooseDataset(page, 'it_spending', 'replace');
		await panel(page).locator('[data-upload-input]').setInputFiles(path.join(fixtures, 'european-semicolon-decimal-comma.csv'));
		await expect(report(page).locator('[data-upload-preview]')).toBeVisible(slow);
		await expect(panel(page).locator('[data-chosen-file]')).toContainText('european-semicolon-decimal-comma.csv');
		const decimal = panel(page).locator('[data-decimal-comma]');
		await expect(decimal).toContainText('detected from the file');
		await expect(decimal.getByRole('checkbox')).toBeChecked();
		await expect(report(page).locator('[data-errors]')).toHaveCount(0);
		// Read with points instead, the same cells are errors naming the decimal comma.
		await decimal.getByRole('checkbox').uncheck();
		await expect(report(page).locator('[data-errors]')).toContainText('decimal comma', slow);
		await expect(panel(page).locator('[data-discard]')).toBeVisible();
	});

	test('an upload’s own source and notes reach the source lines; its rows are listed; a new year is previewed and drawn; odd growth is warned about', async ({ page }) => {
		test.setTimeout(120_000);
		// Generated test rows (tests/fixtures/upload/README.md): a made-up release citing example.org, every note "TEST".
		const file = path.join(fixtures, 'test-release-not-real.csv');
		await page.goto('/data');
		await expect(panel(page)).toHaveAttribute('data-engine-ready', 'true', slow);
		await panel(page).locator('[data-upload-dataset]').selectOption('it_spending');
		await panel(page).locator('[data-upload-input]').setInputFiles(file);
		await expect(report(page).locator('[data-upload-preview]')).toBeVisible(slow);
		// Software 2026's growth was changed to 11.2%: a warning naming the line, and the file can still be committed.
		await expect(report(page).locator('.warning').nth(1)).toHaveText('Line 7: Software 2026 (release 2026-11): growth 11.2%, but spending 1249.5 → 1433.6 $bn (line 6) implies 14.7%.');
		await expect(panel(page).locator('[data-commit]')).toBeEnabled();
		// The rows behind "18 rows added", filtered to the new year.
		const rows = report(page).locator('[data-diff-rows]');
		await rows.locator('summary').click();
		await expect(rows.locator('tr[data-diff-row="added"]')).toHaveCount(18);
		await rows.locator('[data-diff-filter]').fill('Devices · 2027');
		await expect(rows.locator('tr[data-diff-row]')).toHaveCount(1);
		await expect(rows.locator('tr[data-diff-row]')).toContainText('spend_usd_bn 878.238');
		await rows.locator('[data-diff-kind]').selectOption('removed');
		await expect(rows.locator('tr[data-diff-row]')).toHaveCount(0);
		// The preview chart: every year of the new release, 2027 marked new, no Total bar.
		const bars = report(page).locator('.chart .bar');
		await expect(bars.filter({ hasText: '(new)' })).toHaveCount(5);
		await expect(report(page).locator('.chart .bar[data-key="Devices 2027"]')).toContainText('$878B (new)');
		await expect(report(page).locator('.chart .bar[data-key^="Total"]')).toHaveCount(0);
		await panel(page).locator('[data-commit]').click();
		await expect(panel(page).locator('[data-upload-message]')).toContainText('Committed test-release-not-real.csv', slow);

		const { source } = await overview(page);
		expect(source).toContain('uploaded test-release-not-real.csv on');
		expect(source).toContain('the rows shown cite Atlas upload test page (generated) (Nov 2026 release, published 2026-11-30)');
		expect(source).toContain('their notes: “TEST, not real Gartner data”');
		const bar = page.locator('[data-chart="segment-bars"] .bar[data-key="Software"]');
		await bar.hover();
		await expect(page.locator('[role="tooltip"]')).toContainText('Note: TEST, not real Gartner data');

		// /spending: 2027 gets its own heatmap column with a header, and its source line names the test note among the rows' notes.
		await page.goto('/spending');
		await expect(page.locator('[data-chart="segments-years"] h2')).toHaveText('IT spending by segment, 2019–2027', slow);
		const heatmap = page.locator('[data-chart="growth-heatmap"]');
		await expect(heatmap.locator('.tick', { hasText: '2027' })).toBeVisible();
		const cell = heatmap.locator('.cell[data-row="Devices"][data-column="2027"]');
		await expect(cell).toContainText('+5.0%');
		const label = heatmap.locator('.row-label', { hasText: 'Devices' });
		expect((await cell.boundingBox())!.x).toBeGreaterThan((await label.boundingBox())!.x + (await label.boundingBox())!.width);
		await expect(heatmap.locator('figcaption')).toContainText('“TEST, not real Gartner data”');
	});

	test('switching between replace and append checks the chosen file again', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/data');
		await chooseDataset(page, 'it_spending', 'replace');
		await panel(page).locator('[data-upload-input]').setInputFiles(newer);
		await expect(report(page).locator('[data-diff="removed"]')).toContainText('315 rows removed', slow);
		await panel(page).getByLabel('are added to it').check();
		// The shipped data already has the February 2026 release: appending it again clashes on every key.
		await expect(report(page).locator('[data-kind="duplicate key"]')).toContainText('12 duplicate key', slow);
		await expect(panel(page).locator('[data-commit]')).toHaveCount(0);
	});

	test('a column the automatic mapping misses can be mapped by hand, and the file is checked again', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/data');
		await chooseDataset(page, 'it_spending', 'replace');
		const renamed = readFileSync(newer, 'utf8').replace(/^(.*?)release_date/, '$1Edition');
		await panel(page).locator('[data-upload-input]').setInputFiles({ name: 'release-renamed.csv', mimeType: 'text/csv', buffer: Buffer.from(renamed) });
		await expect(report(page).locator('[data-problem="missing column"]')).toContainText('"release_date"', slow);
		const mapping = report(page).locator('[data-mapping]');
		await expect(mapping).toHaveAttribute('open', '');
		await mapping.getByLabel('File column for release_date').selectOption({ label: 'Edition' });
		await expect(report(page).locator('[data-diff="removed"]')).toContainText('315 rows removed', slow);
		await expect(report(page).locator('[data-problem]')).toHaveCount(0);
		// Once the file passes, the mapping folds away but stays there to check.
		await expect(mapping).not.toHaveAttribute('open', '');
		await mapping.locator('summary').click();
		await expect(mapping.getByLabel('File column for release_date').locator('option:checked')).toHaveText('Edition');
		await expect(panel(page).locator('[data-commit]')).toBeVisible();
	});

	test('a long check shows a progress bar after a second and can be cancelled, changing nothing', async ({ page }, testInfo) => {
		test.setTimeout(180_000);
		await page.goto('/data#upload-salary_survey');
		await expect(panel(page).locator('[data-upload-dataset]')).toHaveValue('salary_survey');
		await expect(panel(page)).toHaveAttribute('data-engine-ready', 'true', slow);
		// GENERATED test data, as above: a million rows and a CPU slowed 4×, so the check outlasts the one second before the
		// progress bar shows however fast this machine is (with 300,000 rows a quiet machine finished first).
		await throttle(page.context(), page, Math.max(4, CPU_THROTTLE));
		const big = testInfo.outputPath('generated-salaries-1m.csv');
		writeFileSync(big, generatedSalaryCsv(1_000_000));
		await panel(page).locator('[data-upload-input]').setInputFiles(big);
		await expect(panel(page).locator('[data-stage] progress')).toBeVisible();
		await panel(page).getByRole('button', { name: 'Cancel' }).click();
		await expect(panel(page).getByRole('alert')).toHaveText('The upload was cancelled; nothing was changed.');
		await expect(report(page)).toHaveCount(0);
		await expect(panel(page).locator('[data-current-version]')).toHaveText('the shipped data');
		await throttle(page.context(), page);
		// The engine is usable again at once.
		await panel(page).locator('[data-upload-input]').setInputFiles({ name: 'generated-salaries-50.csv', mimeType: 'text/csv', buffer: Buffer.from(generatedSalaryCsv(50)) });
		await expect(report(page).locator('[data-total="Rows"]')).toContainText('50', slow);
	});

	test('export as CSV then re-import gives the same data; errors download as CSV', async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto('/data');
		await uploadAndCommit(page, older);
		const exported = page.waitForEvent('download');
		await panel(page).getByRole('button', { name: 'CSV', exact: true }).click();
		const first = await exported;
		const firstPath = await first.path();
		const firstBytes = readFileSync(firstPath);
		expect(first.suggestedFilename()).toMatch(/^it_spending-\d{4}-\d{2}-\d{2}\.csv$/);

		await panel(page).locator('[data-upload-input]').setInputFiles({ name: 'it_spending-export.csv', mimeType: 'text/csv', buffer: firstBytes });
		await expect(report(page).locator('[data-diff="added"]')).toContainText('0 rows added', slow);
		await expect(report(page).locator('[data-diff="removed"]')).toContainText('0 rows removed');
		await expect(report(page).locator('[data-diff="changed"]')).toContainText('0 rows changed');
		await panel(page).locator('[data-commit]').click();
		await expect(panel(page).locator('[data-upload-message]')).toContainText('Committed it_spending-export.csv', slow);
		const again = page.waitForEvent('download');
		await panel(page).getByRole('button', { name: 'CSV', exact: true }).click();
		expect(readFileSync(await (await again).path()).equals(firstBytes)).toBe(true);

		const parquet = page.waitForEvent('download');
		await panel(page).getByRole('button', { name: 'Parquet' }).click();
		const parquetBytes = readFileSync(await (await parquet).path());
		expect(parquetBytes.subarray(0, 4).toString()).toBe('PAR1');

		await panel(page).locator('[data-upload-input]').setInputFiles(path.join(fixtures, 'bad', 'abbreviated-amount.csv'));
		await expect(report(page).locator('[data-errors]')).toBeVisible(slow);
		const errors = page.waitForEvent('download');
		await report(page).getByRole('button', { name: 'Download the error (CSV)' }).click();
		const errorsCsv = readFileSync(await (await errors).path(), 'utf8');
		expect(errorsCsv.split('\n')[0]).toBe('line,column,value,kind,problem,expected');
		expect(errorsCsv).toContain('2,spend_usd_bn,$1.5T,not a number');
	});

	test('a version stored by an earlier build (one Arrow file) still loads', async ({ page }) => {
		test.setTimeout(120_000);
		const shipped = await overview(page);
		// Earlier builds kept a version's rows as one Arrow IPC stream under the version's id; the shipped file is one.
		const ipc = Array.from(gunzipSync(readFileSync(path.resolve('static/datasets/it_spending.arrow.gz'))));
		await page.evaluate(`(async () => {
			const db = await new Promise((resolve, reject) => { const r = indexedDB.open('it-market-atlas', 1); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
			const tx = db.transaction(['files', 'manifests'], 'readwrite');
			tx.objectStore('files').put(new Blob([new Uint8Array(${JSON.stringify(ipc)})]), 'v-legacy');
			tx.objectStore('manifests').put({ dataset: 'it_spending', current: 'v-legacy', versions: [
				{ id: 'v-legacy', dataset: 'it_spending', fileName: 'legacy-release.csv', by: 'an earlier build', at: '2026-11-01T09:00:00.000Z', mode: 'replace', rows: 330, bytes: ${ipc.length} }
			] });
			await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
			db.close();
		})()`);
		const legacy = await overview(page);
		expect(legacy.total).toBe(shipped.total);
		expect(legacy.source).toContain('uploaded legacy-release.csv on 2026-11-01 by an earlier build');
	});

	test('two tabs cannot commit at once, and a commit in one tab shows in the other without a reload', async ({ page, context }) => {
		test.setTimeout(180_000);
		const other = await context.newPage();
		const shipped = await overview(other);
		expect(shipped.source).toContain('Source: Gartner');

		// The other tab holds the commit lock (as it does while committing): this tab's commit is refused, nothing changes.
		await other.evaluate(`new Promise((acquired) => navigator.locks.request('it-market-atlas-commit', () => {
			acquired();
			return new Promise((release) => (window.releaseCommitLock = release));
		}))`);
		await page.goto('/data');
		await chooseDataset(page, 'it_spending');
		await panel(page).locator('[data-upload-input]').setInputFiles(older);
		await expect(report(page).locator('[data-upload-preview]')).toBeVisible(slow);
		await confirmRemovalIfAsked(panel(page));
		await panel(page).locator('[data-commit]').click();
		await expect(panel(page).getByRole('alert').filter({ hasText: 'Another tab' })).toContainText('Another tab is committing', slow);
		await expect(panel(page).locator('[data-current-version]')).toHaveText('the shipped data');
		await other.evaluate('window.releaseCommitLock()');
		await panel(page).locator('[data-commit]').click();
		await expect(panel(page).locator('[data-upload-message]')).toContainText('Committed gartner-releases-to-2025-07.csv', slow);
		await expect(other.locator('[data-chart="segment-bars"] figcaption')).toContainText('uploaded gartner-releases-to-2025-07.csv', slow);
		await expect(other.locator('ul.kpis li').first()).toContainText('$5.44T', slow);
	});
});
