import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { CSP_REPORTS } from './csp-reports';

/**
 * Playwright passes these to Chromium in its own `--disable-features` (playwright-core's chromiumSwitches). Chromium
 * keeps only the last `--disable-features` on its command line, so ours repeats them; chromium-features.test.ts fails
 * when an upgraded Playwright disables one that is not here.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsUpgrades',
	'HttpsFirstBalancedModeAutoEnable',
	'LensOverlay',
	'MediaRouter',
	'PaintHolding',
	'ThirdPartyStoragePartitioning',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'TcpPortRandomizationWin',
	'OptimizationHints',
	'NetworkTimeServiceQuerying',
	'AimEnabled',
	'PreconnectToSearch',
	'msForceBrowserSignIn',
	'msEdgeUpdateLaunchServicesPreferredVersion'
];

/**
 * Headless Chromium 156 builds its address bar's WebUI popup (chrome://omnibox-popup.top-chrome, ~400 requests in a
 * renderer of its own) for every new window, i.e. every test's and every benchmark load's context: ~0.2 s of renderer
 * and ~0.1 s of browser CPU, on a 2-core machine, while the page under test loads. Nobody sees that window.
 */
const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup'];

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export const chromiumLaunch = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
		`--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

// ATLAS_E2E_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.ATLAS_E2E_PORT ?? 4173);
const E2E_DATA_DIR = path.resolve(import.meta.dirname, '../test-results/atlas-e2e-var');

export default defineConfig({
	testDir: './e2e',
	globalSetup: './global-setup.ts',
	globalTeardown: './global-teardown.ts',
	outputDir: '../test-results',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 45_000,
	expect: { timeout: 15_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		launchOptions: chromiumLaunch,
		// page.route cannot see a service worker's requests; only the offline test lets it run.
		serviceWorkers: 'block',
		trace: 'retain-on-failure'
	},
	webServer: {
		// The Atlas server on the production build (`npm run build` runs first in `npm test`), with an empty data
		// directory of its own: nothing published, as on a first start. The publish tests start servers of their own.
		command: `rm -rf ${E2E_DATA_DIR} && node --import tsx src/serve.ts`,
		cwd: path.resolve(import.meta.dirname, '..'),
		url: `http://localhost:${port}/api/health`,
		reuseExistingServer: !process.env.CI,
		env: { ATLAS_CSP_REPORTS: CSP_REPORTS, PORT: String(port), ATLAS_DATA_DIR: E2E_DATA_DIR },
		timeout: 60_000
	}
});
