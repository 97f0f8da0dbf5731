import { onMount, untrack } from 'svelte';
import type { ChartError } from '../charts/types';
import type { Connector } from '../db/connector';
import { toDbError } from '../db/errors';
import { versions } from '../versions/versions.svelte';
import { ReusedQueries } from './reused-queries';

/**
 * A query result that starts from the build-time snapshot and is re-run through DuckDB-WASM when its key changes,
 * or when one of its tables changes version (an analyst's commit, rollback or reset, here or in another tab): the
 * snapshot is of the shipped data. Only the newest request may write the result, so fast clicks never show an older
 * answer. Create it while a component initialises (it owns an effect).
 */
export class LiveQuery<P, R> {
	value: R = $state() as R;
	error: ChartError | null = $state(null);
	busy = $state(false);
	#key: string;
	#request = 0;
	#requested: string;
	// Set by every update(); pages call update() from an effect as they mount, before a version change can re-run it.
	#params = undefined as P;
	#reused = new ReusedQueries();
	// The engine with this query's tables attached, for the data revision it was attached at.
	#connected: { revision: string; conn: Connector } | null = null;

	constructor(
		initialKey: string,
		initial: R,
		private readonly tables: string[],
		private readonly run: (conn: Connector, params: P) => Promise<R>
	) {
		this.value = initial;
		this.#requested = initialKey;
		this.#key = `${initialKey}@${versions.revision(tables)}`;
		void versions.load();
		// The one place a version change reaches the views: the current request runs again on the new data.
		$effect(() => {
			versions.revision(tables);
			untrack(() => void this.update(this.#requested, this.#params));
		});
	}

	async update(requested: string, params: P): Promise<void> {
		this.#requested = requested;
		this.#params = params;
		// Untracked: the caller's effect re-runs on its own inputs, not on this query's version or error.
		const revision = untrack(() => versions.revision(this.tables));
		const key = `${requested}@${revision}`;
		if (key === this.#key && !untrack(() => this.error)) return;
		this.#key = key;
		const request = ++this.#request;
		this.busy = true;
		try {
			const run = this.#reused.run(await this.#connect(revision), revision);
			const next = await this.run(run.conn, params);
			run.keep();
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

	async #connect(revision: string): Promise<Connector> {
		if (this.#connected?.revision === revision) return this.#connected.conn;
		const { connectorWith } = await import('../db/browser-datasets');
		const conn = await connectorWith(this.tables);
		this.#connected = { revision, conn };
		return conn;
	}
}

/** Joins the engine start the page's first script began (hooks.client.ts) and says when its tables are attached, or why not. */
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

/**
 * The page's engine state for EngineStatus: "starting" until its tables are attached ("ready"), or why they could not
 * be. Marks the page's hydration. Call while a component initialises.
 */
export function pageEngine(tables: string[]): { readonly state: string } {
	let state = $state('starting');
	onMount(() => {
		performance.mark('page-hydrated');
		warmEngine(tables).then((next) => (state = next));
	});
	return {
		get state() {
			return state;
		}
	};
}
