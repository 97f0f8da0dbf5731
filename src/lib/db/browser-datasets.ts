import { base } from '$app/paths';
import { browserConnector } from './browser';
import type { Connector } from './connector';
import { DbError, toDbError } from './errors';
import { layersOf, readStoredFile, type VersionMeta } from '../versions/store';
import { versions } from '../versions/versions.svelte';
import { isPublished } from '../versions/published';
import { callWorker } from '../worker-call';
import { gunzip } from './gunzip';
import { createRollups } from '../datasets/rollups';
import { attachDataset, datasetFile } from './tables';

const attached = new Map<string, Promise<void>>();
let onServer: Promise<Connector> | undefined;
// A commit, rollback or reset (here or in another tab) re-attaches the dataset on its next use.
versions.onChange((dataset) => attached.delete(dataset));

/**
 * The connector for a view of the named datasets: the browser's, with them fetched and attached (each at most once per
 * page), or the Atlas server's when one of them is placed there. `inBrowser` keeps a page on the browser's engine
 * whatever the placements: its own rows (an analyst's upload, a person's pay file) must not leave the browser.
 */
export async function connectorWith(names: string[], { inBrowser = false } = {}): Promise<Connector> {
	// Download the data while the engine compiles; attach once both are ready.
	const engine = browserConnector();
	// Every attachment waits for the versions anyway; a view of a dataset placed on the server queries it there, with
	// the other tables it names (the server holds every dataset's current version).
	await versions.load();
	// Loaded only then: most pages never query the server.
	if (!inBrowser && names.some((name) => versions.onServer(name))) return (onServer ??= import('./server-connector').then((m) => m.serverConnector(browserConnector)));
	const downloads = names.map((name) => attachOnce(engine, name));
	const conn = await engine;
	await Promise.all(downloads);
	return conn;
}

// The last attach started per dataset: a new one waits for it, so two never replace the same table at once (a version
// change can drop an attachment while it is still being made).
const attaching = new Map<string, Promise<void>>();

function attachOnce(engine: Promise<Connector>, name: string): Promise<void> {
	let pending = attached.get(name);
	if (!pending) {
		const previous = attaching.get(name) ?? Promise.resolve();
		// The draft in this browser or the version published on the server, when there is one, else the shipped file.
		pending = previous
			.catch(() => undefined)
			.then(() => versions.load())
			.then(async () => {
				const version = versions.current(name);
				if (!version || !(await attachedVersion(engine, name, version))) {
					const [conn, ipc] = await Promise.all([engine, fetchDataset(name)]);
					await attachDataset(conn, name, ipc);
				}
				await createRollups(await engine, name, 'VIEW');
			});
		pending.catch(() => attached.delete(name));
		attached.set(name, pending);
		attaching.set(name, pending);
	}
	return pending;
}

/**
 * Attaches a draft or published version; one that cannot be read leaves the dataset to the shipped data (false) and says why on
 * every page, rather than failing every query that names the table.
 */
async function attachedVersion(engine: Promise<Connector>, name: string, version: VersionMeta): Promise<boolean> {
	const [{ attachVersion }, { schemaFor }, conn] = await Promise.all([import('../checks/attach-version'), import('../checks/schemas'), engine]);
	try {
		await attachVersion(conn, schemaFor(name)!, layersOf(version), {
			attachBase: async (base, table) =>
				attachDataset(conn, table, base === 'shipped' ? await fetchDataset(name) : new Uint8Array(await (await readStoredFile(base.arrow)).arrayBuffer())),
			file: isPublished(version) ? fetchPublishedFile : readStoredFile,
			dataFile: fetchDataFile
		});
		return true;
	} catch (error) {
		const failure = toDbError('load', error);
		versions.unreadable(name, failure.detail ?? failure.message);
		return false;
	}
}

async function fetchDataset(name: string): Promise<Uint8Array> {
	const file = datasetFile(name);
	let response: Response;
	try {
		response = await fetch(`${base}/datasets/${file}`);
	} catch (error) {
		throw new DbError('load', `The ${name} data could not be downloaded`, `${file}: ${(error as Error).message}`);
	}
	if (!response.ok)
		throw new DbError('load', `The ${name} data could not be downloaded`, `${file}: HTTP ${response.status} ${response.statusText}`.trim());
	const bytes = new Uint8Array(await response.arrayBuffer());
	// Some hosts decode .gz on the way (Content-Encoding); only inflate what still starts with the gzip magic bytes.
	if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
	try {
		return await inflate(bytes);
	} catch (error) {
		throw new DbError('load', `The ${name} data file is damaged`, `${file}: ${(error as Error).message}`);
	}
}

/** A published version's file, from the Atlas server (cached by the browser for good: its name is its SHA-256). */
async function fetchPublishedFile(sha256: string): Promise<Blob> {
	const response = await fetch(`${base}/api/files/${encodeURIComponent(sha256)}`);
	if (!response.ok) throw new Error(`The published file ${sha256.slice(0, 12)}… could not be downloaded (HTTP ${response.status})`);
	return response.blob();
}

/** A file the build copies from data/ beside the datasets (the job family rules). */
export async function fetchDataFile(name: string): Promise<Uint8Array> {
	const response = await fetch(`${base}/datasets/${name}`);
	if (!response.ok) throw new Error(`${name} could not be downloaded (HTTP ${response.status})`);
	return new Uint8Array(await response.arrayBuffer());
}

/** Below this, gunzip on the page: starting a worker costs more than inflating (the page's own tables are 2–14 KB). */
const INFLATE_ON_PAGE_BELOW = 64 * 1024;

/** gunzip; a big file in a worker (the bytes are moved there and back, never copied on the page). */
async function inflate(gzipped: Uint8Array): Promise<Uint8Array> {
	if (gzipped.length < INFLATE_ON_PAGE_BELOW) return gunzip(gzipped);
	return callWorker<Uint8Array>(new Worker(new URL('./inflate-worker.ts', import.meta.url), { type: 'module' }), gzipped, [gzipped.buffer]);
}
