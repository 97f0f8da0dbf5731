import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { overviewView } from './overview';
import { spendingView } from './spending';
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
	it('a year or release change on the overview sends no query, and the view is what a fresh run gives', async () => {
		const reused = new ReusedQueries();
		const { conn, sent } = counting();
		const first = reused.run(conn, 'shipped');
		const v2025 = await overviewView(first.conn, { release: '2026-02', year: 2025 });
		first.keep();
		// Releases, every release's figures, the forecast record's errors by horizon (for the bands).
		expect(sent).toHaveLength(3);

		const second = reused.run(conn, 'shipped');
		const v2026 = await overviewView(second.conn, { release: '2026-02', year: 2026 });
		second.keep();
		expect(sent).toHaveLength(3);
		expect(v2026).toEqual(await overviewView(engine, { release: '2026-02', year: 2026 }));
		expect(v2026.bars).not.toEqual(v2025.bars);

		const third = reused.run(conn, 'shipped');
		const older = await overviewView(third.conn, { release: '2022-10', year: 2023 });
		third.keep();
		expect(sent).toHaveLength(3);
		expect(older).toEqual(await overviewView(engine, { release: '2022-10', year: 2023 }));
		expect(older.bars.map((bar) => bar.release)).toEqual(Array(5).fill('2022-10'));
		expect(older.bars.find((bar) => bar.segment === 'Software')?.spend).toBe(879.62);
	});

	it('another heatmap cell on /spending sends no query, and its revisions are what a fresh run gives', async () => {
		const reused = new ReusedQueries();
		const { conn, sent } = counting();
		const first = reused.run(conn, 'shipped');
		await spendingView(first.conn, { segment: 'Data Center Systems', year: 2024 });
		first.keep();
		const asked = sent.length;
		const second = reused.run(conn, 'shipped');
		const software = await spendingView(second.conn, { segment: 'Software', year: 2021 });
		second.keep();
		expect(sent).toHaveLength(asked);
		expect(software).toEqual(await spendingView(engine, { segment: 'Software', year: 2021 }));
		expect(software.revisions.length).toBeGreaterThan(1);
	});

	it('keeps only the previous run: a query two runs back is asked of the engine again', async () => {
		const reused = new ReusedQueries();
		const { conn, sent } = counting();
		const sql = 'SELECT count(*)::INTEGER AS n FROM it_spending WHERE release_date = ?';
		const counts: number[] = [];
		for (const release of ['2026-02', '2022-07', '2022-07', '2026-02']) {
			const run = reused.run(conn, 'shipped');
			counts.push(Number((await run.conn.query(sql, [release])).get(0)?.n));
			run.keep();
		}
		// The same question as the previous run is answered from it; one asked two runs back goes to the engine.
		expect(sent).toHaveLength(3);
		expect(counts).toEqual([counts[0], counts[1], counts[1], counts[0]]);
		expect(counts[0]).not.toBe(counts[1]);
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
