import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { schemaFor } from '../checks/schemas';
import { health } from './api';
import { checkOnServer } from './publish-check';
import { receiveFile } from './receive';
import { AtlasStore, DamagedDataDir, SHIPPED } from './store';

const fixtures = path.resolve('tests/fixtures/upload');
const dirs: string[] = [];
const tempDir = () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-store-'));
	dirs.push(dir);
	return dir;
};
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const streamOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();

/** Publishes a fixture the way the API does: receive, check on the server, then the transaction. */
async function publishFixture(store: AtlasStore, file: string, basedOn = SHIPPED) {
	const received = await receiveFile(streamOf(readFileSync(path.join(fixtures, file))), store.tmp, 1024 ** 3);
	const report = await checkOnServer(store, schemaFor('it_spending')!, received.path, { fileName: file, mode: 'replace' }, await store.current('it_spending'));
	expect(report.recipe).not.toBeNull();
	return store.publish(received, { dataset: 'it_spending', fileName: file, mode: 'replace', recipe: report.recipe!, fileRows: report.rows, rows: report.preview!.rows, by: 'ana' }, basedOn);
}

describe('a damaged data directory is reported at start-up, with what to do', () => {
	it('a database file that is not a database: the server refuses to start and says how to recover', async () => {
		const dir = tempDir();
		writeFileSync(path.join(dir, 'atlas.duckdb'), 'this is not a DuckDB database file, it was overwritten');
		const opened = AtlasStore.open(dir);
		await expect(opened).rejects.toBeInstanceOf(DamagedDataDir);
		await expect(opened).rejects.toThrow(/restore the file from a backup, or move it\s+aside/);
	});

	it('a published file gone missing: the store opens, says which version and file, and health answers 503', async () => {
		const dir = tempDir();
		let store = await AtlasStore.open(dir);
		const version = await publishFixture(store, 'gartner-releases-to-2025-07.csv');
		await store.close();
		rmSync(path.join(dir, 'files', `${version.parts![0].file}.csv`));
		store = await AtlasStore.open(dir);
		try {
			expect(store.damage).toHaveLength(1);
			expect(store.damage[0]).toContain(`version ${version.id} (gartner-releases-to-2025-07.csv)`);
			const response = await health(store);
			expect(response.status).toBe(503);
			expect((await response.json()).problems[0]).toContain('is missing');
			// Rollback to the shipped data still works, and clears the way.
			await store.setCurrent('it_spending', null, 'ana', version.id);
			expect(await store.current('it_spending')).toBeNull();
		} finally {
			await store.close();
		}
	});

	it('a received file over the cap is refused on the stream, and nothing of it is left', async () => {
		const dir = tempDir();
		const store = await AtlasStore.open(dir);
		try {
			await expect(receiveFile(streamOf(new Uint8Array(5000)), store.tmp, 4096)).rejects.toThrow(/larger than/);
			const { readdirSync } = await import('node:fs');
			expect(readdirSync(store.tmp).filter((name) => name.endsWith('.part'))).toEqual([]);
		} finally {
			await store.close();
		}
	});
});

describe('the query engine reads only what is published', () => {
	it('a publish whose transaction fails after the query tables were rebuilt leaves them on the version still current', async () => {
		const store = await AtlasStore.open(tempDir());
		try {
			// Queried on the server: its tables are rebuilt inside the publish's transaction.
			await store.setPlacement('it_spending', 'server', 'ana');
			const count = async () => Number((await store.queries.run(`SELECT count(*)::INTEGER AS n FROM it_spending`, [])).get(0)!.n);
			expect(await count()).toBe(327);
			const received = await receiveFile(streamOf(readFileSync(path.join(fixtures, 'gartner-releases-to-2025-07.csv'))), store.tmp, 1024 ** 3);
			const report = await checkOnServer(store, schemaFor('it_spending')!, received.path, { fileName: 'older.csv', mode: 'replace' }, null);
			const about = { dataset: 'it_spending', fileName: 'older.csv', mode: 'replace' as const, recipe: report.recipe!, fileRows: report.rows, rows: report.preview!.rows, by: 'ana' };
			expect(about.rows).not.toBe(327);
			const failing = store.publish(received, about, SHIPPED, {
				beforeCommit: async () => {
					// The query tables already hold the new rows here, inside the transaction.
					expect(await count()).toBe(about.rows);
					throw new Error('disk full');
				}
			});
			await expect(failing).rejects.toThrow('disk full');
			expect(await store.current('it_spending')).toBeNull();
			expect(await count()).toBe(327);
		} finally {
			await store.close();
		}
	});

	it('a publish refused before any rebuild (a conflict) leaves the query tables alone, unbuilt again', async () => {
		const store = await AtlasStore.open(tempDir());
		try {
			await store.setPlacement('it_spending', 'server', 'ana');
			await store.queries.ready();
			const builtAt = async () => (await store.queries.run(`SELECT built_at FROM atlas_materialized WHERE dataset = 'it_spending'`, [])).get(0)!.built_at;
			const before = await builtAt();
			await expect(publishFixture(store, 'gartner-releases-to-2025-07.csv', 'not-the-current-version')).rejects.toThrow(/changed while you worked/);
			await store.queries.idle();
			expect(await builtAt()).toBe(before);
		} finally {
			await store.close();
		}
	});

	it('a dataset queried in the browsers is rebuilt after the commit: the publish does not wait for it', async () => {
		const store = await AtlasStore.open(tempDir());
		try {
			await store.queries.ready();
			const version = await publishFixture(store, 'gartner-releases-to-2025-07.csv');
			await store.queries.idle();
			expect(Number((await store.queries.run(`SELECT count(*)::INTEGER AS n FROM it_spending`, [])).get(0)!.n)).toBe(version.rows);
			expect((await store.read(`SELECT action FROM audit ORDER BY logged_at`)).map((r) => r.action)).toEqual(['publish']);
		} finally {
			await store.close();
		}
	});
});
