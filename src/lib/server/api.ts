/**
 * The Atlas server's API, as functions of a request: the routes under src/routes/api/ hand their events here, and the
 * tests call the same functions on a real database in a temporary folder. Reads are open to everyone; every write
 * needs a publisher's session, its CSRF token in a header, a same-origin request and, for a change to a dataset, the
 * version it was based on in If-Match.
 */
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { tableToIPC } from 'apache-arrow';
import { schemaFor } from '../checks/schemas';
import { datasets } from '../datasets';
import type { Param } from '../db/connector';
import { toDbError } from '../db/errors';
import { publisherNames, verifyPublisher } from './accounts';
import { maxPublishBytes } from './config';
import { log } from './log';
import { checkOnServer, type PublishRequest } from './publish-check';
import { placements } from './placement';
import { receiveFile, TooLarge } from './receive';
import { MAX_SQL_CHARS, QueryRefused } from './server-queries';
import { cookieOptions, createSession, CSRF_HEADER, csrfMatches, endSession, readSession, SESSION_COOKIE, SignInLimiter, type Session } from './sessions';
import { Conflict, SHIPPED, type AtlasStore } from './store';

/** The part of SvelteKit's RequestEvent the API uses. */
export interface ApiEvent {
	request: Request;
	url: URL;
	params: Record<string, string>;
	cookies: {
		get(name: string): string | undefined;
		set(name: string, value: string, options: ReturnType<typeof cookieOptions>): void;
		delete(name: string, options: { path: string }): void;
	};
	getClientAddress(): string;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers } });
const refuse = (status: number, error: string, extra: Record<string, unknown> = {}) => json({ error, ...extra }, status);

/** A write's session, or the response that refuses it. */
async function writer(store: AtlasStore, event: ApiEvent): Promise<Session | Response> {
	const origin = event.request.headers.get('origin');
	if (origin !== null && origin !== event.url.origin) return refuse(403, `Writes are accepted only from this site (${event.url.origin}), not from ${origin}.`);
	const session = await readSession(store, event.cookies.get(SESSION_COOKIE));
	if (!session) return refuse(401, 'Sign in as a publisher first: viewers can read, only publishers can change what everyone sees.');
	if (!csrfMatches(session, event.request.headers.get(CSRF_HEADER))) return refuse(403, 'The request did not carry this session’s CSRF token: reload the page and try again.');
	return session;
}

/** The version a change was based on, from If-Match ("<id>" or "shipped"). */
function basedOn(request: Request): string | null {
	const value = request.headers.get('if-match');
	if (!value) return null;
	return value.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}

function datasetOf(event: ApiEvent) {
	const schema = schemaFor(event.params.dataset ?? '');
	return schema ?? null;
}

export async function getSession(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const session = await readSession(store, event.cookies.get(SESSION_COOKIE));
	return json({ server: true, publisher: session?.publisher ?? null, csrf: session?.csrf ?? null, publishers: publisherNames(store.dir).length });
}

const limiter = new SignInLimiter();

export async function signIn(store: AtlasStore, event: ApiEvent, limits = limiter): Promise<Response> {
	const origin = event.request.headers.get('origin');
	if (origin !== null && origin !== event.url.origin) return refuse(403, 'Sign in on this site itself.');
	let body: { name?: unknown; password?: unknown };
	try {
		body = await event.request.json();
	} catch {
		return refuse(400, 'Send the name and password as JSON.');
	}
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	const password = typeof body.password === 'string' ? body.password : '';
	const keys = [`name:${name.toLowerCase()}`, `address:${event.getClientAddress()}`];
	const wait = limits.wait(keys);
	if (wait > 0) {
		log('sign-in.limited', { name, address: event.getClientAddress() }, 'warn');
		return json({ error: `Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.` }, 429, { 'retry-after': String(wait) });
	}
	const publisher = name && password ? await verifyPublisher(store.dir, name, password) : null;
	if (!publisher) {
		limits.failed(keys);
		await store.audit(name || '(no name)', 'sign-in refused', `from ${event.getClientAddress()}`);
		log('sign-in.refused', { name, address: event.getClientAddress() }, 'warn');
		return refuse(401, 'That name and password do not match a publisher.');
	}
	limits.succeeded(keys);
	const { cookie, session } = await createSession(store, publisher);
	event.cookies.set(SESSION_COOKIE, cookie, cookieOptions(event.url.protocol === 'https:'));
	await store.audit(publisher, 'sign-in', `from ${event.getClientAddress()}`);
	log('sign-in', { publisher });
	return json({ server: true, publisher, csrf: session.csrf });
}

export async function signOut(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const session = await writer(store, event);
	if (session instanceof Response) return session;
	await endSession(store, event.cookies.get(SESSION_COOKIE)!);
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
	await store.audit(session.publisher, 'sign-out');
	return json({ server: true, publisher: null, csrf: null });
}

/** Every dataset's current published version: what every page, embed and deck reads. */
export async function getPublished(store: AtlasStore): Promise<Response> {
	const published = await store.published();
	const revision = Object.values(published)
		.map((v) => v.id)
		.join(',');
	const placed = placements(published, await store.placementsSet(), datasets.map((d) => d.name));
	const onServer = Object.entries(placed)
		.filter(([, p]) => p.placement === 'server')
		.map(([name]) => name);
	// The revision names the placements too: a page re-runs its queries on the other engine when one changes.
	const tag = [revision || SHIPPED, ...onServer.map((name) => `${name}@server`)].join(',');
	return json({ server: true, revision: tag, datasets: published, placements: placed }, 200, { etag: `"${tag}"`, 'cache-control': 'no-cache' });
}

/** A publisher moves a dataset's queries to the server, back to the browser, or to the size rule ({ placement }). */
export async function setPlacement(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const session = await writer(store, event);
	if (session instanceof Response) return session;
	const schema = datasetOf(event);
	if (!schema) return refuse(404, `No dataset ${event.params.dataset}`);
	let placement: unknown;
	try {
		placement = (await event.request.json()).placement;
	} catch {
		placement = undefined;
	}
	if (placement !== 'server' && placement !== 'browser' && placement !== 'auto')
		return refuse(400, 'Send { "placement": "server" | "browser" | "auto" } as JSON ("auto": by size).');
	await store.setPlacement(schema.dataset.name, placement, session.publisher);
	log('placement', { dataset: schema.dataset.name, placement, by: session.publisher });
	return getPublished(store);
}

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/**
 * Runs one read-only query of the views or the SQL console on the server's DuckDB ({ sql, params } as JSON) and
 * answers its rows as an Arrow IPC stream. Reads are open to everyone, as the published files are; a request from
 * another site is refused all the same (it could only spend the server's time).
 */
export async function runQuery(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const origin = event.request.headers.get('origin');
	if (origin !== null && origin !== event.url.origin) return refuse(403, `Queries are accepted only from this site (${event.url.origin}).`);
	if (Number(event.request.headers.get('content-length') ?? 0) > MAX_SQL_CHARS * 4) return refuse(413, 'The query is too long.');
	let body: { sql?: unknown; params?: unknown };
	try {
		body = await event.request.json();
	} catch {
		return refuse(400, 'Send { "sql": "...", "params": [...] } as JSON.');
	}
	const started = performance.now();
	try {
		const table = await store.queries.run(body.sql as string, (body.params ?? []) as Param[], { signal: event.request.signal });
		const ipc = tableToIPC(table, 'stream');
		return new Response(ipc as Uint8Array<ArrayBuffer>, {
			headers: { 'content-type': ARROW_STREAM, 'cache-control': 'no-store', 'x-atlas-rows': String(table.numRows), 'server-timing': `query;dur=${(performance.now() - started).toFixed(1)}` }
		});
	} catch (error) {
		if (error instanceof QueryRefused) return refuse(error.status, error.message);
		const failure = toDbError('query', error);
		return refuse(400, failure.detail ?? failure.message);
	}
}

export async function getHistory(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const schema = datasetOf(event);
	if (!schema) return refuse(404, `No dataset ${event.params.dataset}`);
	const current = await store.current(schema.dataset.name);
	return json({ dataset: schema.dataset.name, current: current?.id ?? SHIPPED, versions: await store.history(schema.dataset.name) });
}

/** Hooks for the crash test: where a publish may be made to stop, by `ATLAS_TEST_CRASH_AT` (tests only). */
export type CrashPoint = 'before-write' | 'during-write' | 'after-write' | 'in-transaction';
const crashAt = () => process.env.ATLAS_TEST_CRASH_AT as CrashPoint | undefined;
function crashIf(point: CrashPoint) {
	if (crashAt() !== point) return;
	log('crash-test.kill', { point }, 'warn');
	process.kill(process.pid, 'SIGKILL');
}

/**
 * Publish: the file streams to disk (capped, hashed, fsynced), is checked again with native DuckDB against the current
 * version, and becomes current in one transaction, provided the version it was based on (If-Match) still is.
 */
export async function publish(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const session = await writer(store, event);
	if (session instanceof Response) return session;
	const schema = datasetOf(event);
	if (!schema) return refuse(404, `No dataset ${event.params.dataset}`);
	const dataset = schema.dataset.name;
	const expected = basedOn(event.request);
	if (!expected) return refuse(428, 'Say which version this publish is based on (If-Match: the current version id, or "shipped").');
	let about: PublishRequest;
	try {
		about = JSON.parse(decodeURIComponent(event.request.headers.get('x-atlas-upload') ?? ''));
		if (typeof about.fileName !== 'string' || !['replace', 'append'].includes(about.mode)) throw new Error();
	} catch {
		return refuse(400, 'Send how the file was read (X-Atlas-Upload: its name, mode, mapping and delimiter as JSON).');
	}
	const length = Number(event.request.headers.get('content-length') ?? NaN);
	const cap = maxPublishBytes();
	if (length > cap) return refuse(413, new TooLarge(cap).message);
	const current = await store.current(dataset);
	if ((current?.id ?? SHIPPED) !== expected) {
		const conflict = new Conflict(dataset, expected, current);
		return refuse(409, conflict.message, { current: current?.id ?? SHIPPED, currentVersion: current });
	}
	if (!event.request.body) return refuse(400, 'The request has no file.');
	crashIf('before-write');
	const started = performance.now();
	let received;
	try {
		let half = false;
		received = await receiveFile(event.request.body, store.tmp, cap, (bytes) => {
			if (half || crashAt() !== 'during-write' || bytes <= length / 2) return;
			half = true;
			crashIf('during-write');
		});
	} catch (error) {
		if (error instanceof TooLarge) return refuse(413, error.message);
		throw error;
	}
	crashIf('after-write');
	const stored = performance.now();
	try {
		const report = await checkOnServer(store, schema, received.path, about, current);
		const checked = performance.now();
		if (report.problem || report.errorCount || !report.recipe || !report.preview)
			return refuse(422, report.problem?.message ?? `${report.errorCount.toLocaleString('en')} errors: the server's checks refused the file.`, { report });
		const version = await store.publish(
			received,
			{ dataset, fileName: about.fileName, mode: about.mode, recipe: report.recipe, fileRows: report.rows, rows: report.preview.rows, by: session.publisher },
			expected,
			{ beforeCommit: async () => crashIf('in-transaction') }
		);
		const timings = { receiveMs: Math.round(stored - started), checkMs: Math.round(checked - stored), commitMs: Math.round(performance.now() - checked) };
		log('publish', { dataset, version: version.id, by: session.publisher, file: about.fileName, bytes: received.bytes, rows: version.rows, ...timings });
		return json({ version, timings }, 201, { etag: `"${version.id}"` });
	} catch (error) {
		if (error instanceof Conflict) return refuse(409, error.message, { current: error.current?.id ?? SHIPPED, currentVersion: error.current });
		throw error;
	} finally {
		await rm(received.path, { force: true });
	}
}

/** Rollback to an earlier version ({ id }) or back to the shipped data ({ id: null }). */
export async function setCurrent(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const session = await writer(store, event);
	if (session instanceof Response) return session;
	const schema = datasetOf(event);
	if (!schema) return refuse(404, `No dataset ${event.params.dataset}`);
	const expected = basedOn(event.request);
	if (!expected) return refuse(428, 'Say which version this change is based on (If-Match).');
	let id: string | null;
	try {
		const body = await event.request.json();
		id = body.id === null ? null : String(body.id);
	} catch {
		return refuse(400, 'Send { "id": <version id or null> } as JSON.');
	}
	try {
		await store.setCurrent(schema.dataset.name, id, session.publisher, expected);
	} catch (error) {
		if (error instanceof Conflict) return refuse(409, error.message, { current: error.current?.id ?? SHIPPED, currentVersion: error.current });
		if (error instanceof RangeError) return refuse(404, error.message);
		throw error;
	}
	log(id ? 'rollback' : 'reset', { dataset: schema.dataset.name, version: id, by: session.publisher });
	return json({ current: id ?? SHIPPED }, 200, { etag: `"${id ?? SHIPPED}"` });
}

const safeName = (name: string) => name.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'upload.csv';

/** A version's own file, byte for byte as it was uploaded, under its own name. */
export async function downloadVersionFile(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const version = await store.version(event.params.id ?? '');
	if (!version?.parts?.length) return refuse(404, 'No such version');
	const part = version.parts.at(-1)!;
	return fileResponse(store, part.file, { 'content-disposition': `attachment; filename="${safeName(version.fileName)}"` });
}

/** A published file by its SHA-256: what the browser reads to attach a version. Never changes, so cached for good. */
export async function getFile(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const sha = event.params.sha ?? '';
	if (!/^[0-9a-f]{64}$/.test(sha)) return refuse(404, 'No such file');
	return fileResponse(store, sha, { 'cache-control': 'public, max-age=31536000, immutable' });
}

async function fileResponse(store: AtlasStore, sha: string, headers: Record<string, string>): Promise<Response> {
	const file = store.filePath(sha);
	const info = await stat(file).catch(() => null);
	if (!info) return refuse(404, 'The file is missing on the server');
	const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
	return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-length': String(info.size), 'x-content-type-options': 'nosniff', ...headers } });
}

export async function getAudit(store: AtlasStore, event: ApiEvent): Promise<Response> {
	const session = await readSession(store, event.cookies.get(SESSION_COOKIE));
	if (!session) return refuse(401, 'The audit log is for publishers: sign in first.');
	return json({ entries: await store.auditLog() });
}

export async function health(store: AtlasStore): Promise<Response> {
	const published = await store.published();
	const ok = store.damage.length === 0;
	return json({ ok, published: Object.keys(published).length, problems: store.damage }, ok ? 200 : 503);
}
