import type { Browser } from '@playwright/test';

/** One cold load of `url` in a fresh context (empty cache, no service worker): ms from navigation to DuckDB ready. */
export async function coldReady(browser: Browser, url: string): Promise<number> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		await page.goto(url);
		await page.locator('[data-engine="ready"]').waitFor({ timeout: 120_000 });
		return (await page.evaluate(`performance.getEntriesByName('duckdb-ready')[0].startTime`)) as number;
	} finally {
		await context.close();
	}
}
