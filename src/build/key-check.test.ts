import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itSpending } from '../lib/datasets/it-spending';
import type { DatasetSpec } from '../lib/datasets/types';
import { nodeConnector } from '../lib/db/node';
import { loadDataset } from './load-dataset';

const fixtures = path.resolve('tests/fixtures/build');

const spec = (key: string[]): DatasetSpec => ({
	name: 'fixture_spending',
	title: 'fixture',
	files: ['duplicate-key.csv'],
	key,
	description: '',
	columns: [
		{ name: 'segment', type: 'VARCHAR', description: '' },
		{ name: 'year', type: 'INTEGER', description: '' },
		{ name: 'spend_usd_bn', type: 'DOUBLE', description: '' },
		{ name: 'source_url', type: 'VARCHAR', description: '' }
	],
	sources: [],
	vintage: '',
	licence: '',
	caveats: []
});

describe('the build’s one-row-per-key check', () => {
	it('fails on a repeated key, naming the dataset, the key and the CSV lines', async () => {
		const conn = await nodeConnector([fixtures + path.sep]);
		const failure = loadDataset(conn, spec(['segment', 'year']), fixtures);
		await expect(failure).rejects.toThrow('fixture_spending: one row per segment, year expected, but 1 key(s) repeat');
		await expect(failure).rejects.toThrow('segment = Devices, year = 2021: 2 rows (lines 2 and 5 of data/duplicate-key.csv)');
	});

	it('passes when every row has its own key', async () => {
		const conn = await nodeConnector([fixtures + path.sep]);
		await expect(loadDataset(conn, spec(['segment', 'year', 'source_url']), fixtures)).resolves.toBeUndefined();
	});

	it('would fail on the Gartner file read as it is: the three keys read from two sources', async () => {
		const data = path.resolve('data');
		const conn = await nodeConnector([data + path.sep]);
		const raw: DatasetSpec = { ...itSpending, select: undefined, columns: itSpending.columns.filter((c) => c.name !== 'also_published') };
		const failure = loadDataset(conn, raw, data);
		await expect(failure).rejects.toThrow('3 key(s) repeat');
		await expect(failure).rejects.toThrow('release_date = 2021-01, segment = Total, year = 2021: 2 rows (lines 63 and 66 of data/gartner_it_spending_releases.csv)');
		await expect(failure).rejects.toThrow('release_date = 2022-04, segment = Total, year = 2022: 2 rows (lines 154 and 156');
		await expect(failure).rejects.toThrow('release_date = 2022-07, segment = Total, year = 2022: 2 rows (lines 160 and 162');
	});
});
