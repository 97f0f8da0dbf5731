import path from 'node:path';
import { loadDataset } from '../../build/load-dataset';
import { datasets } from '../datasets';
import type { Connector } from '../db/connector';

/** The repository's data/ folder: the shipped datasets' source files, read by the native engine as the build reads them. */
export const DATA_DIR = path.resolve('data');

/** Creates table `name` with the shipped rows, read from data/ with the same SQL as the build. */
export async function attachShipped(conn: Connector, name: string, table = name): Promise<void> {
	const spec = datasets.find((d) => d.name === name);
	if (!spec) throw new Error(`No dataset ${name}`);
	await loadDataset(conn, { ...spec, name: table }, DATA_DIR);
}
