/**
 * The inline script a page's head carries so DuckDB-WASM starts at navigation, not after hydration: it creates the
 * engine's worker and sends it DuckDB-WASM's own INSTANTIATE request, so the wasm streams and compiles while the page
 * paints and its JavaScript loads. browser.ts then adopts that worker (AsyncDuckDB accepts any worker) instead of
 * starting one. Only where the exceptions bundle runs (every current browser); elsewhere browser.ts picks a bundle
 * as before. The reply to this request is this script's alone: AsyncDuckDB never sees a message id it did not send.
 */
export interface BootedEngine {
	worker: Worker;
	/** Settles with the worker's answer to the INSTANTIATE request. */
	instantiated: Promise<void>;
}
/** What the script leaves on the page; `taken` once an engine exists there, so the script never starts a second one. */
export type EngineBoot = (BootedEngine & { taken: false }) | { taken: true };

export const BOOT_GLOBAL = 'atlasEngineBoot';
/** The meta element a page that queries carries in its head; its content lists the tables. */
export const ENGINE_TABLES_META = 'atlas-engine-tables';
/** Far above any id AsyncDuckDB counts up to from 0 in a page's life. */
export const BOOT_MESSAGE_ID = 2 ** 31;
/** The wasm-exceptions probe DuckDB-WASM's selectBundle uses to pick the eh bundle. */
const EXCEPTIONS_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11];

export function engineBootScript(workerUrl: string, wasmUrl: string): string {
	const boot = BOOT_GLOBAL;
	return `(function () {
	if (self.${boot} || typeof Worker !== 'function' || typeof WebAssembly !== 'object' || !WebAssembly.validate(new Uint8Array(${JSON.stringify(EXCEPTIONS_PROBE)}))) return;
	performance.mark('duckdb-start');
	var worker = new Worker(${JSON.stringify(workerUrl)});
	var instantiated = new Promise(function (resolve, reject) {
		worker.addEventListener('message', function reply(event) {
			var message = event.data;
			if (!message || message.requestId !== ${BOOT_MESSAGE_ID}) return;
			event.stopImmediatePropagation();
			if (message.type === 'INSTANTIATE_PROGRESS') return;
			worker.removeEventListener('message', reply);
			if (message.type === 'OK') resolve();
			else reject(new Error((message.data && message.data.message) || 'DuckDB-WASM could not start'));
		});
	});
	instantiated.catch(function () {});
	worker.postMessage({ messageId: ${BOOT_MESSAGE_ID}, type: 'INSTANTIATE', data: [${JSON.stringify(wasmUrl)}, null] });
	self.${boot} = { worker: worker, instantiated: instantiated, taken: false };
})();`;
}

/** The booted worker, at most once; afterwards (or where no script ran) undefined, and no script starts another. */
export function takeBootedEngine(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): BootedEngine | undefined {
	const boot = scope[BOOT_GLOBAL] as EngineBoot | undefined;
	scope[BOOT_GLOBAL] = { taken: true } satisfies EngineBoot;
	return boot?.taken === false ? { worker: boot.worker, instantiated: boot.instantiated } : undefined;
}

/** The page with the boot script placed right after its tables meta element; a page without one is left alone. */
export function withEngineBoot(html: string, workerUrl: string, wasmUrl: string): string {
	const meta = new RegExp(`<meta name="${ENGINE_TABLES_META}" content="[a-z_ ]*"\\s*/?>`).exec(html);
	if (!meta) return html;
	const at = meta.index + meta[0].length;
	return `${html.slice(0, at)}<script>${engineBootScript(workerUrl, wasmUrl)}</script>${html.slice(at)}`;
}
