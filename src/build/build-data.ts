/**
 * Build step: DuckDB (the same DuckDB-WASM engine as the browser, in its blocking Node build) reads every dataset's
 * source files under `data/` and writes, under `static/datasets/`: a gzipped Arrow file per dataset (columnar; the browser
 * inserts it straight into DuckDB), the same table as CSV for download, and `catalog.json`. Then it computes the
 * overview's default view for first paint.
 */
import { chmod, copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { datasets } from '../lib/datasets/index';
import { JOB_FAMILY_RULES } from '../lib/datasets/salary-survey';
import type { CatalogEntry, DatasetSpec } from '../lib/datasets/types';
import type { Connector } from '../lib/db/connector';
import { arrowIPC, nodeConnector } from '../lib/db/node';
import { loadDataset } from './load-dataset';
import { createRollups } from '../lib/datasets/rollups';
import { datasetFile } from '../lib/db/tables';
import { arrowRows } from '../lib/queries/arrow-rows';
import { overviewView } from '../lib/views/overview';
import { spendingView } from '../lib/views/spending';
import { careersView } from '../lib/views/careers';
import { industriesView } from '../lib/views/industries';
import { forecastRecordView } from '../lib/views/forecast-record';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = path.join(root, 'static/datasets');
const generatedDir = path.join(root, 'src/lib/generated');

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function buildDataset(conn: Connector, spec: DatasetSpec): Promise<CatalogEntry> {
	await loadDataset(conn, spec, path.join(root, 'data'));
	await createRollups(conn, spec.name, 'VIEW');
	const table = await conn.query(`SELECT * FROM "${spec.name}"`);
	const target = path.join(outDir, datasetFile(spec.name));
	await writeFile(target, gzipSync(arrowIPC(table), { level: 9 }));
	const csvFile = `${spec.name}.csv`;
	// No temporary file: DuckDB's Node runtime cannot rename it over an existing CSV and would leave the old one.
	await rm(path.join(outDir, csvFile), { force: true });
	await conn.query(`COPY "${spec.name}" TO ${quote(path.join(outDir, csvFile))} (HEADER, USE_TMP_FILE false)`);
	await chmod(path.join(outDir, csvFile), 0o644); // DuckDB's Node runtime creates files private to the user
	const preview = arrowRows<CatalogEntry['preview'][number]>(await conn.query(`SELECT * FROM "${spec.name}" LIMIT 10`));
	const { files, select: _select, ...described } = spec;
	return {
		...described,
		sourceFiles: files.map((file) => `data/${file}`),
		dataFile: datasetFile(spec.name),
		csvFile,
		rowCount: table.numRows,
		bytes: (await stat(target)).size,
		preview: JSON.parse(JSON.stringify(preview, (_key, value) => (typeof value === 'bigint' ? Number(value) : value)))
	};
}

async function main() {
	const started = performance.now();
	await mkdir(outDir, { recursive: true });
	await mkdir(generatedDir, { recursive: true });
	// The source files are read and the CSV copies written by DuckDB: the only two folders it may touch.
	const conn = await nodeConnector([path.join(root, 'data') + path.sep, outDir + path.sep]);
	const catalog: CatalogEntry[] = [];
	for (const spec of datasets) catalog.push(await buildDataset(conn, spec));
	await writeFile(path.join(outDir, 'catalog.json'), JSON.stringify({ datasets: catalog }));
	// Uploaded salary surveys get their job families from the same rules, in the browser.
	await copyFile(path.join(root, 'data', JOB_FAMILY_RULES), path.join(outDir, JOB_FAMILY_RULES));

	// Each page's default view, computed by the same functions the browser runs, so first paint needs no engine.
	const snapshots: Record<string, () => Promise<unknown>> = {
		overview: () => overviewView(conn),
		spending: () => spendingView(conn),
		careers: () => careersView(conn),
		industries: () => industriesView(conn),
		record: () => forecastRecordView(conn)
	};
	for (const [page, compute] of Object.entries(snapshots))
		await writeFile(path.join(generatedDir, `${page}-snapshot.json`), JSON.stringify(await compute()));
	const summary = catalog.map((d) => `${d.name} ${d.rowCount} rows`).join(', ');
	console.log(`data: ${summary}; snapshots: ${Object.keys(snapshots).join(', ')} (${Math.round(performance.now() - started)} ms)`);
}

main().catch((error) => {
	console.error(`data build failed: ${error.message}${error.detail ? `\n${error.detail}` : ''}`);
	process.exit(1);
});
