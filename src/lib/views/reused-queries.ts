import type { Table } from 'apache-arrow';
import type { Connector, Param } from '../db/connector';

const keyOf = (sql: string, params: readonly Param[]) => `${sql}\u0000${params.map((p) => `${typeof p}:${String(p)}`).join('\u0001')}`;

/**
 * A view's queries only read. When a selection changes part of a view (the year, not the release), the queries it
 * asks again with the same SQL and parameters on the same data have the same answer: this hands the previous run's
 * answer back instead of a round trip to the engine. Only the previous run's queries are kept, so cycling through
 * selections never serves anything older, and a data change (another `data` key) starts afresh.
 */
export class ReusedQueries {
	#data: string | null = null;
	#previous = new Map<string, Promise<Table>>();

	/** A connector for one run of a view on the data identified by `data`; call `keep` once the run has succeeded. */
	run(conn: Connector, data: string): { conn: Connector; keep: () => void } {
		const previous = data === this.#data ? this.#previous : new Map<string, Promise<Table>>();
		const asked = new Map<string, Promise<Table>>();
		const reusing: Connector = Object.create(conn);
		reusing.query = (sql, params = []) => {
			const key = keyOf(sql, params);
			const answer = asked.get(key) ?? previous.get(key) ?? conn.query(sql, params);
			asked.set(key, answer);
			return answer;
		};
		return {
			conn: reusing,
			keep: () => {
				this.#data = data;
				this.#previous = asked;
			}
		};
	}
}
