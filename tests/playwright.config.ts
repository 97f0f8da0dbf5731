import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { CSP_REPORTS } from './csp-reports';

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export const chromiumLaunch = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--headless',
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
