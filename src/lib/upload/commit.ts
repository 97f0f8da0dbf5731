import { callWorker } from '../worker-call';
import type { IngestReport } from '../checks/ingest';
import { commitVersion, deleteUnusedFiles, setCurrent, type VersionMeta } from '../versions/store';
import { versions } from '../versions/versions.svelte';

const LOCK = 'it-market-atlas-commit';

/** Runs `work` holding the commit lock; refuses at once while another tab holds it. */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
	if (!('locks' in navigator)) return work();
	return navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => {
		if (!lock) throw new Error('Another tab is committing a version of a dataset right now. Try again when it has finished.');
		return work();
	}) as Promise<T>;
}

/**
 * Copies a chosen file into storage, in a worker, while DuckDB checks it: a commit then only switches the manifest.
 * What a version keeps is the file itself, untouched, with how it was read: writing a million checked rows out again
 * would take seconds. Resolves to the staged file's key.
 */
export function stageUpload(file: Blob): Promise<string> {
	if (navigator.storage?.persist) void navigator.storage.persist();
	return callWorker<string>(new Worker(new URL('../versions/store-worker.ts', import.meta.url), { type: 'module' }), file, []);
}

/** Forgets a staged file that will not be committed (discarded, failed its checks, replaced by another choice). */
export function discardUpload(staged: Promise<string>): void {
	staged.then((key) => deleteUnusedFiles([key])).catch(() => undefined);
}

/** Makes a checked, staged upload the dataset's current version, atomically; other tabs switch to it. */
export async function commitStaged(report: IngestReport, staged: Promise<string>, dataset: string, by: string): Promise<VersionMeta> {
	const { preview, recipe } = report;
	if (!preview || !recipe) throw new Error('The file has not passed its checks');
	return exclusively(async () => {
		const meta = { dataset, fileName: report.fileName, by: by.trim() || 'anonymous', at: new Date().toISOString(), mode: report.mode, rows: preview.rows, recipe, fileRows: report.rows };
		const version = await commitVersion(meta, await staged, report.size);
		await versions.changed(dataset);
		return version;
	});
}

/** Rollback (an earlier version's id) or reset to the shipped data (null). Nothing is deleted. */
export async function switchVersion(dataset: string, id: string | null): Promise<void> {
	await exclusively(() => setCurrent(dataset, id));
	await versions.changed(dataset);
}
