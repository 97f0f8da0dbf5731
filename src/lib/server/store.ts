/**
 * Published versions on the Atlas server: one native DuckDB database file under the data directory, with the files
 * as uploaded beside it, named by their SHA-256. A version is like a browser's committed version (a base and the
 * uploaded files, each with the recipe its checks passed with); publishing one writes and fsyncs its file first, then
 * makes it current in one database transaction, so a server killed at any point restarts on the previous version or
 * the new one, never half of one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReadRecipe } from '../checks/recipe';
import type { AuditEntry, PublishedVersion } from '../versions/published';
import type { VersionBase } from '../versions/store';
import { log } from './log';
import { nativeConnector, type NativeEngine } from './native-connector';
import { placements, type PlacementSetting } from './placement';
import { ServerQueries } from './server-queries';
import { syncDir, type Received } from './receive';

export type { PublishedVersion };

/** The version a publish or rollback was based on, as it names it in If-Match: a version id, or "shipped". */
export const SHIPPED = 'shipped';

export class Conflict extends Error {
	constructor(
		readonly dataset: string,
		readonly expected: string,
		readonly current: PublishedVersion | null
	) {
		super(
			`${dataset} changed while you worked: your change was based on ${expected === SHIPPED ? 'the shipped data' : `version ${expected}`}, ` +
				`but the current version is ${current ? `${current.fileName}, published by ${current.by} on ${current.at.slice(0, 16).replace('T', ' ')} UTC` : 'the shipped data'}. ` +
				'Nothing was changed: reload the history, check what changed, and try again.'
		);
	}
}


const SCHEMA = `
CREATE TABLE IF NOT EXISTS versions (
	id VARCHAR PRIMARY KEY, dataset VARCHAR NOT NULL, file_name VARCHAR NOT NULL, file_sha256 VARCHAR NOT NULL,
	bytes BIGINT NOT NULL, rows BIGINT NOT NULL, mode VARCHAR NOT NULL, base VARCHAR NOT NULL, parts VARCHAR NOT NULL,
	published_by VARCHAR NOT NULL, published_at VARCHAR NOT NULL, based_on VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS current_versions (dataset VARCHAR PRIMARY KEY, version_id VARCHAR);
CREATE TABLE IF NOT EXISTS audit (logged_at VARCHAR NOT NULL, actor VARCHAR NOT NULL, action VARCHAR NOT NULL, dataset VARCHAR, version_id VARCHAR, detail VARCHAR);
CREATE TABLE IF NOT EXISTS sessions (token_sha256 VARCHAR PRIMARY KEY, publisher VARCHAR NOT NULL, csrf VARCHAR NOT NULL, expires_at VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS placements (dataset VARCHAR PRIMARY KEY, placement VARCHAR NOT NULL, set_by VARCHAR NOT NULL, set_at VARCHAR NOT NULL);
`;

export class DamagedDataDir extends Error {}

/** What a change does to the query engine's tables: rebuilt inside its transaction, or left for after its commit. */
interface QueryWork {
	rebuiltInside: boolean;
	later: (() => Promise<void>)[];
}

/**
 * The query engine's database: ATLAS_DUCKDB when set (another file, or MotherDuck's `md:<database>`, see README), else
 * query.duckdb beside the store's own. It is rebuilt from the published files, so it needs no backup.
 */
const queryDatabase = (dir: string) => process.env.ATLAS_DUCKDB || path.join(dir, 'query.duckdb');

export class AtlasStore {
	private constructor(
		readonly dir: string,
		private readonly engine: NativeEngine,
		/** Reads outside the write queue: a second connection sees only committed versions. */
		private readonly reader: DuckDBConnection,
		/** Datasets whose current version reads a file that is missing: reported at start-up and by /api/health. */
		readonly damage: string[],
		/** Every dataset's current version, queryable with the views' own SQL (for datasets placed on the server). */
		readonly queries: ServerQueries
	) {}

	get files() {
		return path.join(this.dir, 'files');
	}
	get tmp() {
		return path.join(this.dir, 'tmp');
	}
	private get db(): DuckDBConnection {
		return this.engine.connection;
	}

	/** Opens (or creates) the data directory; says what is wrong, and what to do, when it cannot be used. */
	static async open(dir: string): Promise<AtlasStore> {
		for (const sub of ['', 'files', 'tmp']) mkdirSync(path.join(dir, sub), { recursive: true });
		// Files left by a publish that never reached its transaction.
		for (const name of readdirSync(path.join(dir, 'tmp'))) rmSync(path.join(dir, 'tmp', name), { recursive: true, force: true });
		const database = path.join(dir, 'atlas.duckdb');
		let engine: NativeEngine;
		try {
			engine = await nativeConnector({ database, scratch: path.join(dir, 'tmp'), unlocked: true });
			await engine.connection.run(SCHEMA);
		} catch (error) {
			throw new DamagedDataDir(
				`The Atlas database ${database} cannot be opened: ${(error as Error).message}. ` +
					'If another Atlas server uses this data directory, stop it first. Otherwise restore the file from a backup, or move it ' +
					'aside to start with no published versions (the uploaded files under files/ are kept and can be published again).'
			);
		}
		const reader = await engine.connect();
		const currentVersions = () => AtlasStore.publishedOn(reader);
		const queries = await ServerQueries.open({ database: queryDatabase(dir), files: path.join(dir, 'files'), scratch: path.join(dir, 'tmp') }, currentVersions);
		const store = new AtlasStore(dir, engine, reader, [], queries);
		for (const version of Object.values(await store.published()))
			for (const part of version.parts ?? [])
				if (!existsSync(store.filePath(part.file)))
					store.damage.push(`${version.dataset}: version ${version.id} (${version.fileName}) reads files/${part.file}.csv, which is missing`);
		for (const problem of store.damage) log('data-dir.damaged', { problem, fix: 'Restore the file from a backup, or roll the dataset back to an earlier version.' }, 'error');
		return store;
	}

	async close(): Promise<void> {
		await this.queries.close();
		this.reader.closeSync();
		this.engine.close();
	}

	filePath(sha256: string): string {
		if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a file id');
		return path.join(this.files, `${sha256}.csv`);
	}

	private async rows(sql: string, params: (string | number | null)[] = [], conn = this.reader): Promise<Record<string, unknown>[]> {
		const reader = await conn.runAndReadAll(sql, params);
		return reader.getRowObjectsJS() as Record<string, unknown>[];
	}

	private static toVersion(row: Record<string, unknown>): PublishedVersion {
		return {
			id: String(row.id),
			dataset: String(row.dataset),
			fileName: String(row.file_name),
			by: String(row.published_by),
			at: String(row.published_at),
			mode: row.mode === 'append' ? 'append' : 'replace',
			rows: Number(row.rows),
			bytes: Number(row.bytes),
			base: JSON.parse(String(row.base)) as VersionBase,
			parts: JSON.parse(String(row.parts)),
			basedOn: String(row.based_on),
			published: true
		};
	}

	/** The current published version of every dataset that has one. */
	async published(conn = this.reader): Promise<Record<string, PublishedVersion>> {
		return AtlasStore.publishedOn(conn);
	}

	private static async publishedOn(conn: DuckDBConnection): Promise<Record<string, PublishedVersion>> {
		const reader = await conn.runAndReadAll(`SELECT v.* FROM current_versions c JOIN versions v ON v.id = c.version_id ORDER BY v.dataset`);
		const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
		return Object.fromEntries(rows.map((r) => [String(r.dataset), AtlasStore.toVersion(r)]));
	}

	/** Placements publishers set (the rest follow the size rule, see placement.ts). */
	async placementsSet(): Promise<Record<string, PlacementSetting>> {
		const rows = await this.rows(`SELECT * FROM placements ORDER BY dataset`);
		return Object.fromEntries(rows.map((r) => [String(r.dataset), { placement: r.placement === 'server' ? 'server' : 'browser', by: String(r.set_by), at: String(r.set_at) }]));
	}

	/** Sets where `dataset` is queried, or back to the size rule with 'auto'. */
	async setPlacement(dataset: string, placement: 'server' | 'browser' | 'auto', by: string): Promise<void> {
		await this.exclusive(async (db) => {
			if (placement === 'auto') await db.run(`DELETE FROM placements WHERE dataset = ?`, [dataset]);
			else await db.run(`INSERT OR REPLACE INTO placements VALUES (?, ?, ?, ?)`, [dataset, placement, by, new Date().toISOString()]);
			await this.auditRow(by, 'placement', dataset, null, placement === 'auto' ? 'queried where its size says' : placement === 'server' ? 'queried on the server' : 'queried in each browser');
		});
	}

	async current(dataset: string, conn = this.reader): Promise<PublishedVersion | null> {
		return (await this.published(conn))[dataset] ?? null;
	}

	/** Every version ever published of `dataset`, newest first. */
	async history(dataset: string): Promise<PublishedVersion[]> {
		return (await this.rows(`SELECT * FROM versions WHERE dataset = ? ORDER BY published_at DESC, id`, [dataset])).map(AtlasStore.toVersion);
	}

	async version(id: string, conn = this.reader): Promise<PublishedVersion | null> {
		const [row] = await this.rows(`SELECT * FROM versions WHERE id = ?`, [id], conn);
		return row ? AtlasStore.toVersion(row) : null;
	}

	/**
	 * Makes a received, checked file a new version and the current one. The file is moved into files/ (already
	 * fsynced, and the folder synced after the move) before the transaction that makes it current; `basedOn` must
	 * still be current when the transaction runs, or nothing changes (Conflict).
	 */
	async publish(
		received: Received,
		about: { dataset: string; fileName: string; mode: 'replace' | 'append'; recipe: ReadRecipe; fileRows: number; rows: number; by: string },
		basedOn: string,
		hooks: { beforeCommit?: () => Promise<void> } = {}
	): Promise<PublishedVersion> {
		const target = this.filePath(received.sha256);
		await rename(received.path, target);
		await syncDir(this.files);
		return this.keepingQueries(about.dataset, (work) => this.transaction(async () => {
			const current = await this.current(about.dataset, this.db);
			if ((current?.id ?? SHIPPED) !== basedOn) throw new Conflict(about.dataset, basedOn, current);
			const under =
				about.mode === 'replace'
					? { base: null as VersionBase, parts: [] }
					: current
						? { base: current.base ?? null, parts: current.parts ?? [] }
						: { base: 'shipped' as VersionBase, parts: [] };
			const version: PublishedVersion = {
				id: randomUUID(),
				dataset: about.dataset,
				fileName: about.fileName,
				by: about.by,
				at: new Date().toISOString(),
				mode: about.mode,
				rows: about.rows,
				bytes: received.bytes,
				base: under.base,
				parts: [...under.parts, { file: received.sha256, recipe: about.recipe, rows: about.fileRows }],
				basedOn,
				published: true
			};
			await this.db.run(`INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
				version.id,
				version.dataset,
				version.fileName,
				received.sha256,
				version.bytes,
				version.rows,
				version.mode,
				JSON.stringify(version.base),
				JSON.stringify(version.parts),
				version.by,
				version.at,
				basedOn
			]);
			await this.setCurrentRow(about.dataset, version.id);
			await this.auditRow(about.by, 'publish', about.dataset, version.id, `${about.fileName}, ${about.rows} rows (${about.mode})`);
			await this.rebuildQueries(about.dataset, version, work);
			await hooks.beforeCommit?.();
			return version;
		}));
	}

	/** Republishes an earlier version (rollback), or the shipped data with null; `basedOn` as for publish. */
	async setCurrent(dataset: string, id: string | null, by: string, basedOn: string): Promise<void> {
		await this.keepingQueries(dataset, (work) => this.transaction(async () => {
			const current = await this.current(dataset, this.db);
			if ((current?.id ?? SHIPPED) !== basedOn) throw new Conflict(dataset, basedOn, current);
			let version: PublishedVersion | null = null;
			if (id !== null) {
				version = await this.version(id, this.db);
				if (!version || version.dataset !== dataset) throw new RangeError(`No version ${id} of ${dataset}`);
				for (const part of version.parts ?? [])
					if (!existsSync(this.filePath(part.file))) throw new RangeError(`Version ${id} reads files/${part.file}.csv, which is missing on the server`);
			}
			await this.setCurrentRow(dataset, id);
			await this.auditRow(by, id ? 'rollback' : 'reset', dataset, id, id ? null : 'back to the shipped data');
			await this.rebuildQueries(dataset, version, work);
		}));
	}

	/**
	 * Brings the query engine's tables of `dataset` to `version`. A dataset queried on the server is rebuilt here, inside
	 * the change's transaction (it answers from the new version the moment the change commits); one queried in the
	 * browsers, whose tables the server reads only for views that also name a dataset on the server, is rebuilt right
	 * after the commit, without making the publisher wait (a 1M-row survey would take 1.6 s more).
	 */
	private async rebuildQueries(dataset: string, version: PublishedVersion | null, work: QueryWork): Promise<void> {
		const placed = placements(version ? { [dataset]: version } : {}, await this.placementsSet(), [dataset])[dataset];
		if (placed.placement === 'server') {
			work.rebuiltInside = true;
			return this.queries.rebuild(dataset, version);
		}
		work.later.push(() =>
			this.queries.rebuild(dataset, version).catch((failure) => log('query-engine.rebuild-failed', { dataset, reason: (failure as Error).message }, 'error'))
		);
	}

	/**
	 * Runs a change whose transaction may rebuild the query engine's tables before it commits: if the transaction then
	 * fails, they are brought back to the version still current, so queries never read one that was not published (a
	 * change refused before any rebuild, such as a conflict, costs nothing more).
	 */
	private async keepingQueries<T>(dataset: string, change: (work: QueryWork) => Promise<T>): Promise<T> {
		const work: QueryWork = { rebuiltInside: false, later: [] };
		try {
			const result = await change(work);
			for (const rebuild of work.later) void rebuild();
			return result;
		} catch (error) {
			if (work.rebuiltInside)
				await this.queries
					.rebuild(dataset, await this.current(dataset))
					.catch((failure) => log('query-engine.restore-failed', { dataset, reason: (failure as Error).message }, 'error'));
			throw error;
		}
	}

	private async setCurrentRow(dataset: string, id: string | null) {
		await this.db.run(`INSERT OR REPLACE INTO current_versions VALUES (?, ?)`, [dataset, id]);
	}

	private async auditRow(actor: string, action: string, dataset: string | null, version: string | null, detail: string | null) {
		await this.db.run(`INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?)`, [new Date().toISOString(), actor, action, dataset, version, detail]);
	}

	async audit(actor: string, action: string, detail: string | null = null): Promise<void> {
		await this.exclusive(() => this.auditRow(actor, action, null, null, detail));
	}

	/** Runs statements of the server's own (sessions) on the write connection, between other requests' transactions. */
	async write(sql: string, params: (string | number | null)[]): Promise<void> {
		await this.exclusive((db) => db.run(sql, params));
	}

	/** Reads committed rows. */
	read(sql: string, params: (string | number | null)[] = []): Promise<Record<string, unknown>[]> {
		return this.rows(sql, params);
	}

	async auditLog(limit = 200): Promise<AuditEntry[]> {
		return (await this.rows(`SELECT * FROM audit ORDER BY logged_at DESC LIMIT ?`, [limit])).map((r) => ({
			at: String(r.logged_at),
			actor: String(r.actor),
			action: String(r.action),
			dataset: r.dataset === null ? null : String(r.dataset),
			version: r.version_id === null ? null : String(r.version_id),
			detail: r.detail === null ? null : String(r.detail)
		}));
	}

	// One connection: DuckDB runs its statements one after another, so a transaction is never interleaved with
	// another request's, provided each waits for the one before.
	private queue: Promise<unknown> = Promise.resolve();

	private transaction<T>(work: () => Promise<T>): Promise<T> {
		return this.exclusive(async (db) => {
			await db.run('BEGIN TRANSACTION');
			try {
				const result = await work();
				await db.run('COMMIT');
				return result;
			} catch (error) {
				await db.run('ROLLBACK').catch(() => undefined);
				throw error;
			}
		});
	}

	/** Runs `work` on the database outside any transaction of another request. */
	exclusive<T>(work: (db: DuckDBConnection) => Promise<T>): Promise<T> {
		const run = () => work(this.db);
		const next = this.queue.then(run, run);
		this.queue = next.catch(() => undefined);
		return next;
	}
}
