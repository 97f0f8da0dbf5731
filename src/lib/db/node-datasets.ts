import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Connector } from './connector';
import { nodeConnector } from './node';
import { createRollups } from '../datasets/rollups';
import { attachDataset, datasetFile } from './tables';

/**
 * A Node connector (tests, build step) with the built files of the given datasets attached (`npm run data` first);
 * `folders` as for `nodeConnector`.
 */
export async function connectorWithDatasets(names: string[], folders: string[] = [], dir = path.resolve('static/datasets')): Promise<Connector> {
	const conn = await nodeConnector(folders);
	for (const name of names) {
		const bytes = gunzipSync(await readFile(path.join(dir, datasetFile(name))));
		await attachDataset(conn, name, new Uint8Array(bytes));
		await createRollups(conn, name, 'VIEW');
	}
	return conn;
}
