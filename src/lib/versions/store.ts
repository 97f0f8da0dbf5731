/**
 * Committed versions, kept in the browser's IndexedDB: immutable files plus one manifest record per dataset saying
 * which version is current. A version's rows are its base (nothing, the shipped data, or the Arrow file an earlier
 * build stored) followed by the uploaded files, each kept byte for byte with the recipe its checks passed with. A
 * commit writes the file and switches the manifest in one transaction, so a reload, a crash or a closed tab leaves
 * either the old or the new version, never half of one. Nothing is ever deleted: rollback and reset move the pointer
 * (a reset leaves out of the manifest only versions that can no longer be read).
 */
import { checkManifest } from './manifest-check';
import type { ReadRecipe } from '../checks/recipe';

/** An uploaded file a version reads: its key in the files store, and how it is read. */
export interface StoredPart {
	file: string;
	recipe: ReadRecipe;
	/** Data rows the file had when checked; reading it back must give as many. */
	rows: number;
}

/** What a version's rows start from, before its uploaded files. */
export type VersionBase = null | 'shipped' | { arrow: string };

export interface VersionMeta {
	id: string;
	dataset: string;
	fileName: string;
	/** Who committed it, as they typed it. */
	by: string;
	/** ISO time of the commit. */
	at: string;
	mode: 'replace' | 'append';
	/** Rows of the whole version. */
	rows: number;
	/** Size of the file this version added. */
	bytes: number;
	/** Absent in versions stored by earlier builds: their rows are one Arrow IPC file, kept under the version's id. */
	base?: VersionBase;
	parts?: StoredPart[];
}

/** What the committer says about a new version; the store adds its id, size, base and parts. */
export type NewVersion = Omit<VersionMeta, 'id' | 'bytes' | 'base' | 'parts'> & { recipe: ReadRecipe; fileRows: number };

export interface Manifest {
	dataset: string;
	/** The current version, or null for the shipped data. */
	current: string | null;
	versions: VersionMeta[];
}

/** A version's base and uploaded files, whichever build stored it. */
export function layersOf(version: VersionMeta): { base: VersionBase; parts: StoredPart[] } {
	return version.parts ? { base: version.base ?? null, parts: version.parts } : { base: { arrow: version.id }, parts: [] };
}

const DB = 'it-market-atlas';
const FILES = 'files';
const MANIFESTS = 'manifests';

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
	opened ??= new Promise((resolve, reject) => {
		const request = indexedDB.open(DB, 1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore(FILES);
			request.result.createObjectStore(MANIFESTS, { keyPath: 'dataset' });
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	opened.catch(() => (opened = undefined));
	return opened;
}

const done = (tx: IDBTransaction) =>
	new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('The browser refused to store the version'));
	});

const result = <T>(request: IDBRequest<T>) =>
	new Promise<T>((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});

export const emptyManifest = (dataset: string): Manifest => ({ dataset, current: null, versions: [] });

/** Each dataset's checked manifest, and why a dataset's uploaded version cannot be used (it then shows the shipped data). */
export interface StoredState {
	manifests: Manifest[];
	problems: Record<string, string>;
}

export async function readManifests(): Promise<StoredState> {
	const db = await open();
	const tx = db.transaction([FILES, MANIFESTS]);
	const state: StoredState = { manifests: [], problems: {} };
	for (const record of await result(tx.objectStore(MANIFESTS).getAll())) {
		const checked = await usable(tx.objectStore(FILES), record);
		if (!checked) continue;
		state.manifests.push(checked.manifest);
		if (checked.problem) state.problems[checked.manifest.dataset] = checked.problem;
	}
	return state;
}

/** A manifest record, checked, with current on the shipped data when a file its current version reads is gone. */
async function usable(files: IDBObjectStore, record: unknown): Promise<ReturnType<typeof checkManifest>> {
	const checked = checkManifest(record);
	const current = checked?.manifest.versions.find((v) => v.id === checked.manifest.current);
	const missing = current && (await missingFile(files, current));
	if (!missing) return checked;
	return { manifest: { ...checked!.manifest, current: null }, problem: `${missing} is missing from this browser's storage` };
}

/** The name of the first stored file `version` reads that the files store no longer holds, if any. */
async function missingFile(files: IDBObjectStore, version: VersionMeta): Promise<string | null> {
	const { base, parts } = layersOf(version);
	if (base && base !== 'shipped' && !(await result(files.count(base.arrow)))) return `the data stored for ${version.fileName} by an earlier build`;
	for (const part of parts) if (!(await result(files.count(part.file)))) return part.recipe.fileName;
	return null;
}

/** A stored file as the browser keeps it: read piece by piece by whoever needs it, never copied whole onto the page. */
export async function readStoredFile(key: string): Promise<Blob> {
	const db = await open();
	const blob = (await result(db.transaction(FILES).objectStore(FILES).get(key))) as Blob | undefined;
	if (!blob) throw new Error(`File ${key} is missing from this browser's storage`);
	return blob;
}

const STAGED_PREFIX = 'staged-';

/**
 * Keeps an upload's file under a new key, in no version yet: done while the file is checked, so that a commit only
 * has to switch the manifest. The key holds the time, for `deleteUnusedFiles`.
 */
export async function stageFile(file: Blob): Promise<string> {
	const key = `${STAGED_PREFIX}${Date.now()}-${crypto.randomUUID()}`;
	const db = await open();
	const tx = db.transaction(FILES, 'readwrite');
	tx.objectStore(FILES).put(file, key);
	await done(tx);
	return key;
}

/**
 * Makes a staged file (`key`) a new version and the current one, in one transaction. An append builds on whatever
 * version is current when the transaction runs.
 */
export async function commitVersion(meta: NewVersion, key: string, bytes: number): Promise<VersionMeta> {
	const { recipe, fileRows, ...about } = meta;
	const db = await open();
	const tx = db.transaction([FILES, MANIFESTS], 'readwrite');
	const manifests = tx.objectStore(MANIFESTS);
	if (!(await result(tx.objectStore(FILES).count(key)))) {
		tx.abort();
		throw new Error('The checked file is no longer in storage; choose it again.');
	}
	const manifest = (await usable(tx.objectStore(FILES), await result(manifests.get(meta.dataset))))?.manifest ?? emptyManifest(meta.dataset);
	const current = manifest.versions.find((v) => v.id === manifest.current);
	const under = meta.mode === 'replace' ? { base: null, parts: [] } : current ? layersOf(current) : { base: 'shipped' as const, parts: [] };
	const version: VersionMeta = { ...about, id: crypto.randomUUID(), bytes, base: under.base, parts: [...under.parts, { file: key, recipe, rows: fileRows }] };
	manifests.put({ ...manifest, current: version.id, versions: [...manifest.versions, version] });
	await done(tx);
	return version;
}

/**
 * Deletes staged files no version uses: `keys`, or else every one staged longer ago than `olderThanMs` (left by a
 * tab closed between choosing a file and committing it; younger ones may still be on their way to a commit).
 */
export async function deleteUnusedFiles(keys: string[] | null, olderThanMs = 24 * 3600 * 1000): Promise<void> {
	const db = await open();
	const tx = db.transaction([FILES, MANIFESTS], 'readwrite');
	// Matched against the records as stored, damaged ones too: a file stays while anything still names it.
	const named = namedIn(await result(tx.objectStore(MANIFESTS).getAll()));
	const files = tx.objectStore(FILES);
	const stagedAt = (key: string) => (key.startsWith(STAGED_PREFIX) ? Number(key.split('-')[1]) : Date.now());
	const candidates = keys ?? ((await result(files.getAllKeys())) as string[]).filter((key) => Date.now() - stagedAt(key) > olderThanMs);
	if (named !== null) for (const key of candidates) if (!named.includes(JSON.stringify(key))) files.delete(key);
	await done(tx);
}

/** The records as JSON, or null when a damaged one cannot be written out (then nothing is deleted). */
function namedIn(records: unknown[]): string | null {
	try {
		return JSON.stringify(records, (_, value) => (typeof value === 'bigint' ? String(value) : value));
	} catch {
		return null;
	}
}

/**
 * Makes an earlier version current (rollback), or the shipped data with null (reset). The manifest is written back in
 * its checked form, so a reset also repairs a damaged record: the versions kept are those whose files can still be read.
 */
export async function setCurrent(dataset: string, id: string | null): Promise<void> {
	const db = await open();
	const tx = db.transaction([FILES, MANIFESTS], 'readwrite');
	const store = tx.objectStore(MANIFESTS);
	const checked = checkManifest(await result(store.get(dataset)))?.manifest ?? emptyManifest(dataset);
	const readable: VersionMeta[] = [];
	for (const version of checked.versions) if (!(await missingFile(tx.objectStore(FILES), version))) readable.push(version);
	if (id !== null && !readable.some((v) => v.id === id)) {
		tx.abort();
		throw new Error(checked.versions.some((v) => v.id === id) ? `That version's file is missing from this browser's storage` : `No version ${id} of ${dataset}`);
	}
	store.put({ dataset, current: id, versions: readable } satisfies Manifest);
	await done(tx);
}
