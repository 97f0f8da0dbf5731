import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, inlineScriptHashes, pagePaths, securityHeaders } from './security-headers';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function builtSite(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'atlas-build-'));
	mkdirSync(path.join(dir, 'embed'));
	writeFileSync(path.join(dir, 'index.html'), '<script>theme()</script><script type="module" src="/_app/a.js"></script><script type="application/json" data-sveltekit-fetched>{}</script>');
	writeFileSync(path.join(dir, 'spending.html'), '<script>\n\tstart(1)\n</script><script>theme()</script>');
	writeFileSync(path.join(dir, 'embed', 'wages.html'), '<script>start(2)</script>');
	return dir;
}

describe('security headers', () => {
	it('allow exactly the inline scripts the build wrote, by hash (not external or JSON ones)', () => {
		expect(inlineScriptHashes(builtSite())).toEqual([sha('theme()'), sha('\n\tstart(1)\n'), sha('start(2)')].sort());
	});

	it('let embeds be framed by any site and no other page; nothing may be fetched from another host', () => {
		const page = securityHeaders('/spending', ["'sha256-x'"]);
		expect(page['Content-Security-Policy']).toMatch(/^default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' 'sha256-x';.* connect-src 'self';.*; frame-ancestors 'none'$/);
		expect(page['X-Frame-Options']).toBe('DENY');
		const embed = securityHeaders('/embed/wages', []);
		expect(embed['Content-Security-Policy']).toMatch(/; frame-ancestors \*$/);
		expect(embed['X-Frame-Options']).toBeUndefined();
	});

	it('write a _headers file with the base policy for everything and the framing rule per page', () => {
		const dir = builtSite();
		expect(pagePaths(dir)).toEqual(['/', '/embed/wages', '/spending']);
		const file = headersFile(inlineScriptHashes(dir), pagePaths(dir));
		expect(file).toContain(`/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' ${inlineScriptHashes(dir).join(' ')};`);
		expect(file).toContain("/spending\n  Content-Security-Policy: frame-ancestors 'none'\n  X-Frame-Options: DENY\n");
		expect(file).toContain('/embed/wages\n  Content-Security-Policy: frame-ancestors *\n/spending');
	});
});
