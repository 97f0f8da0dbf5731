/// <reference lib="webworker" />
import { answerWith } from '../worker-call';
import { commitVersion, type NewVersion } from './store';

/** Stores a committed version off the main thread: copying tens of megabytes into a Blob would freeze the page. */
answerWith(async ({ meta, parts }: { meta: NewVersion; parts: Uint8Array[] }) => ({ result: await commitVersion(meta, parts) }));
