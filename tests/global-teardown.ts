import { cspReports } from './csp-reports';

/** Zero Content-Security-Policy violations across the whole suite: any report the server received fails the run. */
export default function globalTeardown() {
	// The suite's own probe of the policy (security.spec.ts) is the one violation it causes on purpose.
	const reports = cspReports().filter((r) => !String(r['csp-report']?.['blocked-uri'] ?? '').includes('csp-probe.invalid'));
	if (reports.length === 0) return;
	const lines = reports.map((r) => {
		const report = r['csp-report'] ?? {};
		return `${report['document-uri']}: ${report['effective-directive']} blocked ${report['blocked-uri']} (${report['source-file'] ?? ''}:${report['line-number'] ?? ''})`;
	});
	throw new Error(`${reports.length} Content-Security-Policy violation(s) during the e2e suite:\n${lines.join('\n')}`);
}
