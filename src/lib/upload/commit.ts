import type { Connector } from '../db/connector';
import type { IngestReport } from './ingest';
import { STAGED } from './ingest';
import { commitVersion, setCurrent, type VersionMeta } from './store';
import { versions } from './versions.svelte';
import { CSV_OPTIONS } from './export';

const LOCK = 'it-market-atlas-commit';

/** Runs `work` holding the commit lock; refuses at once while another tab holds it. */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
	if (!('locks' in navigator)) return work();
	return navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => {
		if (!lock) throw new Error('Another tab is committing a version of a dataset right now. Try again when it has finished.');
		return work();
	}) as Promise<T>;
}

/** Stores the staged next version as the dataset's current one, atomically; other tabs switch to it. */
export async function commitStaged(conn: Connector, report: IngestReport, dataset: string, by: string): Promise<VersionMeta> {
	return exclusively(async () => {
		const bytes = await conn.copyToBuffer(`SELECT * FROM ${STAGED.next}`, 'commit.csv', CSV_OPTIONS);
		const rows = Number((await conn.query(`SELECT count(*) AS n FROM ${STAGED.next}`)).get(0)?.n ?? 0);
		if (navigator.storage?.persist) void navigator.storage.persist();
		const version = await commitVersion({ dataset, fileName: report.fileName, by: by.trim() || 'anonymous', at: new Date().toISOString(), mode: report.mode, rows }, bytes);
		await versions.changed(dataset);
		return version;
	});
}

/** Rollback (an earlier version's id) or reset to the shipped data (null). Nothing is deleted. */
export async function switchVersion(dataset: string, id: string | null): Promise<void> {
	await exclusively(() => setCurrent(dataset, id));
	await versions.changed(dataset);
}
