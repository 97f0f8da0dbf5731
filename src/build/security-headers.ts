/**
 * The Content-Security-Policy and framing headers of every response. A header, not a `<meta>`: only a header covers
 * DuckDB's worker, the service worker and `frame-ancestors`. Scripts may come from this site only, plus the inline
 * scripts the build wrote (by hash); requests (fetch, XHR, the engine's own reads, images) may go to this site only,
 * so a query that slipped past every other check still cannot send data anywhere.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where browsers post violation reports when the preview server serves the site. */
export const CSP_REPORT_PATH = '/__csp-report';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return htmlFiles(full);
		return entry.name.endsWith('.html') ? [full] : [];
	});
}

/** The hash source of every inline script in the built pages (SvelteKit's start-up script, the theme script). */
export function inlineScriptHashes(buildDir: string): string[] {
	const hashes = new Set<string>();
	for (const file of htmlFiles(buildDir)) {
		for (const [, attributes, body] of readFileSync(file, 'utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
			if (/\bsrc\s*=/.test(attributes) || /\btype\s*=\s*["']?application\/json/.test(attributes)) continue;
			hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
		}
	}
	return [...hashes].sort();
}

/** The policy every response carries (pages, workers, assets); framing is a separate directive, per path. */
export function basePolicy(hashes: readonly string[], reportUri?: string): string {
	return [
		"default-src 'self'",
		// 'unsafe-eval' because Arquero compiles every table expression, even escape()d functions and objects(), with
		// `new Function` (uwdata/arquero#361). Inline scripts stay limited to the build's own, by hash.
		`script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"connect-src 'self'",
		"worker-src 'self'",
		"frame-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		...(reportUri ? [`report-uri ${reportUri}`] : [])
	].join('; ');
}

export const isEmbedPath = (pathname: string) => pathname.startsWith('/embed/');

/** Embeds may be framed by any site; every other page by none (clickjacking). */
const framing = (pathname: string) => (isEmbedPath(pathname) ? 'frame-ancestors *' : "frame-ancestors 'none'");

/** All headers for a response to `pathname`, as the preview server sends them. */
export function securityHeaders(pathname: string, hashes: readonly string[], reportUri?: string): Record<string, string> {
	return {
		'Content-Security-Policy': `${basePolicy(hashes, reportUri)}; ${framing(pathname)}`,
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		...(isEmbedPath(pathname) ? {} : { 'X-Frame-Options': 'DENY' })
	};
}

/**
 * The same headers as a `_headers` file (Netlify, Cloudflare Pages), which merges every block a path matches: the
 * base policy for everything, and a second policy with only the framing rule for each page. Browsers enforce both.
 */
export function headersFile(hashes: readonly string[], pages: readonly string[]): string {
	const lines = ['# Written by npm run build (src/build/security-headers.ts); the script hashes change with every build.', '/*', `  Content-Security-Policy: ${basePolicy(hashes)}`, '  X-Content-Type-Options: nosniff', '  Referrer-Policy: strict-origin-when-cross-origin'];
	for (const page of pages) {
		lines.push(page, `  Content-Security-Policy: ${framing(page)}`);
		if (!isEmbedPath(page)) lines.push('  X-Frame-Options: DENY');
	}
	return `${lines.join('\n')}\n`;
}

/** The paths a static host serves the built pages at: `spending.html` → `/spending`, `index.html` → `/`. */
export function pagePaths(buildDir: string): string[] {
	return htmlFiles(buildDir)
		.map((file) => `/${path.relative(buildDir, file).split(path.sep).join('/')}`.replace(/(\/index)?\.html$/, '') || '/')
		.sort();
}
