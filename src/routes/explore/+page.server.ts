import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CatalogEntry } from '$lib/datasets/types';
import { exploreTables } from '$lib/explore/tables';

/** Table and column names for the schema sidebar and completion, from the catalogue the build wrote. */
export async function load() {
	const { datasets } = JSON.parse(await readFile(path.resolve('static/datasets/catalog.json'), 'utf8')) as { datasets: CatalogEntry[] };
	return { tables: exploreTables(datasets) };
}
