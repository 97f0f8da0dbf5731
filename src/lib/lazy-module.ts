/**
 * A dynamic import made once per page. Vite's import helper looks up the module's stylesheets and chunks in the
 * document on every call, about 1 ms each time, which a view that imports on each selection paid on every click.
 * A failed import is tried again on the next call.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
	let loaded: Promise<T> | undefined;
	return () =>
		(loaded ??= load().catch((error) => {
			loaded = undefined;
			throw error;
		}));
}
