import path from 'node:path';

/** Where the server keeps its database, the published files and the publishers' accounts (ATLAS_DATA_DIR, default ./var). */
export function dataDir(): string {
	return path.resolve(process.env.ATLAS_DATA_DIR || 'var');
}

/**
 * The largest file a publish accepts: 1 GiB (the browser's own cap) unless ATLAS_MAX_PUBLISH_BYTES says more, for
 * datasets queried on the server (a feed of tens of millions of rows). Enforced on the stream, not on a header.
 */
export function maxPublishBytes(): number {
	const set = Number(process.env.ATLAS_MAX_PUBLISH_BYTES);
	return Number.isSafeInteger(set) && set > 0 ? set : 1024 ** 3;
}
