import type { VersionMeta } from './store';

/**
 * A version published on the Atlas server for everyone: like a browser's committed version (a base, then uploaded
 * files each read by its recipe), with each file named by its SHA-256 and fetched from /api/files/<sha256>.
 */
export type PublishedVersion = VersionMeta & { published: true; basedOn: string };

export const isPublished = (version: VersionMeta): version is PublishedVersion => (version as Partial<PublishedVersion>).published === true;

const day = (iso: string) => iso.slice(0, 10);

/** Where a dataset is queried, as /api/published says (see src/lib/server/placement.ts). */
export interface PlacementInfo {
	placement: 'browser' | 'server';
	/** What a publisher chose: a placement, or 'auto' for the size rule. */
	chosen: 'browser' | 'server' | 'auto';
	why: string;
}

/** How a source line names a version that replaces the shipped data, wherever the chart goes. */
export function versionLine(version: VersionMeta): string {
	return isPublished(version)
		? `published by ${version.by} on ${day(version.at)} (${version.fileName})`
		: `uploaded ${version.fileName} on ${day(version.at)} by ${version.by}, only in this browser`;
}

/** One line of the server's audit log: a publication, rollback, reset, sign-in or refused sign-in. */
export interface AuditEntry {
	at: string;
	actor: string;
	action: string;
	dataset: string | null;
	version: string | null;
	detail: string | null;
}
