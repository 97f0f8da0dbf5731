/// <reference lib="webworker" />
import { commitVersion, type NewVersion } from './store';

/** Stores a committed version off the main thread: copying tens of megabytes into a Blob would freeze the page. */
self.onmessage = async (event: MessageEvent<{ meta: NewVersion; parts: Uint8Array[] }>) => {
	try {
		self.postMessage({ version: await commitVersion(event.data.meta, event.data.parts) });
	} catch (error) {
		self.postMessage({ error: error instanceof Error ? error.message : String(error) });
	}
};
