import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogEntry } from '$lib/datasets/types';

/** The catalogue the build step wrote, read once at prerender time. */
export async function load() {
	const file = path.resolve('static/datasets/catalog.json');
	const { datasets } = JSON.parse(await readFile(file, 'utf8')) as { datasets: CatalogEntry[] };
	return { datasets };
}
