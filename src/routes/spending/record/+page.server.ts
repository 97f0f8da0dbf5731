import snapshot from '$lib/generated/record-snapshot.json';
import type { ForecastRecordView } from '$lib/views/forecast-record';

/** The default view, computed at build time by the same query functions. */
export const load = () => ({ snapshot: snapshot as unknown as ForecastRecordView });
