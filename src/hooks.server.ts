import type { Handle } from '@sveltejs/kit';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { withEngineBoot } from '$lib/db/engine-boot';

/** Pages that query get the script that starts DuckDB at navigation (engine-boot.ts), in their prerendered head. */
export const handle: Handle = ({ event, resolve }) => resolve(event, { transformPageChunk: ({ html }) => withEngineBoot(html, ehWorker, ehWasm) });
