import path from 'node:path';

/** Where the server keeps its database, the published files and the publishers' accounts (ATLAS_DATA_DIR, default ./var). */
export function dataDir(): string {
	return path.resolve(process.env.ATLAS_DATA_DIR || 'var');
}

/** The largest file a publish accepts, as in the browser: the cap is enforced on the stream, not on a header. */
export const MAX_PUBLISH_BYTES = 1024 ** 3;
