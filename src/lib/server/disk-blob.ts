import { openAsBlob } from 'node:fs';

const paths = new WeakMap<Blob, string>();

/** A file on disk as a Blob that is read piece by piece, never whole, and that the native engine can link to. */
export async function diskBlob(file: string): Promise<Blob> {
	const blob = await openAsBlob(file);
	paths.set(blob, file);
	return blob;
}

/** The file a Blob made by `diskBlob` reads, if it is one. */
export const diskPathOf = (blob: Blob): string | undefined => paths.get(blob);
