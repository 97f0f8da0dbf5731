import { tableFromIPC } from 'apache-arrow';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRoles } from '../benchmark/check-roles';
import { datasets } from '../datasets';
import { JOB_FAMILY_RULES } from '../datasets/salary-survey';
import { DbError } from '../db/errors';
import type { Connector, Param } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { careerPathWages } from '../queries/career-path-wages';
import { educationEarnings } from '../queries/education-earnings';
import { forecastRecord, horizonErrors, restatedBases } from '../queries/forecast-record';
import { guideFigures } from '../queries/guide-figures';
import { industryNeeds } from '../queries/industry-needs';
import { industryPostings } from '../queries/industry-postings';
import { latestSpending } from '../queries/latest-spending';
import { occupationOutlook } from '../queries/occupation-outlook';
import { occupationWages } from '../queries/occupation-wages';
import { benchmarkOccupations, payBenchmark } from '../queries/pay-benchmark';
import { occupationOverTime, postingsByDimension, postingsOverTime } from '../queries/postings';
import { remoteCounts, salaryLadder } from '../queries/salary-ladder';
import { segmentSpending } from '../queries/segment-spending';
import { spendingReleases } from '../queries/spending-releases';
import { spendingRevisions } from '../queries/spending-revisions';
import { careersView } from '../views/careers';
import { forecastRecordView } from '../views/forecast-record';
import { industriesView } from '../views/industries';
import { overviewView } from '../views/overview';
import { spendingView } from '../views/spending';
import { runQuery, type ApiEvent } from './api';
import { nativeConnector, type NativeEngine } from './native-connector';
import { ServerQueries } from './server-queries';
import { attachShipped, DATA_DIR } from './shipped';
import type { AtlasStore } from './store';

/**
 * The views run their SQL on DuckDB-WASM in the browser, or on the Atlas server's native DuckDB for a dataset placed
 * there. Every query function and every view, on the shipped data, must give the same rows either way: the server's
 * side goes through the real route (JSON in, Arrow IPC out) as a page's request would.
 */
const ORIGIN = 'http://atlas.test';
const NAMES = datasets.map((d) => d.name);
let scratch: string;
let wasm: Connector;
let queries: ServerQueries;

/** The page's connector for a dataset on the server, minus the network: the same request, route and Arrow decoding. */
function throughRoute(store: Pick<AtlasStore, 'queries'>): Connector {
	const post = async (sql: string, params: readonly Param[] = []) => {
		const request = new Request(`${ORIGIN}/api/query`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ sql, params }) });
		const event: ApiEvent = { request, url: new URL(request.url), params: {}, cookies: { get: () => undefined, set: () => undefined, delete: () => undefined }, getClientAddress: () => '127.0.0.1' };
		const response = await runQuery(store as AtlasStore, event);
		if (!response.ok) throw new DbError('query', `HTTP ${response.status}`, (await response.json()).error);
		return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
	};
	const unused = async () => {
		throw new Error('not on the server');
	};
	return { readsOnly: true, filePath: (n) => n, query: post, queryCancellable: (sql) => post(sql), tokenize: unused, prepareOnly: unused, registerFile: unused, registerBlob: unused, dropFile: unused, copyToBuffer: unused, insertArrowIPC: unused };
}
let server: Connector;

beforeAll(async () => {
	scratch = mkdtempSync(path.join(os.tmpdir(), 'atlas-query-parity-'));
	mkdirSync(path.join(scratch, 'files'));
	wasm = await connectorWithDatasets(NAMES);
	queries = await ServerQueries.open({ database: path.join(scratch, 'query.duckdb'), files: path.join(scratch, 'files'), scratch }, async () => ({}));
	await queries.ready();
	server = throughRoute({ queries });
}, 120_000);
afterAll(async () => {
	await queries?.close();
	rmSync(scratch, { recursive: true, force: true });
});

/** What a chart is given: rows as JSON (a 64-bit integer as its digits, so a type change shows). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)));

const calls: [string, (conn: Connector) => Promise<unknown>][] = [
	['careerPathWages 2024', (c) => careerPathWages(c, 2024)],
	['educationEarnings', educationEarnings],
	['forecastRecord', forecastRecord],
	['restatedBases', restatedBases],
	['horizonErrors', horizonErrors],
	['guideFigures education', (c) => guideFigures(c, 'education')],
	['guideFigures remote', (c) => guideFigures(c, 'remote')],
	['guideFigures postings-time', (c) => guideFigures(c, 'postings-time')],
	['industryNeeds 2024', (c) => industryNeeds(c, 2024)],
	['industryPostings', industryPostings],
	['latestSpending', latestSpending],
	['occupationOutlook', occupationOutlook],
	['occupationWages 2024, all', (c) => occupationWages(c, { year: 2024 })],
	['occupationWages 2023, two codes', (c) => occupationWages(c, { year: 2023, codes: ['15-1252', '15-1212'] })],
	['benchmarkOccupations', benchmarkOccupations],
	['postingsByDimension industry', (c) => postingsByDimension(c, 'job_postings_tech_ytd', 'industry (NAICS):')],
	['postingsByDimension occupation', (c) => postingsByDimension(c, 'new_job_postings_tech', 'occupation:')],
	['postingsOverTime', postingsOverTime],
	['occupationOverTime Software developers and engineers', (c) => occupationOverTime(c, 'occupation: Software developers and engineers')],
	['salaryLadder US', (c) => salaryLadder(c, 'US')],
	['salaryLadder all', (c) => salaryLadder(c, 'all')],
	['remoteCounts US', (c) => remoteCounts(c, 'US')],
	['remoteCounts all', (c) => remoteCounts(c, 'all')],
	['spendingReleases', spendingReleases],
	['segmentSpending newest release', async (c) => segmentSpending(c, { release: (await spendingReleases(c)).at(-1)!.release })],
	['segmentSpending July 2025, 2024', (c) => segmentSpending(c, { release: '2025-07', year: 2024 })],
	['spendingRevisions Software 2025', (c) => spendingRevisions(c, { segment: 'Software', year: 2025 })],
	['overviewView', (c) => overviewView(c)],
	['spendingView', (c) => spendingView(c)],
	['forecastRecordView', forecastRecordView],
	['careersView', (c) => careersView(c)],
	['industriesView', industriesView]
];

describe('every query function gives the same rows in the browser and on the server', () => {
	it('the server holds every dataset and pre-aggregation with the same rows as the browser', async () => {
		for (const name of [...NAMES, ...datasets.flatMap((d) => d.rollups?.map((r) => r.name) ?? [])]) {
			const sql = `SELECT count(*)::INTEGER AS n, md5(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR)) AS h FROM "${name}" t`;
			expect((await server.query(sql)).get(0)!.toJSON(), name).toEqual((await wasm.query(sql)).get(0)!.toJSON());
		}
	});

	it.each(calls)('%s', async (_, call) => {
		const inBrowser = plain(await call(wasm));
		expect(Array.isArray(inBrowser) ? inBrowser.length : Object.keys(inBrowser).length, 'the call answers something').toBeGreaterThan(0);
		expect(plain(await call(server))).toEqual(inBrowser);
	});

	it('payBenchmark (a role file never leaves the browser, but its SQL is the same dialect)', async () => {
		const native: NativeEngine = await nativeConnector({ scratch, folders: [DATA_DIR + path.sep] });
		try {
			const roles = new Blob([readFileSync(path.resolve('tests/fixtures/benchmark/roles-20.csv'))]);
			const rules = new Uint8Array(readFileSync(path.join(DATA_DIR, JOB_FAMILY_RULES)));
			for (const name of ['occupations', 'salary_survey', 'career_paths']) await attachShipped(native, name);
			const answers = [];
			for (const conn of [wasm, native]) {
				await conn.registerFile(conn.filePath(JOB_FAMILY_RULES), rules);
				expect((await checkRoles(conn, { file: roles, fileName: 'roles-20.csv' })).errors).toEqual([]);
				answers.push(plain(await payBenchmark(conn)));
			}
			expect(answers[0]).toHaveLength(20);
			expect(answers[1]).toEqual(answers[0]);
		} finally {
			native.close();
		}
	});
});
