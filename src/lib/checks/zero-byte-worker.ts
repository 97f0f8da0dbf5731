/// <reference lib="webworker" />
import { answerWith } from '../worker-call';
import { firstZeroByte } from './bytes';

/** Scans an upload for a zero byte off the main thread (see zero-byte-scan.ts). */
answerWith(async ({ file, from }: { file: Blob; from: number }) => ({ result: await firstZeroByte(file, from) }));
