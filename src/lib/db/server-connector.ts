import { base } from '$app/paths';
import { tableFromIPC, type Table } from 'apache-arrow';
import { refuseIfCancelled, type Connector, type Param } from './connector';
import { DbError } from './errors';

const notHere = (what: string) => async () => {
	throw new DbError('query', `${what} is not done on the Atlas server`, 'This view reads a dataset placed on the server: its queries run there, read-only.');
};

/**
 * A dataset placed on the Atlas server: the same query functions, their SQL and bound parameters posted to
 * /api/query and answered as Arrow, so pages and charts do not know where the rows are. `local` is the page's own
 * DuckDB-WASM, used only for what needs no data (splitting SQL into tokens for the console's guard).
 */
export function serverConnector(local: () => Promise<Connector>): Connector {
	const post = async (sql: string, params: readonly Param[], signal?: AbortSignal): Promise<Table> => {
		refuseIfCancelled(signal);
		let response: Response;
		try {
			response = await fetch(`${base}/api/query`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/vnd.apache.arrow.stream' },
				body: JSON.stringify({ sql, params }),
				signal
			});
		} catch (error) {
			if (signal?.aborted) throw new DbError('query', 'Query cancelled', 'The query was cancelled before it finished.');
			throw new DbError('query', 'The Atlas server could not be reached', (error as Error).message);
		}
		if (!response.ok) {
			const answer = await response.json().catch(() => ({}) as { error?: string });
			throw new DbError('query', response.status === 400 || response.status === 413 ? 'Query refused by the Atlas server' : 'The query failed on the Atlas server', answer.error ?? `HTTP ${response.status}`);
		}
		return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
	};
	return {
		readsOnly: true,
		filePath: (name) => name,
		query: (sql, params = []) => post(sql, params),
		queryCancellable: (sql, signal) => post(sql, [], signal),
		tokenize: async (sql) => (await local()).tokenize(sql),
		// The server prepares every query itself and refuses more than one statement, or one that does not read.
		prepareOnly: async () => undefined,
		registerFile: notHere('Reading a file'),
		registerBlob: notHere('Reading a file'),
		dropFile: notHere('Reading a file'),
		copyToBuffer: notHere('Writing a file'),
		insertArrowIPC: notHere('Loading a table')
	};
}
