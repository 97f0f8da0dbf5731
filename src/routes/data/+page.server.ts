import { readCatalog } from '$lib/server/catalog';

export async function load() {
	return { datasets: await readCatalog() };
}
