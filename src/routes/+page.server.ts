import snapshot from '$lib/generated/overview-snapshot.json';
import type { OverviewView } from '$lib/views/overview';

/** The default view, computed at build time by the same query functions, so the first chart never waits for DuckDB. */
export const load = () => ({ snapshot: snapshot as unknown as OverviewView });
