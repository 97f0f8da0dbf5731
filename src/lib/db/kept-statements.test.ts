import { describe, expect, it } from 'vitest';
import { DbError } from './errors';
import { openNodeEngine } from './node';
import { keptStatements } from './run';

/** The real engine's connection, counting prepares and closes. */
async function counted() {
	const { connection } = await openNodeEngine();
	const prepared: string[] = [];
	let closed = 0;
	const conn = {
		query: (sql: string) => connection.query(sql),
		prepare(sql: string) {
			prepared.push(sql);
			const statement = connection.prepare(sql);
			return Promise.resolve({ query: (...p: unknown[]) => statement.query(...p), close: () => (closed++, statement.close()) });
		}
	};
	return { conn, prepared, closed: () => closed };
}

const rows = (table: unknown) => (table as { toArray(): { toJSON(): object }[] }).toArray().map((r) => r.toJSON());

describe('keptStatements: a query asked again with other parameters is not prepared again', () => {
	it('prepares each SQL text once and answers every parameter with its own result', async () => {
		const { conn, prepared } = await counted();
		const run = keptStatements(conn);
		await run('CREATE TABLE t AS SELECT * FROM (VALUES (1, 10), (2, 20), (3, 30)) v(k, n)', []);
		const sql = 'SELECT n FROM t WHERE k = ?';
		expect(rows(await run(sql, [1]))).toEqual([{ n: 10 }]);
		expect(rows(await run(sql, [3]))).toEqual([{ n: 30 }]);
		expect(rows(await run(sql, [2]))).toEqual([{ n: 20 }]);
		expect(prepared).toEqual([sql]);
	});

	it('answers from the new table after the table is replaced, with other columns (a new version attached)', async () => {
		const { conn } = await counted();
		const run = keptStatements(conn);
		await run('CREATE TABLE t AS SELECT 1 AS k, 10 AS n', []);
		const sql = 'SELECT * FROM t WHERE k = ?';
		expect(rows(await run(sql, [1]))).toEqual([{ k: 1, n: 10 }]);
		await run('DROP TABLE t', []);
		await run("CREATE TABLE t AS SELECT 1 AS k, 'ten' AS label, 99 AS n", []);
		expect(rows(await run(sql, [1]))).toEqual([{ k: 1, label: 'ten', n: 99 }]);
	});

	it('keeps only the newest statements, closing the one it forgets', async () => {
		const { conn, prepared, closed } = await counted();
		const run = keptStatements(conn, 2);
		for (const sql of ['SELECT ? AS a', 'SELECT ? AS b', 'SELECT ? AS c']) await run(sql, [1]);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(closed()).toBe(1);
		await run('SELECT ? AS a', [2]);
		expect(prepared).toEqual(['SELECT ? AS a', 'SELECT ? AS b', 'SELECT ? AS c', 'SELECT ? AS a']);
	});

	it('reports a query that fails as a DbError, and does not keep it', async () => {
		const { conn, prepared } = await counted();
		const run = keptStatements(conn);
		const failure = (await run('SELECT * FROM missing WHERE k = ?', [1]).catch((e: unknown) => e)) as DbError;
		expect(failure).toBeInstanceOf(DbError);
		expect(failure.detail).toMatch(/missing/);
		await run('SELECT * FROM missing WHERE k = ?', [1]).catch(() => undefined);
		expect(prepared).toHaveLength(2);
	});
});
