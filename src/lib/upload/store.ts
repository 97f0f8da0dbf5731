/**
 * Committed versions, kept in the browser's IndexedDB: each version's data is an immutable file (the Arrow IPC
 * stream DuckDB wrote, the shipped datasets' format), and one manifest record per dataset says which version is current. A commit writes the file and switches
 * the manifest in one transaction, so a reload, a crash or a closed tab leaves either the old or the new version,
 * never half of one. Nothing is ever deleted: rollback and reset only move the pointer.
 */

export interface VersionMeta {
	id: string;
	dataset: string;
	fileName: string;
	/** Who committed it, as they typed it. */
	by: string;
	/** ISO time of the commit. */
	at: string;
	mode: 'replace' | 'append';
	rows: number;
	bytes: number;
}

/** What the committer says about a version; the store adds its id and size. */
export type NewVersion = Omit<VersionMeta, 'id' | 'bytes'>;

export interface Manifest {
	dataset: string;
	/** The current version, or null for the shipped data. */
	current: string | null;
	versions: VersionMeta[];
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

export async function readVersionFile(id: string): Promise<Uint8Array> {
	const db = await open();
	const blob = (await result(db.transaction(FILES).objectStore(FILES).get(id))) as Blob | undefined;
	if (!blob) throw new Error(`Version ${id} is missing from this browser's storage`);
	return new Uint8Array(await blob.arrayBuffer());
}

/** Stores the version's file (given as the parts of one stream) and makes it current, in one transaction. */
export async function commitVersion(meta: NewVersion, parts: Uint8Array[]): Promise<VersionMeta> {
	const file = new Blob(parts as Uint8Array<ArrayBuffer>[], { type: 'application/vnd.apache.arrow.stream' });
	const version: VersionMeta = { ...meta, id: crypto.randomUUID(), bytes: file.size };
	const db = await open();
	const tx = db.transaction([FILES, MANIFESTS], 'readwrite');
	const manifests = tx.objectStore(MANIFESTS);
	tx.objectStore(FILES).put(file, version.id);
	const manifest = ((await result(manifests.get(meta.dataset))) as Manifest | undefined) ?? emptyManifest(meta.dataset);
	manifests.put({ ...manifest, current: version.id, versions: [...manifest.versions, version] });
	await done(tx);
	return version;
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
