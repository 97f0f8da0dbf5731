import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { badFiles } from '../../../tests/fixtures/upload/bad-files';
import type { Connector } from '../db/connector';
import { arrowIPC } from '../db/node';
import { connectorWithDatasets } from '../db/node-datasets';
import { attachDataset } from '../db/tables';
import { itSpending } from '../datasets/it-spending';
import { salarySurvey } from '../datasets/salary-survey';
import { attachVersion } from './attach-version';
import { errorsCsv, exportCsv, neutralisedSelect } from '../upload/export';
import { inspectHead, MAX_UPLOAD_BYTES } from './inspect';
import { ingest, STAGED, type IngestReport, type Mode } from './ingest';
import { DIFF_ROWS_SHOWN } from './preview';
import { schemaFor } from './schemas';

const fixtures = path.resolve('tests/fixtures/upload');
let conn: Connector;

beforeAll(async () => {
	conn = await connectorWithDatasets(['it_spending', 'salary_survey', 'occupations'], [fixtures + path.sep]);
});

const dataFile = async (name: string) => new Uint8Array(readFileSync(path.resolve('data', name)));

let lastFile: Blob;

function upload(dataset: string, bytes: Uint8Array | string, fileName = 'upload.csv', mode: Mode = 'replace'): Promise<IngestReport> {
	const file = (lastFile = new Blob([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)]));
	return ingest({ conn, schema: schemaFor(dataset)!, file, fileName, mode });
}

/**
 * What committing a checked upload makes the dataset, as table `committed`: its stored file read back the way the
 * browser does on every later load, after the current rows when it was appended.
 */
async function committed(report: IngestReport, dataset: string, file = lastFile, c = conn): Promise<string> {
	expect(report.recipe, 'the file passed its checks').not.toBeNull();
	const parts = [{ file: 'stored', recipe: report.recipe!, rows: report.rows }];
	await attachVersion(c, schemaFor(dataset)!, { base: report.mode === 'append' ? 'shipped' : null, parts }, {
		attachBase: async (_, table) => attachDataset(c, table, arrowIPC(await c.query(`SELECT * FROM "${dataset}"`))),
		file: async () => file,
		dataFile
	}, 'committed');
	return 'committed';
}

const rowsOf = async (sql: string) => (await conn.query(sql)).toArray().map((r) => r.toJSON());

describe('malformed files each get their own specific error', () => {
	it.each(badFiles)('$file → $problem$error', async (bad) => {
		const report = await upload(bad.dataset, readFileSync(path.join(fixtures, 'bad', bad.file)), bad.file, bad.mode);
		expect(report.preview).toBeNull();
		if (bad.problem) {
			expect(report.problem?.kind).toBe(bad.problem);
			expect(report.problem?.message).toContain(bad.says);
		} else {
			expect(report.problem).toBeNull();
			const error = report.errors.find((e) => e.kind === bad.error);
			expect(error, JSON.stringify(report.errors.slice(0, 3))).toBeDefined();
			expect(`${error!.problem} | ${error!.expected}`).toContain(bad.says);
			expect(error!.line).toBe(bad.line);
		}
	});
});

describe('good files in their real-world shapes', () => {
	// The shipped table as the catalogue offers it for download (data/'s file has three keys read from two sources).
	const gartner = readFileSync(path.resolve('static/datasets/it_spending.csv'), 'utf8');

	it('re-uploading the shipped Gartner file changes nothing', async () => {
		const report = await upload('it_spending', gartner);
		expect(report.errorCount).toBe(0);
		expect(report.preview).toMatchObject({ added: 0, removed: 0, changed: 0 });
	});

	it.each([
		['semicolon, CRLF, BOM', ';', '\r\n', '\uFEFF'],
		['tab', '\t', '\n', ''],
		['pipe', '|', '\n', '']
	])('reads the release file %s-delimited', async (_label, delimiter, newline, bom) => {
		const rows = (await rowsOf(`SELECT * FROM read_csv('${path.join(fixtures, 'gartner-release-2026-02.csv')}', all_varchar = true)`)) as Record<string, string | null>[];
		const quote = (v: string | null) => (v === null ? '' : /["\n;|\t]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
		const text = bom + [Object.keys(rows[0]).join(delimiter), ...rows.map((r) => Object.values(r).map(quote).join(delimiter))].join(newline) + newline;
		const report = await upload('it_spending', text, 'release.csv', 'replace');
		expect(report.delimiter).toBe(delimiter);
		expect(report.errorCount).toBe(0);
		const totals = await rowsOf(`SELECT spend_usd_bn FROM ${await committed(report, 'it_spending')} WHERE segment = 'Total' AND year = 2026`);
		expect(totals).toEqual([{ spend_usd_bn: 6155.493 }]);
	});

	it('reads a decimal-comma semicolon export of the Gartner releases (Excel in most of Europe) with no errors and the same figures', async () => {
		const rows = (await rowsOf(`SELECT * FROM read_csv('${path.join(fixtures, 'gartner-releases-to-2025-07.csv')}', all_varchar = true)`)) as Record<string, string | null>[];
		const numeric = new Set(['spend_usd_bn', 'growth_pct']);
		const cell = (name: string, v: string | null, comma: boolean) =>
			v === null ? '' : numeric.has(name) ? (comma ? v.replace('.', ',') : v) : /["\n;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
		const csv = (comma: boolean) => [Object.keys(rows[0]).join(';'), ...rows.map((r) => Object.entries(r).map(([k, v]) => cell(k, v, comma)).join(';'))].join('\r\n') + '\r\n';
		const text = csv(true);
		// Data Center Systems 2024 in the July 2025 release: $333.372B, +40.3%.
		expect(text).toContain('Data Center Systems;2024;333,372;40,3;actual;2025-07');
		const report = await upload('it_spending', text, 'it_spending-excel-de.csv', 'replace');
		expect(report.errors.slice(0, 3)).toEqual([]);
		expect(report.decimalComma).toEqual({ used: true, detected: true });
		expect(report.recipe?.decimalComma).toBe(true);
		const figures = await rowsOf(`SELECT spend_usd_bn, growth_pct FROM ${await committed(report, 'it_spending')} WHERE segment = 'Data Center Systems' AND year = 2024 AND release_date = '2025-07'`);
		expect(figures).toEqual([{ spend_usd_bn: 333.372, growth_pct: 40.3 }]);
		// The same file with decimal points is not read as decimal commas.
		const points = await upload('it_spending', csv(false), 'it_spending-points.csv', 'replace');
		expect(points.decimalComma.used).toBe(false);
		expect(points.errorCount).toBe(0);
	});

	it('matches renamed headers by their usual names: Type, Source, URL, Published', async () => {
		const text = readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv'), 'utf8').replace(
			/^segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url,source_pub_date,notes/,
			'segment,year,spend_usd_bn,growth_pct,Type,release_date,Source,URL,Published,notes'
		);
		expect(text.split('\n')[0]).toContain('Type');
		const report = await upload('it_spending', text, 'renamed.csv', 'replace');
		expect(report.errorCount).toBe(0);
		expect(report.extra).toEqual([]);
		expect([report.mapping.kind, report.mapping.source_title, report.mapping.source_url, report.mapping.source_pub_date]).toEqual([4, 6, 7, 8]);
	});

	it('reads spreadsheet number formats exactly: "1,234.5", $, %, (12)', async () => {
		const header = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url\n';
		const report = await upload(
			'it_spending',
			header + 'Software,2027,"$1,234.5",11.3%,forecast,2027-01,t,u1\nDevices,2027,879.6,(12),forecast,2027-01,t,u1\n'
		);
		expect(report.errorCount).toBe(0);
		expect(await rowsOf(`SELECT segment, spend_usd_bn, growth_pct FROM ${await committed(report, 'it_spending')} ORDER BY segment`)).toEqual([
			{ segment: 'Devices', spend_usd_bn: 879.6, growth_pct: -12 },
			{ segment: 'Software', spend_usd_bn: 1234.5, growth_pct: 11.3 }
		]);
	});

	it('maps the BLS Excel export (BOM, upper-case headers, "151,853,870", #) and takes the year from its file name', async () => {
		const report = await upload('occupations', readFileSync(path.resolve('data/bls_oews/national_M2023_dl.csv')), 'national_M2023_dl.csv');
		expect(report.errorCount).toBe(0);
		expect(report.mapping.employment).toBe(report.headers.indexOf('TOT_EMP'));
		expect(report.extra).toContain('H_MEAN');
		const rows = await rowsOf(`SELECT year, employment, annual_median, annual_p90, annual_p90_flag FROM ${await committed(report, 'occupations')} WHERE occ_code IN ('00-0000', '15-1252', '11-1011') ORDER BY occ_code`);
		expect(rows).toEqual([
			{ year: 2023, employment: 151853870, annual_median: 48060, annual_p90: 121470, annual_p90_flag: null },
			{ year: 2023, employment: 211230, annual_median: 206680, annual_p90: null, annual_p90_flag: 'top_coded' },
			{ year: 2023, employment: 1656880, annual_median: 132270, annual_p90: 208620, annual_p90_flag: null }
		]);
		expect(report.preview?.changed).toBe(0);
	});

	it('knows aliases: salary_usd is salary_in_usd, and job families come from the rules in data/', async () => {
		const report = await upload(
			'salary_survey',
			'Work Year,experience_level,job_title,SALARY_USD\n2025,SE,Security Engineer,180000\n2025,EN,Data Analyst,70000\n'
		);
		expect(report.errorCount).toBe(0);
		expect(report.mapping.salary_in_usd).toBe(3);
		expect(await rowsOf(`SELECT work_year, job_title, salary_in_usd, job_family FROM ${await committed(report, 'salary_survey')} ORDER BY salary_in_usd`)).toEqual([
			{ work_year: 2025, job_title: 'Data Analyst', salary_in_usd: 70000, job_family: 'Data & ML' },
			{ work_year: 2025, job_title: 'Security Engineer', salary_in_usd: 180000, job_family: 'Security' }
		]);
	});

	it('reads a Latin-1 file as Latin-1 and says so; reads UTF-16 little-endian', async () => {
		const text = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url\nDevices,2027,1,2,forecast,2027-01,Société Générale,u\n';
		const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
		const report = await upload('it_spending', latin1);
		expect(report.encoding).toBe('latin-1');
		expect(report.warnings.join(' ')).toContain('Latin-1');
		expect(await rowsOf(`SELECT source_title FROM ${await committed(report, 'it_spending')}`)).toEqual([{ source_title: 'Société Générale' }]);

		const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
		const again = await upload('it_spending', utf16);
		expect(again.encoding).toBe('utf-16');
		expect(await rowsOf(`SELECT source_title FROM ${await committed(again, 'it_spending')}`)).toEqual([{ source_title: 'Société Générale' }]);
	});

	it('a replace by one release says how many of the current rows go and which releases go whole', async () => {
		const conn2 = await connectorWithDatasets(['it_spending']);
		const file = new Blob([readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv'))]);
		const report = await ingest({ conn: conn2, schema: schemaFor('it_spending')!, file, fileName: 'gartner-release-2026-02.csv', mode: 'replace' });
		const releases = (await conn2.query('SELECT DISTINCT release_date AS r FROM it_spending ORDER BY r')).toArray().map((row) => String(row.r));
		expect(report.preview).toMatchObject({ before: 327, rows: 12 });
		expect(report.preview!.removed).toBe(327 - 12);
		expect(report.preview!.removedPeriods).toEqual(releases.filter((r) => r !== '2026-02'));
		expect(report.preview!.removedPeriods).toHaveLength(24);
		const appended = await ingest({ conn: conn2, schema: schemaFor('it_spending')!, file, fileName: 'gartner-release-2026-02.csv', mode: 'append' });
		expect(appended.preview?.removedPeriods ?? []).toEqual([]);
	});

	it('appends a release: rows added, none removed, the total before → after', async () => {
		const conn2 = await connectorWithDatasets(['it_spending']);
		await conn2.query(`DELETE FROM it_spending WHERE release_date >= '2025-10'`);
		const file = new Blob([readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv'))]);
		const report = await ingest({ conn: conn2, schema: schemaFor('it_spending')!, file, fileName: 'gartner-release-2026-02.csv', mode: 'append' });
		const before = Number((await conn2.query('SELECT count(*) AS n FROM it_spending')).get(0)!.n);
		expect(report.preview).toMatchObject({ added: 12, removed: 0, changed: 0, rows: before + 12 });
		const newest = report.preview!.totals.find((t) => t.label === 'Newest release');
		expect(newest).toMatchObject({ before: '2025-07', after: '2026-02' });

		const table = await committed(report, 'it_spending', file, conn2);
		const releases = (await conn2.query(`SELECT release_date, count(*)::INTEGER AS n FROM ${table} WHERE release_date >= '2025-07' GROUP BY ALL ORDER BY 1`)).toArray();
		expect(releases.map((r) => r.toJSON())).toEqual([
			{ release_date: '2025-07', n: 12 },
			{ release_date: '2026-02', n: 12 }
		]);
		expect(Number((await conn2.query(`SELECT count(*) AS n FROM ${table}`)).get(0)!.n)).toBe(report.preview!.rows);
	});

	it('lists the rows behind the counts: added by key, changed as before → after, removed; the chart shows the new years', async () => {
		const conn2 = await connectorWithDatasets(['it_spending']);
		await conn2.query(`DELETE FROM it_spending WHERE release_date >= '2025-10'`);
		const text = readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv'), 'utf8');
		const file = new Blob([text]);
		const report = await ingest({ conn: conn2, schema: schemaFor('it_spending')!, file, fileName: 'f.csv', mode: 'append' });
		const added = report.preview!.diff.filter((r) => r.kind === 'added');
		expect(added).toHaveLength(12);
		const url = 'https://www.expresscomputer.in/news/gartner-forecasts-worldwide-it-spending-to-grow-10-8-in-2026-totaling-6-15-trillion/132256/';
		expect(added[0]).toEqual({
			kind: 'added',
			key: `2026-02 · Communications Services · 2025 · ${url}`,
			detail: expect.stringMatching(/^spend_usd_bn 1\d{3}\.\d+ · growth_pct [\d.]+ · kind actual · source_title Gartner forecasts/)
		});
		// The chart: every year of the newest release, segments only; a year the current version lacks is new.
		const bars = report.preview!.chart.bars;
		expect(bars.map((b) => b.label)).toContain('Software 2026');
		expect(bars.some((b) => b.label.startsWith('Total'))).toBe(false);
		// Compared with the newest figure the current version has (the July 2025 release's), not with a gap.
		expect(bars.find((b) => b.label === 'Data Center Systems 2025')).toEqual({ label: 'Data Center Systems 2025', value: 496.231, before: 474.883 });
		expect(bars.find((b) => b.label === 'Data Center Systems 2026')).toEqual({ label: 'Data Center Systems 2026', value: 653.403, before: null });

		// One figure changed and one row dropped, in a replace of the file by itself.
		const base = await ingest({ conn: conn2, schema: schemaFor('it_spending')!, file, fileName: 'f.csv', mode: 'replace' });
		// 297 rows removed: the first 200 are listed, the count stays exact.
		expect(base.preview!.removed).toBe(297);
		expect(base.preview!.diff.filter((r) => r.kind === 'removed')).toHaveLength(DIFF_ROWS_SHOWN);
		const conn3 = await connectorWithDatasets(['it_spending']);
		await conn3.query(`DELETE FROM it_spending WHERE release_date <> '2026-02'`);
		const edited = text.replace('653.403,31.7', '653.403,30.9').split('\n').filter((line) => !line.startsWith('Devices,2025')).join('\n');
		const again = await ingest({ conn: conn3, schema: schemaFor('it_spending')!, file: new Blob([edited]), fileName: 'f.csv', mode: 'replace' });
		const changed = again.preview!.diff.filter((r) => r.kind === 'changed');
		expect(changed).toEqual([{ kind: 'changed', key: `2026-02 · Data Center Systems · 2026 · ${url}`, detail: 'growth_pct: 31.7 → 30.9' }]);
		expect(again.preview!.diff.filter((r) => r.kind === 'removed').map((r) => r.key)).toEqual([`2026-02 · Devices · 2025 · ${url}`]);
		expect(again.preview!.diff.filter((r) => r.kind === 'added')).toEqual([]);
	});

	it('warns, without refusing, when a growth figure disagrees with the spending figures beyond rounding', async () => {
		const text = readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv'), 'utf8');
		const clean = await upload('it_spending', text);
		expect(clean.warnings).toEqual([]);
		// The shipped releases pass: Gartner's growth comes from unrounded figures, within half a point of a page's own.
		expect((await upload('it_spending', readFileSync(path.resolve('static/datasets/it_spending.csv'), 'utf8'))).warnings).toEqual([]);
		const lines = text.split('\n');
		const line = lines.findIndex((l) => l.startsWith('Data Center Systems,2026,')) + 1;
		const wrong = await upload('it_spending', text.replace('653.403,31.7', '653.403,30.9'));
		expect(wrong.errorCount).toBe(0);
		expect(wrong.recipe).not.toBeNull();
		expect(wrong.warnings[0]).toBe(
			'1 row has growth more than 0.5 percentage points from the growth its page’s spending figures imply: check it. This is a warning; the file can still be committed.'
		);
		expect(wrong.warnings[1]).toBe(`Line ${line}: Data Center Systems 2026 (release 2026-02): growth 30.9%, but spending 496.2 → 653.4 $bn (line ${line - 1}) implies 31.7%.`);
	});

	it('compares rows without a key as a multiset: removed, added and duplicated rows are each counted', async () => {
		const [header, ...rows] = new TextDecoder().decode(await exportCsv(conn, salarySurvey)).trimEnd().split('\n');
		const next = [header, ...rows.slice(3), rows[3], 'upload,2026,SE,FT,Data Engineer,1,USD,1,DE,0,DE,M,Data & ML'].join('\n');
		const report = await upload('salary_survey', next);
		expect(report.errorCount).toBe(0);
		expect(report.preview).toMatchObject({ removed: 3, added: 2, changed: null, rows: rows.length - 3 + 2 });
		const appended = await upload('salary_survey', next, 'upload.csv', 'append');
		expect(appended.preview).toMatchObject({ removed: 0, added: rows.length - 1, rows: 2 * rows.length - 1 });
	});

	it('counts errors per kind and keeps all of them, not only the first 100', async () => {
		const header = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url\n';
		const rows = Array.from({ length: 150 }, (_, i) => `S${i},2027,abc,1,forecast,2027-01,t,u\n`).join('');
		const report = await upload('it_spending', header + rows);
		expect(report.errorCounts).toEqual([{ kind: 'not a number', count: 150 }]);
		expect(report.errors).toHaveLength(100);
		expect(report.errors[0]).toMatchObject({ line: 2, column: 'spend_usd_bn', value: 'abc', problem: 'not a number' });
		expect(await rowsOf(`SELECT count(*)::INTEGER AS n FROM ${STAGED.errors}`)).toEqual([{ n: 150 }]);
	});
});

describe('committed versions', () => {
	it('a stored file that no longer reads as it did fails the version, and the table stays as it was', async () => {
		const report = await upload('it_spending', readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv')));
		await conn.query(`CREATE OR REPLACE TABLE committed AS SELECT 'previous' AS marker`);
		const damaged = new Blob([readFileSync(path.join(fixtures, 'gartner-release-2026-02.csv'), 'utf8').split('\n').slice(0, 5).join('\n')]);
		await expect(committed(report, 'it_spending', damaged)).rejects.toMatchObject({
			message: 'The committed version of it_spending could not be read',
			detail: 'upload.csv reads as 4 rows; it had 12 when committed'
		});
		expect(await rowsOf('SELECT * FROM committed')).toEqual([{ marker: 'previous' }]);
	});
});

describe('empty and allowed cells, cell by cell', () => {
	it('calls a cell empty when it holds nothing or only spaces (also no-break and ideographic ones), and checks allowed values as written', async () => {
		const header = 'work_year,experience_level,job_title,salary_in_usd,company_size';
		const rows = [
			['2024', 'SE', 'Engineer', '1', 'M'], // line 2: no error
			['2024', 'SE', '', '1', 'M'], // 3: empty
			['2024', 'SE', '   ', '1', 'M'], // 4: spaces
			['2024', 'SE', '\u00a0\u00a0', '1', 'M'], // 5: no-break spaces
			['2024', 'SE', '\u3000', '1', 'M'], // 6: an ideographic space
			['2024', 'SE', '\t', '1', 'M'], // 7: a tab is text, as DuckDB's trim keeps it
			['2024', 'SE', ' Analyst', '1', 'M'], // 8: text after a space
			['2024', ' SE', 'Engineer', '1', 'm'], // 9: " SE" and "m" are not allowed values
			['2024', '', 'Engineer', '1', ''], // 10: an empty level is missing; an empty size is allowed (the column may be empty)
			['2024', 'EX', 'Engineer', '1', "'L"] // 11: an export quote stays unless a formula follows
		];
		const report = await upload('salary_survey', `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`);
		expect(report.problem).toBeNull();
		expect(report.errors.map((e) => [e.line, e.column, e.kind])).toEqual([
			[3, 'job_title', 'missing value'],
			[4, 'job_title', 'missing value'],
			[5, 'job_title', 'missing value'],
			[6, 'job_title', 'missing value'],
			[9, 'company_size', 'not an allowed value'],
			[9, 'experience_level', 'not an allowed value'],
			[10, 'experience_level', 'missing value'],
			[11, 'company_size', 'not an allowed value']
		]);
	});
});

describe('limits and downloads', () => {
	it('refuses a file over 1 GB from its size alone, before reading it', () => {
		expect(inspectHead(new Uint8Array([0x61]), MAX_UPLOAD_BYTES + 1)).toEqual({
			kind: 'too large',
			message: 'The file is 1,025 MB; uploads are limited to 1 GB (1,024 MB). Split it, or upload only the newest rows and add them to the dataset.'
		});
	});

	it('the errors CSV keeps every error and neutralises values a spreadsheet would run', async () => {
		const header = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url\n';
		await upload('it_spending', header + 'Software,2027,=1+1,1,forecast,2027-01,t,u\n');
		const csv = new TextDecoder().decode(await errorsCsv(conn, STAGED.errors));
		expect(csv.split('\n').slice(0, 2)).toEqual(['line,column,value,kind,problem,expected', "2,spend_usd_bn,'=1+1,not a number,not a number,\"an amount, e.g. 1234.5, \"\"$1,234.5\"\" or (12) for −12\""]);
	});

	it('the errors CSV neutralises the file\'s column names too, and cells with spaces or tabs before the formula', async () => {
		// A row one field short is reported against the header's 8th column.
		const header = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,=HYPERLINK("http://x"),source_url\n';
		await upload('it_spending', header + 'Software,2027,1,1,forecast,2027-01,t,u\n');
		const ragged = new TextDecoder().decode(await errorsCsv(conn, STAGED.errors));
		expect(ragged).toContain(`,"'=HYPERLINK(""http://x"")",`);
		expect(ragged).not.toMatch(/(^|,)"?=/m);

		await upload('it_spending', header.replace(',=HYPERLINK("http://x")', '') + 'Software,2027,  =1+1,\t-2,forecast,2027-01,t,u\n');
		const spaced = new TextDecoder().decode(await errorsCsv(conn, STAGED.errors));
		expect(spaced).toContain(`,'  =1+1,`);
		expect(spaced).toContain(`,'\t-2,`);
	});
});

describe('export', () => {
	it('neutralises formula-like text and re-imports to the identical table', async () => {
		const conn3 = await connectorWithDatasets(['it_spending']);
		// Cells a spreadsheet would run (also after spaces or tabs it trims), and ones that already start with '.
		const cells = ['=HYPERLINK("x")', '  =1+1', '\t@SUM(A1)', ' \t-2', "'=kept as typed", "''+1", "'plain", ' plain', '-'];
		for (const [i, cell] of cells.entries()) await conn3.query(`UPDATE it_spending SET notes = ? WHERE rowid = ?`, [cell, i]);
		expect(neutralisedSelect(itSpending)).toContain(`'''' || "notes"`);
		const csv = new TextDecoder().decode(await exportCsv(conn3, itSpending));
		expect(csv).toContain(`'=HYPERLINK(`);
		for (const cell of cells.slice(1, 6)) expect(csv).toContain(`'${cell}`);
		expect(csv).not.toContain(`''plain`);
		const file = new Blob([csv]);
		const report = await ingest({ conn: conn3, schema: schemaFor('it_spending')!, file, fileName: 'export.csv', mode: 'replace' });
		expect(report.errorCount).toBe(0);
		expect(report.preview).toMatchObject({ added: 0, removed: 0, changed: 0 });
		const table = await committed(report, 'it_spending', file, conn3);
		for (const [a, b] of [['it_spending', table], [table, 'it_spending']]) {
			const extra = await conn3.query(`SELECT count(*)::INTEGER AS n FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})`);
			expect(extra.toArray()[0].n).toBe(0);
		}
	});
});

describe('found by the generated-file fuzz', () => {
	it('a header with an unpaired quote gets its own message, not an exception', async () => {
		const report = await upload('it_spending', 'segment,year,"spend_usd_bn,growth_pct,kind,release_date,source_title,source_url\nSoftware,2027,1,1,forecast,2027-01,t,u\n');
		expect(report.problem).toEqual({
			kind: 'unreadable header',
			message: 'The header (line 1) cannot be split into column names with "," as delimiter: check its quotes (every opening " needs a closing one).'
		});
	});
});

describe('found by the generated-file fuzz: encodings', () => {
	it('a UTF-16 file with an emoji, which DuckDB\'s UTF-16 decoder stops at, is refused with the reason', async () => {
		const text = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url\nSoftware 😀,2027,1,1,forecast,2027-01,t,u\n';
		const report = await upload('it_spending', new Uint8Array([0xff, 0xfe, ...Array.from({ length: text.length }, (_, i) => [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8]).flat()]));
		expect(report.problem?.kind).toBe('encoding');
		expect(report.problem?.message).toContain('Save it as CSV UTF-8');
	});

	it('a Windows-1252 file (€, curly quotes), which DuckDB\'s Latin-1 decoder stops at, is refused with the reason', async () => {
		const text = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url\nSoftware,2027,1,1,forecast,2027-01,\x93t\x94 \x80,u\n';
		const report = await upload('it_spending', Uint8Array.from(text, (c) => c.charCodeAt(0)));
		expect(report.problem?.kind).toBe('encoding');
		expect(report.problem?.message).toContain('Windows-1252');
	});

	it('a UTF-16 file with a zero character (U+0000) in its header is refused as binary, not sent to the engine as SQL text', async () => {
		// A zero in a header name would end the SQL text listing the names, and the query fail to parse.
		const text = 'segment,year,spend\u0000usd_bn,growth_pct,kind,release_date,source_title,source_url\nSoftware,2027,1,1,forecast,2027-01,t,u\n';
		const report = await upload('it_spending', new Uint8Array([0xff, 0xfe, ...Array.from({ length: text.length }, (_, i) => [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8]).flat()]));
		expect(report.problem).toEqual({ kind: 'binary', message: 'The file holds binary data (a zero character, U+0000, at position 39), not text. Export the data as CSV.' });
	});

	it.each(['utf-8', 'latin-1'])(
		'a %s line over 10,000 bytes with the wrong number of fields, which DuckDB fails to list when it cuts it inside an é, is refused naming the line',
		async (encoding) => {
			const header = 'work_year,experience_level,job_title,salary_in_usd';
			// The title starts at byte 9 of its line, so the cut at byte 10,000 falls inside an é in UTF-8.
			const text = `${header}\n2024,SE,Engineer,1\n2024,SE,x${'é'.repeat(6000)},1,1\n2023,MI,Analyst,2\n`;
			const bytes = encoding === 'latin-1' ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
			const report = await upload('salary_survey', bytes);
			expect(report.problem).toEqual({
				kind: 'malformed long line',
				message:
					'Line 3 has 5 fields where the header has 4 (separated by ","). It is longer than 10,000 bytes and holds accented or other non-ASCII letters, ' +
					"and the CSV reader cannot list such a line among a file's errors, so the file is refused here. Fix that line and upload the file again."
			});
			// The same line short enough is listed like any other, with the rest of the file's errors.
			const short = await upload('salary_survey', text.replace('é'.repeat(6000), 'é'.repeat(100)));
			expect(short.problem).toBeNull();
			expect(short.errors).toMatchObject([{ line: 3, kind: 'too many fields' }]);
		}
	);

	it('a file mixing CRLF and LF line ends, which DuckDB\'s reader throws at, is refused with the reason', async () => {
		const header = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url';
		const report = await upload('it_spending', `${header}\nSoftware,2027,1,1,forecast,2027-01,t,u\r\nDevices,2027,1,1,forecast,2027-01,t,u\n`);
		expect(report.problem?.kind).toBe('line breaks');
	});
});

describe('files larger than the head that is looked at first', () => {
	const header = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url';
	const row = 'Software,2027,1,1,forecast,2027-01,t,u';

	it('refuses a zero byte anywhere in the file as binary, not only in the first 64 KB', async () => {
		const rows = Array.from({ length: 3000 }, (_, i) => row.replace('2027,', `${2027 + (i % 70)},`).replace(',u', `,u${i}`)).join('\n');
		const report = await upload('it_spending', `${header}\n${rows}\nSoftware,2027,1,1,forecast,2027-01,t\0x,u\n`);
		const at = header.length + rows.length + 38;
		expect(at).toBeGreaterThan(64 * 1024);
		expect(report.problem).toEqual({ kind: 'binary', message: `The file holds binary data (a zero byte at position ${(at + 1).toLocaleString('en')}), not text. Export the data as CSV.` });
	});

	it('reads a 12,000-column header longer than 64 KB, and lists the columns it does not know', async () => {
		const extra = Array.from({ length: 12_000 }, (_, i) => `extra_column_${i}`);
		const report = await upload('it_spending', `${header},${extra.join(',')}\n${row},${extra.map(() => 'v').join(',')}\n`);
		expect(report.problem).toBeNull();
		expect(report.errorCounts).toEqual([]);
		expect(report.headers).toHaveLength(12_008);
		expect(report.extra).toEqual(extra);
		expect(report.rows).toBe(1);
	}, 60_000);

	it('refuses a header line over 2 MB with a message about the header', async () => {
		const report = await upload('it_spending', `${header},${'x'.repeat(2_100_000)}\n${row}\n`);
		expect(report.problem?.kind).toBe('header too long');
		expect(report.problem?.message).toContain('The header (line 1) is longer than 2 MB');
	});

	it('says a 50 MB quoted cell is over the line limit, not an unterminated quote', async () => {
		const report = await upload('it_spending', `${header}\n${row}\nSoftware,2028,1,1,forecast,2027-01,"${'a "" '.repeat(10 * 1024 * 1024)}",u\n${row}\n`);
		expect(report.errorCounts).toEqual([{ kind: 'line too long', count: 1 }]);
		expect(report.errors[0]).toMatchObject({ line: 3, kind: 'line too long', expected: 'lines (and cells) of at most 2,000,000 bytes' });
		expect(report.errors[0].problem).toContain('no closing quote within 2,000,000 bytes');
	});
});
