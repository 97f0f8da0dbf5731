import { test as base, type BrowserContext, type Page } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

/** `ATLAS_CPU_THROTTLE=4`: every page of the suite runs with Chromium's CPU slowed that many times (a slow laptop). */
export const CPU_THROTTLE = Number(process.env.ATLAS_CPU_THROTTLE ?? 1);

export async function throttle(context: BrowserContext, page: Page, rate = CPU_THROTTLE): Promise<void> {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Playwright's test, with the CPU throttled on the test's page and on every page its context opens when
 * ATLAS_CPU_THROTTLE is set (`npm run test:e2e:throttled`). Every spec imports `test` from here.
 */
export const test = base.extend({
	context: async ({ context }, use) => {
		if (CPU_THROTTLE > 1) context.on('page', (page) => void throttle(context, page).catch(() => undefined));
		await use(context);
	},
	page: async ({ context, page }, use) => {
		// The page fixture's page exists before the listener above can see it.
		if (CPU_THROTTLE > 1) await throttle(context, page);
		await use(page);
	}
});
