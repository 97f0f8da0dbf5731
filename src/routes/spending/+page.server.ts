import snapshot from '$lib/generated/spending-snapshot.json';
import type { SpendingView } from '$lib/views/spending';

/** The default view, computed at build time by the same query functions. */
export const load = () => ({ snapshot: snapshot as unknown as SpendingView });
