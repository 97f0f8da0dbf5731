import { tableFromIPC } from 'apache-arrow';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Param } from '../db/connector';
import { runQuery, type ApiEvent } from './api';
import { ServerQueries } from './server-queries';
import type { AtlasStore } from './store';

/** A query posted to the server's route is untrusted text: only one SELECT with all its parameters runs, within limits. */
const ORIGIN = 'http://atlas.test';
let scratch: string;
let queries: ServerQueries;

beforeAll(async () => {
	scratch = mkdtempSync(path.join(os.tmpdir(), 'atlas-server-queries-'));
	mkdirSync(path.join(scratch, 'files'));
	// A file beside the data directory that no query may read.
	writeFileSync(path.join(scratch, 'secret.txt'), 'not for queries');
	queries = await ServerQueries.open({ database: path.join(scratch, 'query.duckdb'), files: path.join(scratch, 'files'), scratch: path.join(scratch, 'files') }, async () => ({}));
	await queries.ready();
}, 120_000);
afterAll(async () => {
	await queries?.close();
	rmSync(scratch, { recursive: true, force: true });
});

async function post(body: unknown, headers: Record<string, string> = { origin: ORIGIN }): Promise<{ status: number; error?: string; rows?: Record<string, unknown>[] }> {
	const request = new Request(`${ORIGIN}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	const event: ApiEvent = { request, url: new URL(request.url), params: {}, cookies: { get: () => undefined, set: () => undefined, delete: () => undefined }, getClientAddress: () => '127.0.0.1' };
	const response = await runQuery({ queries } as AtlasStore, event);
	if (!response.ok) return { status: response.status, error: (await response.json()).error };
	expect(response.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
	return { status: response.status, rows: tableFromIPC(new Uint8Array(await response.arrayBuffer())).toArray().map((r) => r.toJSON()) };
}
const query = (sql: string, params: Param[] = []) => post({ sql, params });
const postingsCount = async () => (await query('SELECT count(*)::INTEGER AS n FROM job_postings')).rows![0].n;

describe('the server runs one read-only query with bound parameters', () => {
	it('answers a SELECT with its parameters bound, as Arrow', async () => {
		const answer = await query(`SELECT value FROM job_postings WHERE metric = ? AND dimension = ? AND period = ?`, ['new_job_postings_tech', 'all tech occupations', '2023-12']);
		expect(answer.status).toBe(200);
		// data/tech_job_postings.csv: CompTIA, new_job_postings_tech, 2023-12, US, all tech occupations, 142295.
		expect(answer.rows).toEqual([{ value: 142295 }]);
	});

	it.each([
		['an INSERT', `INSERT INTO job_postings (metric) VALUES ('x')`, /Only a query that reads \(SELECT\)/],
		['a DELETE', `DELETE FROM job_postings`, /Only a query that reads \(SELECT\)/],
		['a CREATE TABLE … AS', `CREATE TABLE stolen AS SELECT * FROM job_postings`, /Only a query that reads \(SELECT\)/],
		['a DROP', `DROP TABLE job_postings`, /Only a query that reads \(SELECT\)/],
		// The engine's lock refuses it already when it is prepared; the SELECT-only rule would next.
		['a COPY to a file', `COPY job_postings TO '${path.join(os.tmpdir(), 'out.csv')}'`, /Only a query that reads \(SELECT\)|Permission Error/],
		['a setting change', `SET enable_external_access = true`, /Only a query that reads \(SELECT\)/],
		['a second statement after a SELECT', `SELECT 1; DROP TABLE job_postings`, /exactly one statement \(this text has 2\)/],
		['ATTACH of another database', `ATTACH '${path.join(os.tmpdir(), 'other.duckdb')}' AS other`, /Only a query that reads \(SELECT\)|Permission/],
		['read_text of a file outside the allowed folders', `SELECT * FROM read_text('${path.join(os.tmpdir(), 'x', '..', 'secret.txt')}')`, /Permission Error|disabled/i],
		['read_csv of /etc/passwd', `SELECT * FROM read_csv('/etc/passwd')`, /Permission Error|disabled/i],
		['a URL', `SELECT * FROM read_csv('https://example.com/x.csv')`, /Permission Error|disabled|not allowed|extension/i],
		['the store’s own tables (sessions live elsewhere)', `SELECT * FROM sessions`, /sessions does not exist/]
	])('refuses %s, and changes nothing', async (_, sql, message) => {
		const before = await postingsCount();
		const answer = await query(sql);
		expect(answer.status).toBe(400);
		expect(answer.error).toMatch(message);
		expect(await postingsCount()).toBe(before);
	});

	it('refuses a COPY even into a folder the engine may read (by its statement type)', async () => {
		const answer = await query(`COPY job_postings TO '${path.join(scratch, 'files', 'out.csv')}'`);
		expect(answer).toEqual({ status: 400, error: 'Only a query that reads (SELECT) runs here, not COPY.' });
	});

	it('refuses read_text of a file beside the data directory', async () => {
		const answer = await query(`SELECT content FROM read_text(?)`, [path.join(scratch, 'secret.txt')]);
		expect(answer.status).toBe(400);
		expect(answer.error).toMatch(/Permission Error|disabled/i);
	});

	it('refuses a missing parameter, or one too many, before running', async () => {
		expect(await query(`SELECT * FROM job_postings WHERE metric = ? AND period = ?`, ['new_job_postings_tech'])).toEqual({
			status: 400,
			error: 'The query has 2 parameters (?) but 1 value was sent.'
		});
		expect(await query(`SELECT 1`, ['x'])).toEqual({ status: 400, error: 'The query has 0 parameters (?) but 1 value was sent.' });
		expect((await post({ sql: 'SELECT ?', params: [{ evil: true }] })).error).toBe('Parameters must be a list of strings, numbers, booleans or nulls.');
	});

	it('stops a query past the time limit, and refuses a result past the row limit', async () => {
		const slow = queries.run(`SELECT count(*) FROM range(10000000000) a`, [], { limits: { timeoutMs: 300, maxRows: 10 } });
		await expect(slow).rejects.toThrow(/ran longer than 0.3 s and was stopped/);
		await expect(queries.run(`SELECT * FROM range(11)`, [], { limits: { timeoutMs: 5000, maxRows: 10 } })).rejects.toThrow(/more than 10 rows/);
		expect((await queries.run(`SELECT * FROM range(10)`, [], { limits: { timeoutMs: 5000, maxRows: 10 } })).numRows).toBe(10);
	});

	it('refuses a request from another site, and a body that is not a query', async () => {
		expect((await post({ sql: 'SELECT 1' }, { origin: 'https://evil.example' })).status).toBe(403);
		expect(await post({ sql: '' })).toEqual({ status: 400, error: 'Send the SQL of one query.' });
		expect((await post({ sql: 'SELECT 1 FROM' })).status).toBe(400);
	});
});
