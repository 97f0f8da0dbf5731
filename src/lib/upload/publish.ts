import { base } from '$app/paths';
import type { IngestReport } from '../checks/ingest';
import type { AuditEntry, PublishedVersion } from '../versions/published';

export type { AuditEntry };

/** Calls to the Atlas server's API from the upload panel. Every write carries the session's CSRF token. */

export interface ServerSession {
	publisher: string | null;
	csrf: string | null;
	/** How many publishers the server has: none means an administrator has yet to add one. */
	publishers: number;
}

export class ServerRefusal extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly report: IngestReport | null = null,
		readonly current: string | null = null
	) {
		super(message);
	}
}

async function answer<T>(response: Response): Promise<T> {
	const body = await response.json().catch(() => ({ error: `The server answered HTTP ${response.status}` }));
	if (!response.ok) throw new ServerRefusal(response.status, body.error ?? `HTTP ${response.status}`, body.report ?? null, body.current ?? null);
	return body as T;
}

/** The signed-in publisher, if any; null when no Atlas server answers (a static host). */
export async function readSession(): Promise<ServerSession | null> {
	try {
		const response = await fetch(`${base}/api/session`, { cache: 'no-store' });
		if (!response.ok || !response.headers.get('content-type')?.includes('application/json')) return null;
		return await response.json();
	} catch {
		return null;
	}
}

export async function signIn(name: string, password: string): Promise<ServerSession> {
	return answer(await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) }));
}

export async function signOut(csrf: string): Promise<void> {
	await answer(await fetch(`${base}/api/session`, { method: 'DELETE', headers: { 'x-atlas-csrf': csrf } }));
}

/**
 * Sends the exact file and how the browser's checks read it; the server checks it again and publishes it, unless the
 * published version changed since `basedOn` (a conflict).
 */
export async function publishFile(file: Blob, dataset: string, report: IngestReport, basedOn: string, csrf: string): Promise<PublishedVersion> {
	const about = { fileName: report.fileName, mode: report.mode, mapping: report.mapping, delimiter: report.delimiter, decimalComma: report.decimalComma.used };
	const response = await fetch(`${base}/api/datasets/${encodeURIComponent(dataset)}/versions`, {
		method: 'POST',
		headers: { 'content-type': 'text/csv', 'x-atlas-csrf': csrf, 'if-match': `"${basedOn}"`, 'x-atlas-upload': encodeURIComponent(JSON.stringify(about)) },
		body: file
	});
	return (await answer<{ version: PublishedVersion }>(response)).version;
}

export interface PublishedHistory {
	current: string;
	versions: PublishedVersion[];
}

export async function publishedHistory(dataset: string): Promise<PublishedHistory> {
	return answer(await fetch(`${base}/api/datasets/${encodeURIComponent(dataset)}/versions`, { cache: 'no-store' }));
}

/** Republishes an earlier version (rollback), or the shipped data with null. */
export async function setPublished(dataset: string, id: string | null, basedOn: string, csrf: string): Promise<void> {
	await answer(
		await fetch(`${base}/api/datasets/${encodeURIComponent(dataset)}/current`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', 'x-atlas-csrf': csrf, 'if-match': `"${basedOn}"` },
			body: JSON.stringify({ id })
		})
	);
}


export async function auditLog(): Promise<AuditEntry[]> {
	return (await answer<{ entries: AuditEntry[] }>(await fetch(`${base}/api/audit`, { cache: 'no-store' }))).entries;
}

export const versionFileUrl = (id: string) => `${base}/api/versions/${encodeURIComponent(id)}/file`;

/** Where everyone's pages query `dataset`: on the server, in each browser, or by size ('auto'). */
export async function setPlacement(dataset: string, placement: 'server' | 'browser' | 'auto', csrf: string): Promise<void> {
	await answer(
		await fetch(`${base}/api/datasets/${encodeURIComponent(dataset)}/placement`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', 'x-atlas-csrf': csrf },
			body: JSON.stringify({ placement })
		})
	);
}
