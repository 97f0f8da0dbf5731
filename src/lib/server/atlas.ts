import { dataDir } from './config';
import { AtlasStore } from './store';

const key = Symbol.for('it-market-atlas.store');
type Holder = { [key]?: Promise<AtlasStore> };

/**
 * The server's one store. The server entry (src/serve.ts) opens it before listening, so a damaged data directory is
 * reported at start-up; the routes, bundled separately by SvelteKit, find the same one here.
 */
export function atlas(): Promise<AtlasStore> {
	const holder = globalThis as Holder;
	holder[key] ??= AtlasStore.open(dataDir());
	return holder[key];
}

export async function closeAtlas(): Promise<void> {
	const holder = globalThis as Holder;
	const store = await holder[key]?.catch(() => undefined);
	await store?.close();
	delete holder[key];
}
