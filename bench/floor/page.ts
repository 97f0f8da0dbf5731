import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const FLOOR_PATH = '/__bench-floor/';

/**
 * Builds the floor page into the built client folder, beside the app's own assets and served the same way (gzip
 * copies included). It loads the app's own DuckDB worker and wasm files by URL. Returns a function that removes it.
 */
export async function writeFloorPage(assetsDir: string): Promise<() => void> {
	const immutable = path.join(assetsDir, '_app/immutable/assets');
	const find = (pattern: RegExp) => {
		const name = readdirSync(immutable).find((file) => pattern.test(file));
		if (!name) throw new Error(`no ${pattern} in ${immutable}: build first`);
		return `/_app/immutable/assets/${name}`;
	};
	const outDir = path.join(assetsDir, FLOOR_PATH);
	await build({
		configFile: false,
		root: import.meta.dirname,
		base: FLOOR_PATH,
		logLevel: 'warn',
		define: { FLOOR_WORKER: JSON.stringify(find(/^duckdb-browser-eh\.worker\..*\.js$/)), FLOOR_WASM: JSON.stringify(find(/^duckdb-eh\..*\.wasm$/)) },
		build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: false }
	});
	const files = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
	for (const file of files(outDir)) writeFileSync(`${file}.gz`, gzipSync(readFileSync(file)));
	return () => rmSync(outDir, { recursive: true, force: true });
}
