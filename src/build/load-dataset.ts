import path from 'node:path';
import type { DatasetSpec } from '../lib/datasets/types';
import type { Connector } from '../lib/db/connector';
import { arrowRows } from '../lib/queries/arrow-rows';
import { checkOneRowPerKey } from './key-check';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function defaultSelect(spec: DatasetSpec, [csv]: string[]): string {
	const columns = spec.columns.map((c) => `${quote(c.name)}: ${quote(c.type)}`).join(', ');
	return `SELECT * FROM read_csv(${csv}, header = true, columns = {${columns}})`;
}

/** Fails the build when the table's columns differ from what the dataset module declares. */
async function checkColumns(conn: Connector, spec: DatasetSpec) {
	const actual = arrowRows<{ column_name: string; column_type: string }>(await conn.query(`DESCRIBE "${spec.name}"`));
	const got = actual.map((c) => `${c.column_name} ${c.column_type}`).join(', ');
	const want = spec.columns.map((c) => `${c.name} ${c.type}`).join(', ');
	if (got !== want) throw new Error(`${spec.name}: columns are\n  ${got}\nbut the dataset module declares\n  ${want}`);
}

/** Creates the dataset's table from its files under `dataDir`; fails on columns other than declared or a repeated key. */
export async function loadDataset(conn: Connector, spec: DatasetSpec, dataDir: string): Promise<void> {
	const paths = spec.files.map((file) => quote(path.join(dataDir, file)));
	const select = spec.select ? spec.select(paths) : defaultSelect(spec, paths);
	await conn.query(`CREATE OR REPLACE TABLE "${spec.name}" AS ${select}`);
	await checkColumns(conn, spec);
	await checkOneRowPerKey(conn, spec);
}
