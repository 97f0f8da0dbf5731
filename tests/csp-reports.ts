import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The preview server appends every Content-Security-Policy violation report it receives here (see preview-headers.ts). */
export const CSP_REPORTS = path.resolve(import.meta.dirname, '../test-results/csp-violations.jsonl');

export function clearCspReports() {
	rmSync(CSP_REPORTS, { force: true });
}

/** The violations reported so far, one object each. */
export function cspReports(): { 'csp-report'?: Record<string, unknown> }[] {
	if (!existsSync(CSP_REPORTS)) return [];
	return readFileSync(CSP_REPORTS, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line));
}
