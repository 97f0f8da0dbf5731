import type { Connector } from '../db/connector';
import type { DatasetSpec } from '../datasets/types';
import { resultParquet } from '../explore/export';
import { resultData } from '../explore/result';

/** How DuckDB writes every CSV the product hands out or stores: header, comma, quotes only where needed. */
export const CSV_OPTIONS = 'FORMAT csv, HEADER';

/** SQL selecting a dataset with text cells that a spreadsheet would run as formulas prefixed with '. */
export function neutralisedSelect(spec: DatasetSpec): string {
	const columns = spec.columns.map((c) =>
		c.type === 'VARCHAR' ? `CASE WHEN regexp_matches("${c.name}", '^[=+\\-@\\t\\r]') THEN '''' || "${c.name}" ELSE "${c.name}" END AS "${c.name}"` : `"${c.name}"`
	);
	return `SELECT ${columns.join(', ')} FROM "${spec.name}"`;
}

export async function exportCsv(conn: Connector, spec: DatasetSpec): Promise<Uint8Array> {
	return conn.copyToBuffer(neutralisedSelect(spec), 'export.csv', CSV_OPTIONS);
}

export async function exportParquet(conn: Connector, spec: DatasetSpec): Promise<ArrayBuffer> {
	return resultParquet(resultData(await conn.query(`SELECT * FROM "${spec.name}"`)));
}
