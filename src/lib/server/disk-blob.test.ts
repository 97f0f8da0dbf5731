import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diskBlob, diskPathOf } from './disk-blob';

const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-disk-blob-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a published file on disk as a Blob', () => {
	it('keeps its true size past 4 GiB (a sparse 5 GB file), and reads its ranges by 64-bit offsets', async () => {
		const file = path.join(dir, 'big.csv');
		const handle = await open(file, 'w');
		await handle.write('a,b\n', 0);
		await handle.write('tail\n', 5_000_000_000 - 5);
		await handle.close();
		const blob = await diskBlob(file);
		expect(blob.size).toBe(5_000_000_000);
		expect(diskPathOf(blob)).toBe(file);
		expect(await blob.slice(0, 4).text()).toBe('a,b\n');
		expect(await blob.slice(-5).text()).toBe('tail\n');
		expect(blob.slice(4_999_999_990, 6_000_000_000).size).toBe(10);
		const chunks: Uint8Array[] = [];
		for await (const chunk of blob.slice(4_999_999_995).stream() as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
		expect(Buffer.concat(chunks).toString()).toBe('tail\n');
	});

	it('a small file is Node’s own Blob', async () => {
		const file = path.join(dir, 'small.csv');
		writeFileSync(file, 'x,y\n1,2\n');
		const blob = await diskBlob(file);
		expect([blob.size, await blob.text()]).toEqual([8, 'x,y\n1,2\n']);
	});
});
