/// <reference lib="webworker" />
import { answerWith } from '../worker-call';
import { stageFile } from './store';

/** Above this a file is copied in chunks, never held whole in this worker; below it one read is faster. */
const WHOLE = 256 * 1024 * 1024;
const CHUNK = 16 * 1024 * 1024;

/** A copy of the file's bytes in the browser's blob storage. */
async function copyOf(file: Blob): Promise<Blob> {
	if (file.size <= WHOLE) return new Blob([await file.arrayBuffer()], { type: 'text/csv' });
	let copy = new Blob([], { type: 'text/csv' });
	for (let at = 0; at < file.size; at += CHUNK) copy = new Blob([copy, await file.slice(at, at + CHUNK).arrayBuffer()], { type: 'text/csv' });
	return copy;
}

/**
 * Stages an upload's file off the main thread. The bytes are copied first: Chromium keeps a File put in IndexedDB
 * as a reference to the file on disk (tried: deleting the file made the stored copy unreadable).
 */
answerWith(async (file: Blob) => ({ result: await stageFile(await copyOf(file)) }));
