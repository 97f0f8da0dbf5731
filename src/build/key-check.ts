import type { DatasetSpec } from '../lib/datasets/types';
import type { Connector } from '../lib/db/connector';
import { arrowRows } from '../lib/queries/arrow-rows';

export interface DuplicateKey {
	/** The key's values, in the order the dataset declares its columns. */
	values: unknown[];
	/** 1-based positions of the rows in the table, in table order. */
	rows: number[];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every key of `table` held by more than one row. */
export async function duplicateKeys(conn: Connector, table: string, key: string[]): Promise<DuplicateKey[]> {
	const columns = key.map(ident).join(', ');
	const found = arrowRows<{ k: unknown[]; rows: ArrayLike<bigint | number> }>(
		await conn.query(`
			SELECT [${key.map((k) => `${ident(k)}::VARCHAR`).join(', ')}] AS k, list(rowid + 1 ORDER BY rowid) AS rows
			FROM ${ident(table)} GROUP BY ${columns} HAVING count(*) > 1 ORDER BY min(rowid)`)
	);
	return found.map((d) => ({ values: Array.from(d.k as ArrayLike<unknown>), rows: Array.from(d.rows, Number) }));
}

/**
 * Where a duplicate's rows are in data/: line numbers of the CSV when the table is that one file read as it is
 * (header on line 1, no value spanning lines), else positions in the built table.
 */
function where(spec: DatasetSpec, rows: number[]): string {
	const list = rows.join(' and ');
	return !spec.select && spec.files.length === 1 ? `lines ${rows.map((r) => r + 1).join(' and ')} of data/${spec.files[0]}` : `rows ${list} of the built table`;
}

/** Fails, naming the dataset, each duplicated key and where its rows are, unless every row has its own key. */
export async function checkOneRowPerKey(conn: Connector, spec: DatasetSpec): Promise<void> {
	if (!spec.key) return;
	const duplicates = await duplicateKeys(conn, spec.name, spec.key);
	if (!duplicates.length) return;
	const described = duplicates.map(
		(d) => `  ${spec.key!.map((k, i) => `${k} = ${d.values[i] ?? 'NULL'}`).join(', ')}: ${d.rows.length} rows (${where(spec, d.rows)})`
	);
	throw new Error(`${spec.name}: one row per ${spec.key.join(', ')} expected, but ${duplicates.length} key(s) repeat:\n${described.join('\n')}`);
}
