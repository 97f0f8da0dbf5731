import { callWorker } from '../worker-call';
import { firstZeroByte } from './bytes';

/**
 * The position of the first zero byte after the head, or -1. In the browser the file streams through a worker: read
 * on the page, a big file's chunks showed up as main-thread tasks while DuckDB checked it. Node (tests) scans inline.
 */
export function scanForZeroByte(file: Blob, from: number): Promise<number> {
	if (from >= file.size) return Promise.resolve(-1);
	if (typeof Worker === 'undefined') return firstZeroByte(file, from);
	const worker = new Worker(new URL('./zero-byte-worker.ts', import.meta.url), { type: 'module' });
	return callWorker<number>(worker, { file, from }, []).catch(() => firstZeroByte(file, from));
}
