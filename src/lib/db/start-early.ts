import { ENGINE_TABLES_META } from './engine-boot';

const META = `meta[name="${ENGINE_TABLES_META}"]`;

/**
 * Starts DuckDB and fetches the tables the prerendered page names, as soon as the app's first script runs: the
 * engine compiles while the page hydrates. The page's own start (warmEngine) joins the same promises and reports any
 * failure, so one here is left to it.
 */
export function startEngineEarly(doc: Document = document): void {
	const tables = doc.querySelector(META)?.getAttribute('content')?.split(' ').filter(Boolean);
	if (!tables?.length) return;
	void import('./browser-datasets').then(({ connectorWith }) => connectorWith(tables)).catch(() => undefined);
}
