import { error } from '@sveltejs/kit';
import careers from '$lib/generated/careers-snapshot.json';
import industries from '$lib/generated/industries-snapshot.json';
import overview from '$lib/generated/overview-snapshot.json';
import spending from '$lib/generated/spending-snapshot.json';
import record from '$lib/generated/record-snapshot.json';
import { exploreTables } from '$lib/explore/tables';
import { EMBEDDABLE, isEmbeddable } from '$lib/pages/embeds';
import { readCatalog } from '$lib/server/catalog';

/** Every embeddable chart is prerendered, with the default state of the page it comes from. */
export const entries = () => Object.keys(EMBEDDABLE).map((chart) => ({ chart }));

export async function load({ params }) {
	if (!isEmbeddable(params.chart)) error(404, `No chart called ${params.chart}`);
	const page = EMBEDDABLE[params.chart];
	const snapshots = { overview, spending, careers, industries, record };
	if (page === 'explore') return { chart: params.chart, page, data: { tables: exploreTables(await readCatalog()) } };
	return { chart: params.chart, page, data: { snapshot: snapshots[page] } };
}
