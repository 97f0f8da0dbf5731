import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Connect } from 'vite';
import { CSP_REPORT_PATH, inlineScriptHashes, securityHeaders } from './security-headers.ts';

/**
 * Preview server middleware: every response gets the security headers; browsers' CSP violation reports are printed
 * and, when ATLAS_CSP_REPORTS names a file, appended to it (the e2e suite fails on any).
 */
export function previewHeaders(buildDir: string): Connect.NextHandleFunction {
	// A rebuild writes new inline scripts: the hashes are read again whenever build/_headers changes.
	let hashes: string[] = [];
	let builtAt = -1;
	return (req, res, next) => {
		const { pathname } = new URL(req.url ?? '/', 'http://localhost');
		if (pathname === CSP_REPORT_PATH && req.method === 'POST') return receiveReport(req, res);
		const stamp = statSync(path.join(buildDir, '_headers'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
		if (stamp !== builtAt) [hashes, builtAt] = [inlineScriptHashes(buildDir), stamp];
		for (const [name, value] of Object.entries(securityHeaders(pathname, hashes, CSP_REPORT_PATH))) res.setHeader(name, value);
		next();
	};
}

const MAX_REPORT_BYTES = 64 * 1024;

function receiveReport(req: Connect.IncomingMessage, res: import('node:http').ServerResponse) {
	let body = '';
	req.setEncoding('utf8');
	req.on('data', (chunk: string) => {
		if (body.length < MAX_REPORT_BYTES) body += chunk;
	});
	req.on('end', () => {
		const line = body.slice(0, MAX_REPORT_BYTES).replace(/\s+/g, ' ');
		console.error(`Content-Security-Policy violation: ${summary(line)}`);
		const file = process.env.ATLAS_CSP_REPORTS;
		if (file) {
			mkdirSync(path.dirname(file), { recursive: true });
			appendFileSync(file, `${line}\n`);
		}
		res.statusCode = 204;
		res.end();
	});
}

function summary(line: string): string {
	try {
		const report = JSON.parse(line)['csp-report'] ?? {};
		return `${report['document-uri']}: ${report['effective-directive']} blocked ${report['blocked-uri']} (${report['source-file'] ?? 'inline'}:${report['line-number'] ?? ''})`;
	} catch {
		return line.slice(0, 500);
	}
}
