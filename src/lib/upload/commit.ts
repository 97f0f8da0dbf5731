import type { Connector } from '../db/connector';
import { callWorker } from '../worker-call';
import type { IngestReport } from './ingest';
import { STAGED } from './ingest';
import { setCurrent, type NewVersion, type VersionMeta } from './store';
import { versions } from './versions.svelte';

const LOCK = 'it-market-atlas-commit';

/** Runs `work` holding the commit lock; refuses at once while another tab holds it. */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
	if (!('locks' in navigator)) return work();
	return navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => {
		if (!lock) throw new Error('Another tab is committing a version of a dataset right now. Try again when it has finished.');
		return work();
	}) as Promise<T>;
}

/** Hands the bytes (moved, not copied) to a worker that writes file and manifest in one transaction. */
const storeOffMainThread = (meta: NewVersion, parts: Uint8Array[]) =>
	callWorker<VersionMeta>(new Worker(new URL('./store-worker.ts', import.meta.url), { type: 'module' }), { meta, parts }, [
		...new Set(parts.map((p) => p.buffer))
	]);

/** Stores the staged next version as the dataset's current one, atomically; other tabs switch to it. */
export async function commitStaged(conn: Connector, report: IngestReport, dataset: string, by: string): Promise<VersionMeta> {
	return exclusively(async () => {
		// Stored in the shipped format, Arrow IPC: written by the engine, attached again on reload without parsing.
		const parts = await conn.queryIPC(`SELECT * FROM ${STAGED.next}`);
		const rows = Number((await conn.query(`SELECT count(*) AS n FROM ${STAGED.next}`)).get(0)?.n ?? 0);
		if (navigator.storage?.persist) void navigator.storage.persist();
		const version = await storeOffMainThread({ dataset, fileName: report.fileName, by: by.trim() || 'anonymous', at: new Date().toISOString(), mode: report.mode, rows }, parts);
		await versions.changed(dataset);
		return version;
	});
}

/** Rollback (an earlier version's id) or reset to the shipped data (null). Nothing is deleted. */
export async function switchVersion(dataset: string, id: string | null): Promise<void> {
	await exclusively(() => setCurrent(dataset, id));
	await versions.changed(dataset);
}
