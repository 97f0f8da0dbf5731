/// <reference lib="webworker" />
import { answerWith } from '../worker-call';
import { stageFile } from './store';

/**
 * Stages an upload's file off the main thread. The bytes are copied first: Chromium keeps a File put in IndexedDB
 * as a reference to the file on disk (tried: deleting the file made the stored copy unreadable).
 */
answerWith(async (file: Blob) => ({ result: await stageFile(new Blob([await file.arrayBuffer()], { type: 'text/csv' })) }));
