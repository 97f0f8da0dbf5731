import { readFile } from 'node:fs/promises';
import type { Page } from './fixtures';

/** Downloads a chart's export from its Share menu: the file's suggested name and bytes. */
export async function downloadFrom(page: Page, chart: string, item: string, file: string) {
	const frame = page.locator(`[data-chart="${chart}"]`);
	await frame.locator('summary', { hasText: 'Share' }).click();
	const downloading = page.waitForEvent('download');
	await frame.getByRole('button', { name: item }).click();
	const download = await downloading;
	await download.saveAs(file);
	await frame.locator('summary', { hasText: 'Share' }).click();
	return { name: download.suggestedFilename(), bytes: await readFile(file) };
}
