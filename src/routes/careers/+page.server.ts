import snapshot from '$lib/generated/careers-snapshot.json';
import type { CareersView } from '$lib/views/careers';

/** The default view, computed at build time by the same query functions. */
export const load = () => ({ snapshot: snapshot as unknown as CareersView });
