import type { Connector } from '../db/connector';
import type { DatasetSpec } from '../datasets/types';
import { FORMULA_START, resultParquet } from '../explore/export';
import { resultData } from '../explore/result';
import { literal } from '../checks/validate-sql';

/** How DuckDB writes every CSV the product hands out or stores: header, comma, quotes only where needed. */
export const CSV_OPTIONS = 'FORMAT csv, HEADER';

/** SQL for a text column whose cells a spreadsheet would run as formulas (see FORMULA_START) prefixed with '. */
export const neutralised = (column: string) =>
	`CASE WHEN regexp_matches("${column}", ${literal(FORMULA_START.source)}) THEN '''' || "${column}" ELSE "${column}" END AS "${column}"`;

/** SQL selecting a dataset with its text cells neutralised. */
export function neutralisedSelect(spec: DatasetSpec): string {
	return `SELECT ${spec.columns.map((c) => (c.type === 'VARCHAR' ? neutralised(c.name) : `"${c.name}"`)).join(', ')} FROM "${spec.name}"`;
}

/**
 * Every error of the staged upload as CSV. Column names come from the file's header and values from its cells, and
 * the messages may quote either: every text column is neutralised.
 */
export function errorsCsv(conn: Connector, errorsTable: string): Promise<Uint8Array> {
	const text = ['column', 'value', 'kind', 'problem', 'expected'].map(neutralised).join(', ');
	const select = `SELECT line, ${text} FROM ${errorsTable} ORDER BY line, "column"`;
	return conn.copyToBuffer(select, 'errors.csv', CSV_OPTIONS);
}

export async function exportCsv(conn: Connector, spec: DatasetSpec): Promise<Uint8Array> {
	return conn.copyToBuffer(neutralisedSelect(spec), 'export.csv', CSV_OPTIONS);
}

export async function exportParquet(conn: Connector, spec: DatasetSpec): Promise<ArrayBuffer> {
	return resultParquet(resultData(await conn.query(`SELECT * FROM "${spec.name}"`)));
}
