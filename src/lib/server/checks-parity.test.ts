import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badFiles } from '../../../tests/fixtures/upload/bad-files';
import { ingest, type IngestReport, type Mode } from '../checks/ingest';
import { schemaFor } from '../checks/schemas';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { nativeConnector, type NativeEngine } from './native-connector';
import { attachShipped, DATA_DIR } from './shipped';

/**
 * The upload checks are one piece of SQL run by two engines: DuckDB-WASM in the analyst's browser and native DuckDB on
 * the Atlas server when the file is published. Every malformed fixture must get the same answer from both.
 */
const fixtures = path.resolve('tests/fixtures/upload');
const DATASETS = ['it_spending', 'salary_survey', 'occupations'];
let wasm: Connector;
let native: NativeEngine;
let scratch: string;

beforeAll(async () => {
	scratch = mkdtempSync(path.join(os.tmpdir(), 'atlas-parity-'));
	wasm = await connectorWithDatasets(DATASETS, [fixtures + path.sep]);
	native = await nativeConnector({ scratch, folders: [DATA_DIR + path.sep] });
	for (const name of DATASETS) await attachShipped(native, name);
});
afterAll(() => {
	native?.close();
	rmSync(scratch, { recursive: true, force: true });
});

const check = (conn: Connector, dataset: string, bytes: Uint8Array, fileName: string, mode: Mode = 'replace') =>
	ingest({ conn, schema: schemaFor(dataset)!, file: new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName, mode });

/** What an analyst is told about a file: everything but timings and the engine's own object identities. */
const told = (report: IngestReport) => JSON.parse(JSON.stringify(report, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));

describe('both engines judge every malformed file the same', () => {
	it('the shipped tables are the same rows in both engines', async () => {
		for (const name of DATASETS) {
			const sql = `SELECT count(*)::INTEGER AS n, md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) AS h FROM "${name}" t`;
			expect((await native.query(sql)).get(0)!.toJSON(), name).toEqual((await wasm.query(sql)).get(0)!.toJSON());
		}
	});

	it.each(badFiles)('$file', async (bad) => {
		const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'bad', bad.file)));
		const [inBrowser, onServer] = [await check(wasm, bad.dataset, bytes, bad.file, bad.mode), await check(native, bad.dataset, bytes, bad.file, bad.mode)];
		expect(inBrowser.problem !== null || inBrowser.errorCount > 0, 'the fixture is refused').toBe(true);
		expect(told(onServer)).toEqual(told(inBrowser));
	});

	it('a good newer Gartner release passes in both, with the same preview', async () => {
		const bytes = new Uint8Array(readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv')));
		const inBrowser = await check(wasm, 'it_spending', bytes, 'gartner-release-2026-02.csv', 'append');
		const onServer = await check(native, 'it_spending', bytes, 'gartner-release-2026-02.csv', 'append');
		expect(told(onServer)).toEqual(told(inBrowser));
	});
});
