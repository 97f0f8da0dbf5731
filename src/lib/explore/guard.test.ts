import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { DbError } from '../db/errors';
import { connectorWithDatasets } from '../db/node-datasets';
import { runExploreQuery } from './run-query';

const datasets = ['it_spending', 'job_postings'];
let conn: Connector;
const count = async () => Number((await conn.query('SELECT CAST(count(*) AS INTEGER) AS n FROM it_spending')).toArray()[0].n);

beforeAll(async () => {
	conn = await connectorWithDatasets(datasets);
});

describe('the SQL console keeps datasets read-only', () => {
	it('runs a read query and returns rows', async () => {
		const { table } = await runExploreQuery(conn, "SELECT segment, growth_pct FROM it_spending WHERE release_date = '2022-10' AND year = 2023 ORDER BY growth_pct DESC NULLS LAST", datasets);
		expect(table.toArray()[0].toJSON()).toEqual({ segment: 'Software', growth_pct: 11.3 });
	});

	it.each([
		['DROP TABLE it_spending', /DROP TABLE refused: it_spending is a shipped dataset/],
		['delete from it_spending', /DELETE refused: it_spending/],
		["UPDATE it_spending SET spend_usd_bn = 0", /UPDATE refused: it_spending/],
		['SELECT 1; DROP TABLE "it_spending"', /DROP TABLE refused: it_spending/],
		["ATTACH 'x.db' AS x", /ATTACH refused: this console only runs queries that read/],
		['COMMIT; DELETE FROM it_spending', /COMMIT refused/],
		['/* hi */ INSERT INTO job_postings SELECT * FROM job_postings', /INSERT refused: job_postings/],
		['CREATE OR REPLACE TABLE it_spending AS SELECT 1', /CREATE OR REPLACE TABLE refused: it_spending/],
		["COPY it_spending TO 'out.csv'", /COPY refused: it_spending/],
		['SET threads = 1', /SET refused: this console only runs queries that read/]
	])('refuses %s with a clear message and changes nothing', async (sql, message) => {
		const before = await count();
		const failure = await runExploreQuery(conn, sql, datasets).catch((e) => e);
		expect(failure).toBeInstanceOf(DbError);
		expect(failure.detail).toMatch(message);
		expect(await count()).toBe(before);
	});

	it('does not mistake keywords inside strings or comments for statements', async () => {
		const { table } = await runExploreQuery(conn, "SELECT 'DROP TABLE it_spending; DELETE' AS text -- ; DROP TABLE it_spending", datasets);
		expect(table.toArray()[0].text).toBe('DROP TABLE it_spending; DELETE');
	});

	it('rolls back anything a query does, even if a write got past the guard', async () => {
		const before = await count();
		await conn.query('BEGIN TRANSACTION');
		await conn.query('DELETE FROM it_spending');
		await conn.query('ROLLBACK');
		expect(await count()).toBe(before);
	});

	it('shows DuckDB’s own message, with its position, for a syntax error', async () => {
		const failure = await runExploreQuery(conn, 'SELEC segment FROM it_spending', datasets).catch((e) => e);
		expect(failure.kind).toBe('query');
		expect(failure.detail).toMatch(/syntax error at or near "SELEC"/);
		expect(failure.detail).toMatch(/LINE 1/);
	});
});
