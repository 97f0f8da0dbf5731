import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { DbError } from '../db/errors';
import { connectorWithDatasets } from '../db/node-datasets';
import { nativeConnector } from '../server/native-connector';
import { runExploreQuery } from './run-query';

const LONG = 'SELECT sum(a.range * b.range) AS total FROM range(200000) a, range(200000) b';
const scratch = mkdtempSync(path.join(tmpdir(), 'atlas-cancel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('Cancel stops a console query whatever step it is at', () => {
	it('a Cancel before the query reaches the engine (while it is being checked) stops it there: nothing runs', async () => {
		const engine = await connectorWithDatasets(['it_spending']);
		const sent: string[] = [];
		const conn: Connector = Object.create(engine);
		conn.queryCancellable = (sql, signal) => (sent.push(sql), engine.queryCancellable(sql, signal));
		const stop = new AbortController();
		const tokenize = conn.tokenize.bind(conn);
		// The click lands while the console is still checking the query.
		conn.tokenize = async (sql) => {
			const tokens = await tokenize(sql);
			stop.abort();
			return tokens;
		};
		const failure = (await runExploreQuery(conn, LONG, ['it_spending'], stop.signal).catch((e: unknown) => e)) as DbError;
		expect(failure).toBeInstanceOf(DbError);
		expect(failure.message).toBe('Query cancelled');
		expect(sent).toEqual([LONG]);
		// The engine answers the next query at once.
		expect((await runExploreQuery(conn, 'SELECT 42 AS answer', ['it_spending'])).table.toArray()[0].answer).toBe(42);
	});

	it('a Cancel while the query runs interrupts it on the server’s native engine, which then answers the next one', async () => {
		const conn = await nativeConnector({ scratch });
		const stop = new AbortController();
		const running = conn.queryCancellable(LONG, stop.signal);
		setTimeout(() => stop.abort(), 200);
		await expect(running).rejects.toThrow();
		expect(stop.signal.aborted).toBe(true);
		expect(Number((await conn.query('SELECT 42 AS answer')).toArray()[0].answer)).toBe(42);
	});
});
