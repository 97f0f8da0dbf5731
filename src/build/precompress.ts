/**
 * After `vite build`: writes a gzip copy beside every large asset (DuckDB's wasm and worker, app JS and CSS) so hosts
 * that serve precompressed files (nginx gzip_static, most CDNs, our preview server) send ~8 MB instead of ~35 MB.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { builtOutput } from './output';

const gzipAsync = promisify(gzip);
const root = builtOutput().assets;
const compressible = /\.(wasm|js|css|html|json|svg|csv)$/;

async function* files(dir: string): AsyncGenerator<string> {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* files(full);
		else if (compressible.test(entry.name)) yield full;
	}
}

let before = 0;
let after = 0;
for await (const file of files(root)) {
	const { size } = await stat(file);
	if (size < 1024) continue;
	const compressed = await gzipAsync(await readFile(file), { level: 9 });
	await writeFile(`${file}.gz`, compressed);
	before += size;
	after += compressed.length;
}
console.log(`precompress: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB gzip`);
