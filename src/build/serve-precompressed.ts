import { existsSync, statSync, createReadStream } from 'node:fs';
import path from 'node:path';
import type { Connect } from 'vite';

const types: Record<string, string> = {
	'.wasm': 'application/wasm',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.html': 'text/html',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.csv': 'text/csv; charset=utf-8'
};

/** Preview middleware: answers with the `.gz` copy written by precompress.ts when the browser accepts gzip. */
export function servePrecompressed(root: string): Connect.NextHandleFunction {
	return (req, res, next) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const type = types[path.extname(url.pathname)];
		if (!type || !/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return next();
		let pathname: string;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			res.statusCode = 400;
			return res.end('Bad Request');
		}
		// The separator matters: a sibling folder such as build-other/ starts with the root's name too.
		const base = path.resolve(root);
		const file = path.join(base, pathname);
		if (!file.startsWith(base + path.sep) || !existsSync(`${file}.gz`)) return next();
		res.setHeader('Content-Type', type);
		res.setHeader('Content-Encoding', 'gzip');
		res.setHeader('Vary', 'Accept-Encoding');
		res.setHeader('Content-Length', statSync(`${file}.gz`).size);
		if (url.pathname.startsWith('/_app/immutable/')) res.setHeader('Cache-Control', 'public,max-age=31536000,immutable');
		createReadStream(`${file}.gz`).pipe(res);
	};
}
