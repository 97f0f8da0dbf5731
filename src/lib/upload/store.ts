/**
 * Committed versions, kept in the browser's IndexedDB: immutable files plus one manifest record per dataset saying
 * which version is current. A version's rows are its base (nothing, the shipped data, or the Arrow file an earlier
 * build stored) followed by the uploaded files, each kept byte for byte with the recipe its checks passed with. A
 * commit writes the file and switches the manifest in one transaction, so a reload, a crash or a closed tab leaves
 * either the old or the new version, never half of one. Nothing is ever deleted: rollback and reset move the pointer.
 */
import type { ReadRecipe } from './recipe';

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

export async function readManifests(): Promise<Manifest[]> {
	const db = await open();
	return result(db.transaction(MANIFESTS).objectStore(MANIFESTS).getAll() as IDBRequest<Manifest[]>);
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
	const manifest = ((await result(manifests.get(meta.dataset))) as Manifest | undefined) ?? emptyManifest(meta.dataset);
	const current = manifest.versions.find((v) => v.id === manifest.current);
	const under = meta.mode === 'replace' ? { base: null, parts: [] } : current ? layersOf(current) : { base: 'shipped' as const, parts: [] };
	const version: VersionMeta = { ...about, id: crypto.randomUUID(), bytes, base: under.base, parts: [...under.parts, { file: key, recipe, rows: fileRows }] };
	manifests.put({ ...manifest, current: version.id, versions: [...manifest.versions, version] });
	await done(tx);
	return version;
}

/** Every stored file a version needs. */
function usedFiles(manifests: Manifest[]): Set<string> {
	return new Set(
		manifests.flatMap((m) =>
			m.versions.flatMap((v) => {
				const { base, parts } = layersOf(v);
				return [...(base && base !== 'shipped' ? [base.arrow] : []), ...parts.map((p) => p.file)];
			})
		)
	);
}

/**
 * Deletes staged files no version uses: `keys`, or else every one staged longer ago than `olderThanMs` (left by a
 * tab closed between choosing a file and committing it; younger ones may still be on their way to a commit).
 */
export async function deleteUnusedFiles(keys: string[] | null, olderThanMs = 24 * 3600 * 1000): Promise<void> {
	const db = await open();
	const tx = db.transaction([FILES, MANIFESTS], 'readwrite');
	const used = usedFiles((await result(tx.objectStore(MANIFESTS).getAll())) as Manifest[]);
	const files = tx.objectStore(FILES);
	const stagedAt = (key: string) => (key.startsWith(STAGED_PREFIX) ? Number(key.split('-')[1]) : Date.now());
	const candidates = keys ?? ((await result(files.getAllKeys())) as string[]).filter((key) => Date.now() - stagedAt(key) > olderThanMs);
	for (const key of candidates) if (!used.has(key)) files.delete(key);
	await done(tx);
}

/** Makes an earlier version current (rollback), or the shipped data with null (reset). */
export async function setCurrent(dataset: string, id: string | null): Promise<void> {
	const db = await open();
	const tx = db.transaction(MANIFESTS, 'readwrite');
	const store = tx.objectStore(MANIFESTS);
	const manifest = ((await result(store.get(dataset))) as Manifest | undefined) ?? emptyManifest(dataset);
	if (id !== null && !manifest.versions.some((v) => v.id === id)) throw new Error(`No version ${id} of ${dataset}`);
	store.put({ ...manifest, current: id });
	await done(tx);
}
