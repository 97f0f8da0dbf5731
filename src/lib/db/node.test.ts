import { describe, expect, it } from 'vitest';
import { nodeConnector } from './node';
import { DbError } from './errors';
import { attachDataset } from './tables';

describe('connector errors', () => {
	it('turns a failing query into a DbError of kind query with the engine message', async () => {
		const conn = await nodeConnector();
		const failure = await conn.query('SELECT * FROM no_such_table').catch((e) => e);
		expect(failure).toBeInstanceOf(DbError);
		expect(failure.kind).toBe('query');
		expect(failure.detail).toMatch(/no_such_table/);
	});

	it('binds parameters instead of pasting them', async () => {
		const conn = await nodeConnector();
		const table = await conn.query('SELECT ? AS text, CAST(? AS INTEGER) AS n', ["it's; DROP TABLE x", 7]);
		expect(table.toArray()[0].toJSON()).toEqual({ text: "it's; DROP TABLE x", n: 7 });
	});

	it('reports a data file that is not Arrow as a load error naming the dataset', async () => {
		const conn = await nodeConnector();
		const failure = await attachDataset(conn, 'it_spending', new TextEncoder().encode('<html>404</html>')).catch((e) => e);
		expect(failure).toBeInstanceOf(DbError);
		expect(failure.kind).toBe('load');
		expect(failure.message).toBe('The it_spending data could not be read');
	});
});

describe('offline engine', () => {
	it('refuses to fetch an extension instead of hanging on the network', async () => {
		const conn = await nodeConnector();
		const failure = await conn.query("SELECT * FROM read_parquet('missing.parquet')").catch((e) => e);
		expect(failure).toBeInstanceOf(DbError);
		expect(failure.detail).toMatch(/parquet/i);
	});
});

describe('error text', () => {
	it('turns DuckDB’s JSON error reports into the message it prints elsewhere', async () => {
		const { toDbError } = await import('./errors');
		const json = JSON.stringify({ exception_type: 'Parser', exception_message: 'syntax error at or near "SELEC"\n\nLINE 1: SELEC 1', position: '0' });
		expect(toDbError('query', new Error(json)).detail).toBe('Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 1');
	});
});
