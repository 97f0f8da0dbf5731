import { exploreTables } from '$lib/explore/tables';
import { readCatalog } from '$lib/server/catalog';

/** Table and column names for the schema sidebar and completion. */
export async function load() {
	return { tables: exploreTables(await readCatalog()) };
}
