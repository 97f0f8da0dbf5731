import type { Connector } from '../db/connector';
import { DbError, toDbError } from '../db/errors';
import { JOB_FAMILY_RULES } from '../datasets/salary-survey';
import { datasetRowsSql, readCsvSql } from './recipe';
import type { UploadSchema } from './schemas';
import type { StoredPart, VersionBase } from '../versions/store';

/** Where a version's bytes come from: the browser's storage and the shipped files, or files on disk in tests. */
export interface VersionSources {
	/** Creates `table` with a version's base rows: the shipped data, or an Arrow file stored by an earlier build. */
	attachBase(base: Exclude<VersionBase, null>, table: string): Promise<void>;
	/** A stored upload. */
	file(key: string): Promise<Blob>;
	/** A file under data/ that derived columns need (the job family rules). */
	dataFile(name: string): Promise<Uint8Array>;
}

let attaches = 0;

/**
 * Creates (or replaces) `table` with a committed version's rows: its base, then each uploaded file read the way its
 * checks passed. The files were checked at commit, so they are only read here; a file that no longer reads as it did
 * (damaged storage) fails the whole version rather than showing part of it.
 */
export async function attachVersion(
	conn: Connector,
	schema: UploadSchema,
	layers: { base: VersionBase; parts: StoredPart[] },
	sources: VersionSources,
	table = schema.dataset.name
): Promise<void> {
	const n = ++attaches;
	const selects: string[] = [];
	const staged: string[] = [];
	const files: string[] = [];
	try {
		if (layers.base) {
			const baseTable = `version_base_${n}`;
			staged.push(baseTable);
			await sources.attachBase(layers.base, baseTable);
			selects.push(`SELECT * FROM ${baseTable}`);
		}
		if (schema.derive && layers.parts.length) await conn.registerFile(conn.filePath(JOB_FAMILY_RULES), await sources.dataFile(JOB_FAMILY_RULES));
		for (const [i, part] of layers.parts.entries()) {
			const file = conn.filePath(`version-${n}-${i}.csv`);
			const raw = `version_raw_${n}_${i}`;
			files.push(file);
			await conn.registerBlob(file, await sources.file(part.file));
			staged.push(raw);
			await conn.query(`CREATE TEMP TABLE ${raw} AS SELECT * FROM ${readCsvSql(file, part.recipe)}`);
			const rows = Number((await conn.query(`SELECT count(*) AS n FROM ${raw}`)).get(0)?.n);
			if (rows !== part.rows) throw new Error(`${part.recipe.fileName} reads as ${rows} rows; it had ${part.rows} when committed`);
			selects.push(`(${datasetRowsSql(schema, part.recipe, raw, conn.filePath(JOB_FAMILY_RULES))})`);
		}
		await conn.query(`CREATE OR REPLACE TABLE "${table}" AS ${selects.join(' UNION ALL ')}`);
	} catch (error) {
		const failure = toDbError('load', error);
		throw new DbError('load', `The committed version of ${schema.dataset.name} could not be read`, failure.detail ?? failure.message);
	} finally {
		for (const name of staged) await conn.query(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
		for (const file of files) await conn.dropFile(file).catch(() => undefined);
	}
}
