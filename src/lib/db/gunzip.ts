/** gunzip with the browser's own DecompressionStream (on the page or in a worker). */
export async function gunzip(gzipped: Uint8Array): Promise<Uint8Array> {
	const inflated = new Blob([gzipped as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(inflated).arrayBuffer());
}
