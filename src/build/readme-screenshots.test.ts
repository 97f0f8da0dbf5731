import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's screenshots (tests/take-screenshots.ts): every page, phone and 1920×1080, light and dark.
const PAGES = ['overview', 'spending', 'record', 'careers', 'industries', 'explore', 'data', 'benchmark', 'skills', 'present'];

describe('README screenshots', () => {
	const readme = readFileSync(path.resolve('README.md'), 'utf8');
	const linked = [...readme.matchAll(/\]\((static\/screenshots\/[^)]+\.png)\)/g)].map((m) => m[1]);

	it('links every page at both sizes in both themes', () => {
		for (const page of PAGES)
			for (const size of ['phone', 'desktop'])
				for (const scheme of ['light', 'dark']) expect(linked).toContain(`static/screenshots/${page}-${size}-${scheme}.png`);
	});

	it('every linked screenshot is committed, and is a PNG', () => {
		for (const file of linked) {
			expect(existsSync(path.resolve(file)), file).toBe(true);
			expect(readFileSync(path.resolve(file)).subarray(1, 4).toString()).toBe('PNG');
		}
	});
});
