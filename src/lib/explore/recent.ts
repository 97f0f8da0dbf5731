import { EXAMPLES } from './examples';

/** The queries this browser ran, newest first: a link carrying one of them may run it again on open. */
const KEY = 'atlas-recent-queries';
const KEEP = 10;

export function readRecent(): string[] {
	try {
		const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return Array.isArray(list) ? list.filter((q): q is string => typeof q === 'string').slice(0, KEEP) : [];
	} catch {
		return [];
	}
}

export function rememberQuery(sql: string): string[] {
	const list = [sql, ...readRecent().filter((q) => q !== sql)].slice(0, KEEP);
	try {
		localStorage.setItem(KEY, JSON.stringify(list));
	} catch {
		// Storage full or blocked: the list lives for this page only.
	}
	return list;
}

/** A query from a URL runs on open only when this build ships it or this browser ran it before. */
export function trustedQuery(sql: string, recent: readonly string[]): boolean {
	return EXAMPLES.some((example) => example.sql === sql) || recent.includes(sql);
}
