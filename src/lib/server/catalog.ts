import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogEntry } from '../datasets/types';

/** The catalogue the build step wrote, read at prerender time by the pages that list or query every dataset. */
export async function readCatalog(): Promise<CatalogEntry[]> {
	const { datasets } = JSON.parse(await readFile(path.resolve('static/datasets/catalog.json'), 'utf8')) as { datasets: CatalogEntry[] };
	return datasets;
}
