/**
 * The Atlas server: the SvelteKit app built by adapter-node (pages prerendered, the API under /api), behind the same
 * security headers as the static build, with its published versions opened before it listens. `npm start` builds and
 * runs it; `npm run serve` runs an existing build. Environment: PORT (4173), HOST (0.0.0.0), ATLAS_DATA_DIR (./var).
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtOutput } from './build/output';
import { previewHeaders } from './build/preview-headers';
import { servePrecompressed } from './build/serve-precompressed';
import { atlas, closeAtlas } from './lib/server/atlas';
import { dataDir } from './lib/server/config';
import { log } from './lib/server/log';

// The publish route enforces its own cap (1 GB) on the stream; adapter-node's default would refuse any body over 512 KB.
process.env.BODY_SIZE_LIMIT ??= 'Infinity';
// Behind an https proxy, set ORIGIN (https://atlas.example.com). Otherwise the scheme is the connection's own, in a
// header only this server writes (adapter-node would assume https, and a client could claim either in a header of its own).
const PROTOCOL = 'x-atlas-protocol';
if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER = PROTOCOL;
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '0.0.0.0';

try {
	const store = await atlas();
	log('data-dir.opened', { dir: dataDir(), published: Object.keys(await store.published()).length, problems: store.damage.length });
} catch (error) {
	log('start.failed', { dir: dataDir(), reason: (error as Error).message }, 'error');
	process.exit(1);
}

const output = builtOutput(false);
const { handler } = (await import(pathToFileURL(path.resolve(output.assets, '../handler.js')).href)) as {
	handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
};
const headers = previewHeaders(output.pages);
const precompressed = servePrecompressed(output.assets);

const server = http.createServer((req, res) => {
	const started = performance.now();
	req.headers[PROTOCOL] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	const api = req.url?.startsWith('/api/');
	if (api) res.on('finish', () => log('request', { method: req.method, path: req.url?.split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started) }));
	headers(req, res, () =>
		precompressed(req, res, () =>
			handler(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			})
		)
	);
});
// A 1 GB publish takes a while on a slow link: no request timeout, but idle sockets are closed.
server.requestTimeout = 0;

server.listen(port, host, () => log('listening', { url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`, dataDir: dataDir() }));

let stopping = false;
async function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	log('shutdown', { signal });
	server.close();
	server.closeIdleConnections();
	// Requests in flight get a moment to finish; a publish cut short leaves the previous version current.
	const forced = setTimeout(() => server.closeAllConnections(), 10_000);
	forced.unref();
	await new Promise((resolve) => server.once('close', resolve));
	await closeAtlas();
	log('stopped', { signal });
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
