import { createHash, randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';

export class TooLarge extends Error {
	constructor(readonly limit: number) {
		super(`The file is larger than ${(limit / 1024 ** 3).toFixed(0)} GB, the most a publish accepts.`);
	}
}

export interface Received {
	path: string;
	sha256: string;
	bytes: number;
}

/**
 * Writes a request body to a new file in `dir` as it arrives, never holding it whole: hashed on the way, refused past
 * `limit` bytes, and fsynced before it counts as received. A failure removes the partial file.
 */
export async function receiveFile(body: ReadableStream<Uint8Array>, dir: string, limit: number, onBytes?: (bytes: number) => void): Promise<Received> {
	const file = path.join(dir, `${randomUUID()}.part`);
	const handle = await open(file, 'wx');
	const hash = createHash('sha256');
	let bytes = 0;
	try {
		const reader = body.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			bytes += value.byteLength;
			if (bytes > limit) {
				await reader.cancel().catch(() => undefined);
				throw new TooLarge(limit);
			}
			hash.update(value);
			await handle.write(value);
			onBytes?.(bytes);
		}
		await handle.sync();
		await handle.close();
		return { path: file, sha256: hash.digest('hex'), bytes };
	} catch (error) {
		await handle.close().catch(() => undefined);
		await rm(file, { force: true });
		throw error;
	}
}

/** fsync of a folder: a rename into it survives a crash only once the folder's entry is on disk. */
export async function syncDir(dir: string): Promise<void> {
	const handle = await open(dir, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}
