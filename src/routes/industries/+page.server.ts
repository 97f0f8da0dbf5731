import snapshot from '$lib/generated/industries-snapshot.json';
import type { IndustriesView } from '$lib/views/industries';

/** The page's figures, computed at build time by the same query functions. */
export const load = () => ({ snapshot: snapshot as unknown as IndustriesView });
