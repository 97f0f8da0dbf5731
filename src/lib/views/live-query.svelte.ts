import type { ChartError } from '../charts/types';
import type { Connector } from '../db/connector';
import { toDbError } from '../db/errors';
import { versions } from '../upload/versions.svelte';

/**
 * A query result that starts from the build-time snapshot and is re-run through DuckDB-WASM when its key changes.
 * Only the newest request may write the result, so fast clicks never show an older answer.
 */
export class LiveQuery<P, R> {
	value: R = $state() as R;
	error: ChartError | null = $state(null);
	busy = $state(false);
	#key: string;
	#request = 0;

	constructor(
		initialKey: string,
		initial: R,
		private readonly tables: string[],
		private readonly run: (conn: Connector, params: P) => Promise<R>
	) {
		this.value = initial;
		// The snapshot is of the shipped data; a committed upload changes the revision and so re-runs the query.
		this.#key = `${initialKey}@${versions.revision(tables)}`;
		void versions.load();
	}

	async update(requested: string, params: P): Promise<void> {
		// Read synchronously, so an effect that calls update() re-runs when a dataset's version changes.
		const key = `${requested}@${versions.revision(this.tables)}`;
		if (key === this.#key && !this.error) return;
		this.#key = key;
		const request = ++this.#request;
		this.busy = true;
		try {
			const { connectorWith } = await import('../db/browser-datasets');
			const next = await this.run(await connectorWith(this.tables), params);
			if (request !== this.#request) return;
			this.value = next;
			this.error = null;
			performance.mark('view-updated');
		} catch (failure) {
			if (request === this.#request) this.error = toDbError('query', failure);
		} finally {
			if (request === this.#request) this.busy = false;
		}
	}
}

/** Starts DuckDB and attaches the page's tables after first paint, so the first click answers at once. */
export async function warmEngine(tables: string[]): Promise<'ready' | string> {
	try {
		const { connectorWith } = await import('../db/browser-datasets');
		await connectorWith(tables);
		performance.mark('duckdb-ready');
		return 'ready';
	} catch (failure) {
		const error = toDbError('engine', failure);
		return [error.message, error.detail].filter(Boolean).join(': ');
	}
}
