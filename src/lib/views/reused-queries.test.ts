import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { overviewView } from './overview';
import { ReusedQueries } from './reused-queries';

let engine: Connector;
beforeAll(async () => {
	engine = await connectorWithDatasets(['it_spending']);
});

/** The real engine, counting the queries that reach it. */
function counting() {
	const sent: string[] = [];
	const conn: Connector = Object.create(engine);
	conn.query = (sql, params) => (sent.push(sql), engine.query(sql, params));
	return { conn, sent };
}

describe('ReusedQueries: a view re-runs only the queries a selection changed', () => {
	it('a year change on the overview sends no query; a release change sends only the release’s figures, and the view is what a fresh run gives', async () => {
		const reused = new ReusedQueries();
		const { conn, sent } = counting();
		const first = reused.run(conn, 'shipped');
		const v2025 = await overviewView(first.conn, { release: '2026-02', year: 2025 });
		first.keep();
		// Releases, the release's figures, the forecast record's errors by horizon (for the bands).
		expect(sent).toHaveLength(3);

		const second = reused.run(conn, 'shipped');
		const v2026 = await overviewView(second.conn, { release: '2026-02', year: 2026 });
		second.keep();
		expect(sent).toHaveLength(3);
		expect(v2026).toEqual(await overviewView(engine, { release: '2026-02', year: 2026 }));
		expect(v2026.bars).not.toEqual(v2025.bars);

		const third = reused.run(conn, 'shipped');
		const older = await overviewView(third.conn, { release: '2024-10', year: 2024 });
		third.keep();
		expect(sent).toHaveLength(4);
		expect(older).toEqual(await overviewView(engine, { release: '2024-10', year: 2024 }));
	});

	it('keeps only the previous run: going back to a release two steps ago asks the engine again', async () => {
		const reused = new ReusedQueries();
		const { conn, sent } = counting();
		for (const release of ['2026-02', '2024-10', '2026-02']) {
			const run = reused.run(conn, 'shipped');
			await overviewView(run.conn, { release });
			run.keep();
		}
		// Releases asked once; the figures of each release every time it was not the previous one.
		expect(sent.filter((sql) => sql.includes('WITH figures'))).toHaveLength(1);
		expect(sent.filter((sql) => sql.includes('horizonFrom'))).toHaveLength(1);
		expect(sent).toHaveLength(5);
	});

	it('asks everything again on other data (a commit, a rollback, a published version) and after a failed run', async () => {
		const reused = new ReusedQueries();
		const { conn, sent } = counting();
		const first = reused.run(conn, 'shipped');
		await overviewView(first.conn, { release: '2026-02' });
		first.keep();
		const other = reused.run(conn, 'draft-1');
		await overviewView(other.conn, { release: '2026-02' });
		expect(sent).toHaveLength(6);
		// `other` was never kept (as after a failure): its answers are not reused either.
		const again = reused.run(conn, 'draft-1');
		await overviewView(again.conn, { release: '2026-02' });
		expect(sent).toHaveLength(9);
	});
});
