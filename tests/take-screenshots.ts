/**
 * The README's screenshots: every page and a /present slide at 390×844 (a phone) and 1920×1080, light and dark, into
 * static/screenshots/<page>-<phone|desktop>-<light|dark>.png. Pages are captured whole (up to four screens) at that viewport;
 * /present is one screen. Run against a production build that is serving:
 *   npm run build && (PORT=4224 ATLAS_DATA_DIR=$(mktemp -d) node --import tsx src/serve.ts &) && npm run screenshots -- http://localhost:4224
 */
import { chromium } from '@playwright/test';
import path from 'node:path';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const base = process.argv[2] ?? 'http://localhost:4173';
const out = path.resolve(import.meta.dirname, '../static/screenshots');

export const SCREENSHOT_PAGES: { name: string; path: string }[] = [
	{ name: 'overview', path: '/' },
	{ name: 'spending', path: '/spending' },
	{ name: 'record', path: '/spending/record' },
	{ name: 'careers', path: '/careers' },
	{ name: 'industries', path: '/industries' },
	{ name: 'explore', path: `/explore?q=${encodeURIComponent("SELECT year, segment, spend_usd_bn FROM it_spending WHERE release_date = '2026-02' AND segment <> 'Total' ORDER BY year, segment")}` },
	{ name: 'data', path: '/data' },
	{ name: 'benchmark', path: '/careers/benchmark' },
	{ name: 'skills', path: '/careers/skills' },
	{ name: 'present', path: '/present?s=%2Fembed%2Fsegment-lines&s=%2Fembed%2Fgrowth-heatmap' }
];
const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1920, height: 1080 }
] as const;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
	for (const size of SIZES)
		for (const scheme of ['light', 'dark'] as const) {
			const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme: scheme });
			for (const shot of SCREENSHOT_PAGES) {
				await page.goto(`${base}${shot.path}`);
				// The pay benchmark with the generated test roles (tests/fixtures/benchmark/README.md), not anyone's pay.
				if (shot.name === 'benchmark') {
					await page.locator('[data-engine-ready="true"]').waitFor({ timeout: 60_000 });
					await page.locator('[data-roles-input]').setInputFiles(path.resolve(import.meta.dirname, 'fixtures/benchmark/roles-20.csv'));
				}
				// A query from a link runs only when asked (the console's rule): run it, as a reader would.
				if (shot.name === 'explore') await page.getByRole('button', { name: /^Run/ }).click();
				// Drawn when DuckDB has answered every chart (the slide's own frame for /present; the upload panel on /data).
				const scope = shot.name === 'present' ? page.frameLocator('iframe').first() : page;
				await scope.locator(shot.name === 'data' ? '[data-upload-panel][data-engine-ready="true"]' : shot.name === 'skills' ? '[data-skill]' : '[data-chart]').first().waitFor({ timeout: 60_000 });
				await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 60_000 });
				await page.evaluate(() => document.fonts.ready);
				const file = path.join(out, `${shot.name}-${size.name}-${scheme}.png`);
				// The whole page down to four screens (the /data catalogue goes on much further); /present is one screen.
				const height = shot.name === 'present' ? size.height : Math.min(await page.evaluate(() => document.documentElement.scrollHeight), size.height * 4);
				await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: size.width, height } });
				console.log(file);
			}
			await page.close();
		}
} finally {
	await browser.close();
}
