import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPublisher, removePublisher } from './accounts';
import { getHistory, getPublished, getSession, publish, setCurrent, setPlacement, signIn, signOut, type ApiEvent } from './api';
import { placements, SERVER_ROWS } from './placement';
import { SignInLimiter } from './sessions';
import { AtlasStore, SHIPPED, type PublishedVersion } from './store';

/** The API on a real DuckDB database file in a temporary data directory, called as the routes call it. */
const fixtures = path.resolve('tests/fixtures/upload');
// Real Gartner rows split by release: the state up to July 2025, then February 2026's release as the newer one.
const older = readFileSync(path.join(fixtures, 'gartner-releases-to-2025-07.csv'));
const newer = readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv'));
const ORIGIN = 'http://atlas.test';
let dir: string;
let store: AtlasStore;

beforeAll(async () => {
	dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-api-'));
	store = await AtlasStore.open(dir);
	await addPublisher(dir, 'ana', 'correct horse battery');
	await addPublisher(dir, 'ben', 'staple lemon quartz');
});
afterAll(async () => {
	await store?.close();
	rmSync(dir, { recursive: true, force: true });
});

interface Call {
	method?: string;
	headers?: Record<string, string>;
	body?: BodyInit;
	cookie?: string;
	params?: Record<string, string>;
}

/** A request as SvelteKit hands it to a route, with a cookie jar the response can set. */
function event(url: string, call: Call = {}): ApiEvent & { jar: Map<string, string> } {
	const jar = new Map<string, string>();
	if (call.cookie) jar.set('atlas_session', call.cookie);
	const init: RequestInit & { duplex?: string } = { method: call.method ?? 'GET', headers: call.headers, body: call.body, duplex: 'half' };
	return {
		request: new Request(`${ORIGIN}${url}`, init),
		url: new URL(`${ORIGIN}${url}`),
		params: call.params ?? {},
		jar,
		cookies: { get: (name) => jar.get(name), set: (name, value) => void jar.set(name, value), delete: (name) => void jar.delete(name) },
		getClientAddress: () => '127.0.0.1'
	};
}

async function signedIn(name: string, password: string) {
	const e = event('/api/session', { method: 'POST', headers: { origin: ORIGIN }, body: JSON.stringify({ name, password }) });
	const response = await signIn(store, e, new SignInLimiter());
	expect(response.status).toBe(200);
	return { cookie: e.jar.get('atlas_session')!, csrf: (await response.json()).csrf as string };
}

function publishCall(as: { cookie?: string; csrf?: string }, bytes: Uint8Array, ifMatch: string | null, mode: 'append' | 'replace' = 'append', fileName = 'gartner-release-2026-02.csv') {
	const headers: Record<string, string> = {
		origin: ORIGIN,
		'x-atlas-upload': encodeURIComponent(JSON.stringify({ fileName, mode })),
		'content-type': 'text/csv',
		'content-length': String(bytes.length)
	};
	if (as.csrf) headers['x-atlas-csrf'] = as.csrf;
	if (ifMatch) headers['if-match'] = `"${ifMatch}"`;
	return publish(store, event('/api/datasets/it_spending/versions', { method: 'POST', headers, body: bytes as Uint8Array<ArrayBuffer>, cookie: as.cookie, params: { dataset: 'it_spending' } }));
}

const currentId = async () => (await store.current('it_spending'))?.id ?? SHIPPED;
const storedFiles = () => readdirSync(path.join(dir, 'files')).sort();

describe('every write is refused without a session, a CSRF token or the same origin', () => {
	it('publish without a session: 401, nothing stored', async () => {
		const response = await publishCall({}, newer, SHIPPED);
		expect(response.status).toBe(401);
		expect((await response.json()).error).toContain('Sign in');
		expect(await currentId()).toBe(SHIPPED);
		expect(storedFiles()).toEqual([]);
		expect(readdirSync(path.join(dir, 'tmp')).filter((name) => name.endsWith('.part'))).toEqual([]);
	});

	it('publish with a session but a wrong or missing CSRF token: 403', async () => {
		const { cookie, csrf } = await signedIn('ana', 'correct horse battery');
		expect((await publishCall({ cookie, csrf: csrf.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }, newer, SHIPPED)).status).toBe(403);
		expect((await publishCall({ cookie }, newer, SHIPPED)).status).toBe(403);
		expect(await currentId()).toBe(SHIPPED);
	});

	it('a session from another origin is refused', async () => {
		const { cookie, csrf } = await signedIn('ana', 'correct horse battery');
		const e = event('/api/datasets/it_spending/current', {
			method: 'PUT',
			headers: { origin: 'http://evil.test', 'x-atlas-csrf': csrf, 'if-match': `"${SHIPPED}"` },
			body: JSON.stringify({ id: null }),
			cookie,
			params: { dataset: 'it_spending' }
		});
		expect((await setCurrent(store, e)).status).toBe(403);
	});

	it('rollback and sign-out without a session: 401; with a bad token: 403', async () => {
		const rollback = (cookie?: string, csrf?: string) =>
			setCurrent(
				store,
				event('/api/datasets/it_spending/current', {
					method: 'PUT',
					headers: { origin: ORIGIN, 'if-match': `"${SHIPPED}"`, ...(csrf ? { 'x-atlas-csrf': csrf } : {}) },
					body: JSON.stringify({ id: null }),
					cookie,
					params: { dataset: 'it_spending' }
				})
			);
		expect((await rollback()).status).toBe(401);
		expect((await rollback('forged-cookie', 'forged-token')).status).toBe(401);
		const { cookie } = await signedIn('ana', 'correct horse battery');
		expect((await rollback(cookie, 'wrong')).status).toBe(403);
		expect((await signOut(store, event('/api/session', { method: 'DELETE', headers: { origin: ORIGIN } }))).status).toBe(401);
		expect((await signOut(store, event('/api/session', { method: 'DELETE', headers: { origin: ORIGIN, 'x-atlas-csrf': 'x' }, cookie }))).status).toBe(403);
	});

	it('a wrong password gets no session, and the sixth try in a row is refused whatever the password', async () => {
		const limits = new SignInLimiter();
		const tryWith = (password: string) => {
			const e = event('/api/session', { method: 'POST', headers: { origin: ORIGIN }, body: JSON.stringify({ name: 'ben', password }) });
			return signIn(store, e, limits).then((r) => ({ status: r.status, cookie: e.jar.get('atlas_session') }));
		};
		for (let i = 0; i < 5; i++) expect(await tryWith('not the password')).toEqual({ status: 401, cookie: undefined });
		expect(await tryWith('staple lemon quartz')).toMatchObject({ status: 429, cookie: undefined });
	});

	it('a removed publisher’s session stops working at once', async () => {
		await addPublisher(dir, 'cleo', 'temporary access only');
		const cleo = await signedIn('cleo', 'temporary access only');
		await removePublisher(dir, 'cleo');
		expect((await publishCall(cleo, newer, SHIPPED)).status).toBe(401);
		expect((await (await getSession(store, event('/api/session', { cookie: cleo.cookie }))).json()).publisher).toBeNull();
	});

	it('a publish must say what it was based on (If-Match)', async () => {
		const ana = await signedIn('ana', 'correct horse battery');
		expect((await publishCall(ana, newer, null)).status).toBe(428);
	});
});

describe('publishing', () => {
	let first: PublishedVersion;

	it('a checked file becomes the current version in one transaction, stored as uploaded', async () => {
		const ana = await signedIn('ana', 'correct horse battery');
		const base = await (await publishCall(ana, older, SHIPPED, 'replace', 'gartner-releases-to-2025-07.csv')).json();
		expect(base.version, JSON.stringify(base).slice(0, 300)).toMatchObject({ base: null, mode: 'replace', rows: 300 });
		const response = await publishCall(ana, newer, base.version.id);
		const body = await response.json();
		expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(201);
		first = body.version;
		expect(first).toMatchObject({ dataset: 'it_spending', by: 'ana', mode: 'append', base: null, basedOn: base.version.id, bytes: newer.length, rows: 312 });
		// An append reads the version it was based on, then the new file.
		expect(first.parts!.map((p) => p.rows)).toEqual([300, 12]);
		expect(await currentId()).toBe(first.id);
		// Content-addressed, byte for byte.
		const newerFile = `${first.parts![1].file}.csv`;
		expect(storedFiles()).toEqual([`${first.parts![0].file}.csv`, newerFile].sort());
		expect(readFileSync(path.join(dir, 'files', newerFile)).equals(newer)).toBe(true);
		const published = await (await getPublished(store)).json();
		expect(published.datasets.it_spending.id).toBe(first.id);
		const log = await store.auditLog();
		expect(log.filter((e) => e.action === 'publish')).toHaveLength(2);
	});

	it('a second publisher based on the older version gets a conflict naming both, and nothing changes', async () => {
		const ben = await signedIn('ben', 'staple lemon quartz');
		const response = await publishCall(ben, newer, SHIPPED, 'replace', 'ben-release.csv');
		expect(response.status).toBe(409);
		const body = await response.json();
		expect(body.error).toContain('based on the shipped data');
		expect(body.error).toContain('gartner-release-2026-02.csv, published by ana');
		expect(body.current).toBe(first.id);
		expect(await currentId()).toBe(first.id);
		expect((await store.history('it_spending')).map((v) => v.id)).toContain(first.id);
		expect(await store.history('it_spending')).toHaveLength(2);
	});

	it('a file the server’s checks refuse is not published and not kept', async () => {
		const ben = await signedIn('ben', 'staple lemon quartz');
		const bad = readFileSync(path.join(fixtures, 'bad', 'year-out-of-range.csv'));
		const response = await publishCall(ben, bad, first.id, 'replace', 'year-out-of-range.csv');
		expect(response.status).toBe(422);
		const body = await response.json();
		expect(body.report.errors[0].column).toBe('year');
		expect(await currentId()).toBe(first.id);
		expect(storedFiles()).toHaveLength(2);
		expect(readdirSync(path.join(dir, 'tmp')).filter((name) => name.endsWith('.part'))).toEqual([]);
	});

	it('rollback republishes an earlier version; the shipped data is one too', async () => {
		const ben = await signedIn('ben', 'staple lemon quartz');
		const replaced = await (await publishCall(ben, older, first.id, 'replace', 'ben-release.csv')).json();
		expect(replaced.version.base).toBeNull();
		const put = (id: string | null, ifMatch: string) =>
			setCurrent(
				store,
				event('/api/datasets/it_spending/current', {
					method: 'PUT',
					headers: { origin: ORIGIN, 'x-atlas-csrf': ben.csrf, 'if-match': `"${ifMatch}"` },
					body: JSON.stringify({ id }),
					cookie: ben.cookie,
					params: { dataset: 'it_spending' }
				})
			);
		expect((await put(first.id, first.id)).status).toBe(409);
		expect((await put(first.id, replaced.version.id)).status).toBe(200);
		expect(await currentId()).toBe(first.id);
		expect((await put(null, first.id)).status).toBe(200);
		expect(await currentId()).toBe(SHIPPED);
		expect((await put(replaced.version.id, SHIPPED)).status).toBe(200);
		const history = await (await getHistory(store, event('/api/datasets/it_spending/versions', { params: { dataset: 'it_spending' } }))).json();
		expect(history.current).toBe(replaced.version.id);
		expect(history.versions.map((v: PublishedVersion) => v.by).sort()).toEqual(['ana', 'ana', 'ben']);
		expect((await store.auditLog()).map((e) => e.action)).toEqual(expect.arrayContaining(['rollback', 'reset', 'sign-in', 'sign-in refused']));
	});

	it('a server that restarts reads the same current version', async () => {
		const before = await currentId();
		await store.close();
		store = await AtlasStore.open(dir);
		expect(await currentId()).toBe(before);
		expect(store.damage).toEqual([]);
	});

	it('a viewer’s session answer carries no publisher and no token', async () => {
		const body = await (await getSession(store, event('/api/session'))).json();
		expect(body).toMatchObject({ server: true, publisher: null, csrf: null });
	});
});

describe('where a dataset is queried', () => {
	const placementCall = (as: { cookie?: string; csrf?: string }, placement: unknown, dataset = 'job_postings') => {
		const headers: Record<string, string> = { origin: ORIGIN, 'content-type': 'application/json' };
		if (as.csrf) headers['x-atlas-csrf'] = as.csrf;
		return setPlacement(store, event(`/api/datasets/${dataset}/placement`, { method: 'PUT', headers, body: JSON.stringify({ placement }), cookie: as.cookie, params: { dataset } }));
	};
	const placed = async () => (await (await getPublished(store)).json()).placements as Record<string, { placement: string; why: string }>;

	it('a publisher moves a dataset to the server and back; viewers and forged requests cannot', async () => {
		expect((await placed()).job_postings).toEqual({ placement: 'browser', chosen: 'auto', why: 'small enough for the browser' });
		expect((await placementCall({}, 'server')).status).toBe(401);
		const ana = await signedIn('ana', 'correct horse battery');
		expect((await placementCall({ cookie: ana.cookie }, 'server')).status).toBe(403);
		expect((await placementCall(ana, 'everywhere')).status).toBe(400);
		expect((await placementCall(ana, 'server', 'no_such_dataset')).status).toBe(404);
		const answer = await placementCall(ana, 'server');
		expect(answer.status).toBe(200);
		const body = await answer.json();
		expect(body.placements.job_postings).toEqual({ placement: 'server', chosen: 'server', why: `set by ana on ${new Date().toISOString().slice(0, 10)}` });
		// Pages re-run their queries on the other engine: the revision names the placement.
		expect(body.revision).toContain('job_postings@server');
		expect((await store.auditLog())[0]).toMatchObject({ actor: 'ana', action: 'placement', dataset: 'job_postings', detail: 'queried on the server' });
		expect((await (await placementCall(ana, 'auto')).json()).placements.job_postings.placement).toBe('browser');
	});

	it('the size rule: a version of 2,000,000 rows or more is queried on the server unless a publisher says otherwise', () => {
		const version = (rows: number) => ({ rows }) as PublishedVersion;
		expect(placements({ job_postings: version(SERVER_ROWS) }, {}, ['job_postings']).job_postings).toEqual({
			placement: 'server',
			chosen: 'auto',
			why: '2,000,000 rows; 2,000,000 or more are queried on the server'
		});
		expect(placements({ job_postings: version(SERVER_ROWS - 1) }, {}, ['job_postings']).job_postings.placement).toBe('browser');
		expect(placements({ job_postings: version(SERVER_ROWS) }, { job_postings: { placement: 'browser', by: 'ana', at: '2026-12-04T00:00:00Z' } }, ['job_postings']).job_postings).toEqual({
			placement: 'browser',
			chosen: 'browser',
			why: 'set by ana on 2026-12-04'
		});
	});

	it('the server’s query engine reads each current version: rebuilt with every publish, rollback and reset', async () => {
		// it_spending is queried in the browsers: its server tables are rebuilt right after each commit.
		const count = async () => (await store.queries.idle(), Number((await store.queries.run(`SELECT count(*)::INTEGER AS n FROM it_spending`, [])).get(0)!.n));
		const current = (await store.current('it_spending'))!;
		expect(await count()).toBe(current.rows);
		const ana = await signedIn('ana', 'correct horse battery');
		const reset = await setCurrent(store, event('/api/datasets/it_spending/current', { method: 'PUT', headers: { origin: ORIGIN, 'x-atlas-csrf': ana.csrf, 'if-match': `"${current.id}"` }, body: JSON.stringify({ id: null }), cookie: ana.cookie, params: { dataset: 'it_spending' } }));
		expect(reset.status).toBe(200);
		// data/gartner_it_spending.csv as shipped.
		expect(await count()).toBe(327);
		const published = await (await publishCall(ana, older, SHIPPED, 'replace', 'older.csv')).json();
		expect(await count()).toBe(published.version.rows);
		expect(published.version.rows).not.toBe(327);
	});
});
