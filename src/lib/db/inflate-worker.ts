/// <reference lib="webworker" />
import { answerWith } from '../worker-call';

/** Inflates a gzipped dataset off the main thread: doing it on the page froze it for ~150 ms per big dataset. */
answerWith(async (gzipped: Uint8Array) => {
	const inflated = new Blob([gzipped as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
	const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
	return { result: bytes, transfer: [bytes.buffer] };
});
