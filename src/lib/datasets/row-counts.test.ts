import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { arrowRows } from '../queries/arrow-rows';
import { datasets } from './index';
import { OEWS_ROW } from './occupation-outlook';
import { JOB_FAMILY_RULES } from './salary-survey';

const catalog = JSON.parse(readFileSync('static/datasets/catalog.json', 'utf8')) as { datasets: { name: string; rowCount: number }[] };
const shipped = (name: string) => catalog.datasets.find((d) => d.name === name)!.rowCount;

let conn: Connector;
const count = async (sql: string) => arrowRows<{ n: number }>(await conn.query(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${sql}`))[0].n;
const csv = (file: string) => `read_csv('${path.resolve('data', file)}', header = true, all_varchar = true)`;

beforeAll(async () => {
	conn = await connectorWithDatasets(['it_spending'], [path.resolve('data') + path.sep]);
}, 120_000);

describe('every row of data/ reaches the app', () => {
	it('ships as many rows as its CSV files hold, save the differences each dataset explains', async () => {
		for (const spec of datasets) {
			// The job family rules are read to derive a column, not shipped as rows.
			const files = spec.files.filter((f) => f !== JOB_FAMILY_RULES);
			let source = 0;
			for (const file of files) source += await count(csv(file));
			let expected = source;
			// Handbook rows only: the OEWS rows duplicate the occupations dataset (another employment concept).
			if (spec.name === 'occupation_outlook') expected -= await count(`${csv(files[0])} WHERE ${OEWS_ROW}`);
			// A figure read from two sources is one row, the other source kept in also_published (data/SOURCES.md).
			if (spec.name === 'it_spending')
				expected -= arrowRows<{ n: number }>(
					await conn.query(`SELECT CAST(coalesce(sum(len(string_split(also_published, 'Also published for this release')) - 1), 0) AS INTEGER) AS n FROM it_spending`)
				)[0].n;
			expect(shipped(spec.name), `${spec.name}: ${source} rows in ${files.join(', ')}`).toBe(expected);
		}
		expect([shipped('it_spending'), shipped('occupation_outlook')]).toEqual([327, 68]);
	});

	it('declares a key for every dataset whose rows have an identity', () => {
		// Survey answers are observations: two identical answers are two people.
		expect(datasets.filter((d) => !d.key).map((d) => d.name)).toEqual(['salary_survey']);
	});
});

describe('the catalogue credits every publisher a dataset ships', () => {
	it('names each source_org of the job postings among the dataset’s sources', async () => {
		const spec = datasets.find((d) => d.name === 'job_postings')!;
		const orgs = arrowRows<{ org: string }>(await conn.query(`SELECT DISTINCT source_org AS org FROM ${csv('tech_job_postings.csv')} ORDER BY org`)).map((r) => r.org);
		// "CompTIA (Lightcast job-posting data / BLS)" is credited as CompTIA, "Dice (Lightcast …)" as Dice, and so on.
		for (const org of orgs) expect(spec.sources.some((s) => s.title.startsWith(org.split(' (')[0])), org).toBe(true);
	});
});
