import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { servePrecompressed } from './serve-precompressed';

const dir = mkdtempSync(path.join(tmpdir(), 'precompressed-'));
for (const folder of ['build', 'build-other']) {
	mkdirSync(path.join(dir, folder));
	writeFileSync(path.join(dir, folder, 'app.js.gz'), `gzip bytes of ${folder}`);
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the middleware on a fake request; says whether it passed the request on, answered itself, or streamed a file. */
async function serve(url: string) {
	const res = Object.assign(new PassThrough(), { statusCode: 200, headers: {} as Record<string, unknown> });
	const reply = res as unknown as ServerResponse & { headers: Record<string, unknown> };
	reply.setHeader = (name: string, value: unknown) => ((res.headers[name.toLowerCase()] = value), reply);
	const req = { url, headers: { 'accept-encoding': 'gzip, br' } } as unknown as IncomingMessage;
	let passed = false;
	servePrecompressed(path.join(dir, 'build'))(req, reply, () => void (passed = true));
	if (passed) return { passed };
	const chunks: Buffer[] = [];
	for await (const chunk of res) chunks.push(Buffer.from(chunk));
	return { passed, status: res.statusCode, body: Buffer.concat(chunks).toString(), encoding: res.headers['content-encoding'] };
}

describe('servePrecompressed', () => {
	it('serves the gzip copy of a file under its root', async () => {
		expect(await serve('/app.js')).toEqual({ passed: false, status: 200, body: 'gzip bytes of build', encoding: 'gzip' });
	});

	it('answers a malformed % escape with 400, not a server error', async () => {
		expect(await serve('/%E0%A4%A.js')).toMatchObject({ passed: false, status: 400 });
	});

	it('never serves a sibling folder whose name starts with the root', async () => {
		expect(await serve('/..%2fbuild-other%2fapp.js')).toEqual({ passed: true });
		expect(await serve('/..%2f..%2fetc%2fpasswd.js')).toEqual({ passed: true });
	});
});
