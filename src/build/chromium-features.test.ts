import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumLaunch, PLAYWRIGHT_DISABLED_FEATURES } from '../../tests/playwright.config';

/** The feature names in Playwright's own `disabledFeatures = [...]` list, read from the installed playwright-core. */
function playwrightDisabledFeatures(): string[] {
	const core = path.dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
	const bundle = readFileSync(path.join(core, 'lib/coreBundle.js'), 'utf8');
	const list = /disabledFeatures = \[([^\]]*)\]/.exec(bundle)?.[1];
	if (!list) throw new Error('playwright-core no longer has a `disabledFeatures = [...]` list: check how it passes --disable-features');
	return [...list.matchAll(/^\s*"([A-Za-z0-9]+)",?\s*$/gm)].map((m) => m[1]);
}

describe('the Chromium the tests and benchmarks launch', () => {
	it('gets one --disable-features that keeps every feature Playwright disables (Chromium keeps only the last one)', () => {
		const switches = chromiumLaunch.args.filter((arg) => arg.startsWith('--disable-features='));
		expect(switches).toHaveLength(1);
		const ours = switches[0].slice('--disable-features='.length).split(',');
		const playwrights = playwrightDisabledFeatures();
		expect(playwrights).toContain('PaintHolding');
		expect(ours).toEqual(expect.arrayContaining(playwrights));
		// Our copy is Playwright's list as installed, no more: a feature Playwright stops disabling is not kept off here.
		expect([...PLAYWRIGHT_DISABLED_FEATURES].sort()).toEqual([...playwrights].sort());
	});

	it('does not build the address bar popup nobody sees', () => {
		expect(chromiumLaunch.args.join(' ')).toMatch(/--disable-features=\S*WebUIOmniboxPopup/);
	});
});
