import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { arrowRows } from '../queries/arrow-rows';
import { industryNeeds } from '../queries/industry-needs';
import { industryPostings } from '../queries/industry-postings';
import { latestSpending } from '../queries/latest-spending';
import { occupationWages } from '../queries/occupation-wages';
import { datasets } from './index';
import { OEWS_ROW } from './occupation-outlook';
import { jobFamilySql, JOB_FAMILY_RULES } from './salary-survey';

let conn: Connector;
const rows = async <T>(sql: string, params: (string | number)[] = []) => arrowRows<T>(await conn.query(sql, params));

beforeAll(async () => {
	conn = await connectorWithDatasets(datasets.map((d) => d.name), [path.resolve('data') + path.sep]);
}, 120_000);

describe('every dataset through the build step and DuckDB', () => {
	it('loads each with the columns its module declares', async () => {
		for (const spec of datasets) {
			const described = await rows<{ column_name: string; column_type: string }>(`DESCRIBE "${spec.name}"`);
			expect(described.map((c) => [c.column_name, c.column_type]), spec.name).toEqual(spec.columns.map((c) => [c.name, c.type]));
		}
	});

	it('has the row counts of the sources', async () => {
		const counts = Object.fromEntries(
			await Promise.all(datasets.map(async (d) => [d.name, (await rows<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM "${d.name}"`))[0].n]))
		);
		expect(counts).toMatchObject({ it_spending: 327, salary_survey: 136_221, education_earnings: 156, job_postings: 129, occupation_outlook: 68 });
		expect(counts.occupations).toBeGreaterThan(4000);
	});
});

describe('occupations (BLS OEWS)', () => {
	it('gives the published medians', async () => {
		const median = async (year: number, code: string) => (await occupationWages(conn, { year, codes: [code] }))[0]?.annual_median;
		expect(await median(2023, '00-0000')).toBe(48_060);
		expect(await median(2023, '15-1252')).toBe(132_270);
		expect(await median(2022, '15-1200')).toBe(100_530);
		expect(await median(2024, '00-0000')).toBe(49_500);
	});

	it('reads the 2023 Excel export’s thousands separators and the 2022 copy without area columns', async () => {
		const [all2023] = await occupationWages(conn, { year: 2023, codes: ['00-0000'] });
		expect(all2023.employment).toBe(151_853_870);
		const perYear = await rows<{ year: number; n: number }>('SELECT year, CAST(count(*) AS INTEGER) AS n FROM occupations GROUP BY year ORDER BY year');
		expect(perYear.map((r) => r.year)).toEqual([2022, 2023, 2024]);
		for (const { n } of perYear) expect(n).toBeGreaterThan(1300);
	});

	it('keeps BLS symbols as flags: top-coded wages are flagged with no number, nothing is unparsed or zero', async () => {
		const [flags] = await rows<{ top_coded: number; top_coded_with_value: number; unparsed: number; zero: number }>(`
			SELECT CAST(count(*) FILTER (annual_p90_flag = 'top_coded' OR annual_median_flag = 'top_coded' OR annual_p75_flag = 'top_coded') AS INTEGER) AS top_coded,
				CAST(count(*) FILTER (annual_p90_flag = 'top_coded' AND annual_p90 IS NOT NULL) AS INTEGER) AS top_coded_with_value,
				CAST(count(*) FILTER ('unparsed' IN (employment_flag, annual_mean_flag, annual_p10_flag, annual_p25_flag, annual_median_flag, annual_p75_flag, annual_p90_flag)) AS INTEGER) AS unparsed,
				CAST(count(*) FILTER (annual_median = 0 OR employment = 0) AS INTEGER) AS zero
			FROM occupations`);
		expect(flags.top_coded).toBeGreaterThan(0);
		expect(flags.top_coded_with_value).toBe(0);
		expect(flags.unparsed).toBe(0);
		expect(flags.zero).toBe(0);
		const [chiefs] = await occupationWages(conn, { year: 2023, codes: ['11-1011'] });
		expect(chiefs.annual_p90).toBeNull();
		expect(chiefs.annual_p90_flag).toBe('top_coded');
	});
});

describe('occupation_outlook (BLS OOH)', () => {
	it('holds Handbook rows only, never OEWS rows', async () => {
		// A row naming OEWS ships only when it gives a projection (an Employment Projections figure, e.g. information security 2024-34).
		const [oews] = await rows<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM occupation_outlook WHERE ${OEWS_ROW}`);
		expect(oews.n).toBe(0);
		const [security] = await rows<{ ooh_number_of_jobs: number }>("SELECT ooh_number_of_jobs FROM occupation_outlook WHERE occupation = 'Information security analysts' AND year = 2021 AND ooh_number_of_jobs IS NOT NULL");
		expect(security.ooh_number_of_jobs).toBe(163_000);
	});
});

describe('salary_survey', () => {
	it('has the rows of each survey', async () => {
		const perSurvey = await rows<{ survey: string; n: number }>('SELECT survey, CAST(count(*) AS INTEGER) AS n FROM salary_survey GROUP BY survey ORDER BY survey');
		expect(perSurvey).toEqual([
			{ survey: 'aijobs.net', n: 69_542 },
			{ survey: 'devops-jobs.net', n: 728 },
			{ survey: 'isecjobs.com', n: 65_951 }
		]);
	});

	it('derives job families from titles, and from the survey where the title names no field, by the rules in data/', async () => {
		const rules = `'${path.resolve('data', JOB_FAMILY_RULES)}'`;
		const cases: [string, string][] = [
			['aijobs.net', 'Cloud Security Engineer'],
			['aijobs.net', 'Data Engineer'],
			['aijobs.net', 'Machine Learning Engineer'],
			['devops-jobs.net', 'DevOps Engineer'],
			['aijobs.net', 'Software Engineer'],
			['isecjobs.com', 'Security Manager'],
			['isecjobs.com', 'CTO'],
			['aijobs.net', 'Head of Data'],
			['aijobs.net', 'Barista'],
			['isecjobs.com', 'Analyst'],
			['aijobs.net', 'Analyst'],
			['isecjobs.com', 'Compliance Analyst'],
			['isecjobs.com', 'Sales Engineer']
		];
		const values = cases.map(() => '(?, ?)').join(', ');
		const families = await rows<{ survey: string; job_title: string; job_family: string }>(
			`WITH t(survey, job_title) AS (VALUES ${values}) SELECT t.survey, t.job_title, coalesce(f.job_family, 'Other') AS job_family FROM t LEFT JOIN (${jobFamilySql('t', rules)}) f USING (survey, job_title)`,
			cases.flat()
		);
		expect(Object.fromEntries(families.map((f) => [`${f.job_title} (${f.survey})`, f.job_family]))).toEqual({
			'Cloud Security Engineer (aijobs.net)': 'Security',
			'Data Engineer (aijobs.net)': 'Data & ML',
			'Machine Learning Engineer (aijobs.net)': 'Data & ML',
			'DevOps Engineer (devops-jobs.net)': 'Infrastructure & DevOps',
			'Software Engineer (aijobs.net)': 'Software engineering',
			'Security Manager (isecjobs.com)': 'Security',
			'CTO (isecjobs.com)': 'Management',
			'Head of Data (aijobs.net)': 'Data & ML',
			'Barista (aijobs.net)': 'Other',
			'Analyst (isecjobs.com)': 'Security',
			'Analyst (aijobs.net)': 'Data & ML',
			'Compliance Analyst (isecjobs.com)': 'Security',
			'Sales Engineer (isecjobs.com)': 'Other'
		});
		const [other] = await rows<{ share: number }>("SELECT avg(CASE WHEN job_family = 'Other' THEN 1 ELSE 0 END) AS share FROM salary_survey");
		expect(other.share).toBeLessThan(0.05);
	});
});

describe('it_spending latest-complete-release view', () => {
	it('matches the curated latest table row for row', async () => {
		const latest = await latestSpending(conn);
		const fixture = readFileSync('tests/fixtures/gartner_it_spending_latest.csv', 'utf8').trim().split('\n').slice(1);
		expect(latest).toHaveLength(fixture.length);
		const key = (segment: string, year: number | string) => `${segment}|${year}`;
		const byKey = new Map(latest.map((r) => [key(r.segment, r.year), r]));
		for (const line of fixture) {
			const [segment, year, spend, growth, , release] = line.split(',');
			const row = byKey.get(key(segment, year));
			expect(row, `${segment} ${year}`).toBeDefined();
			expect([row!.spend, row!.growth, row!.release]).toEqual([Number(spend), growth === '' ? null : Number(growth), release]);
		}
	});
});

describe('industries and career paths', () => {
	it('joins an industry to the postings of the sector it matches, and none where nothing matches', async () => {
		const joined = await industryPostings(conn);
		const finance = joined.filter((r) => r.industry === 'Financial services');
		expect(finance.length).toBeGreaterThan(0);
		expect(finance.every((r) => r.value !== null)).toBe(true);
		const energy = joined.filter((r) => r.industry === 'Energy');
		expect(energy).toHaveLength(1);
		expect(energy[0].metric).toBeNull();
	});

	it('leads an industry to the career paths that start in its job families, with OEWS medians', async () => {
		const needs = await industryNeeds(conn, 2024);
		const finance = needs.filter((n) => n.industry === 'Financial services');
		expect([...new Set(finance.map((n) => n.path))].sort()).toEqual(['Analyst to security manager', 'Data analyst to chief data officer']);
		expect(finance.find((n) => n.soc_code === '15-1212')?.annual_median).toBe(124_910);
		expect(needs.filter((n) => n.industry === 'Energy')).toEqual([]);
	});

	it('maps every career step to an OEWS occupation that exists', async () => {
		const missing = await rows<{ soc_code: string }>(
			'SELECT DISTINCT soc_code FROM career_paths WHERE soc_code NOT IN (SELECT occ_code FROM occupations WHERE year = 2024)'
		);
		expect(missing).toEqual([]);
		const [paths] = await rows<{ n: number }>('SELECT CAST(count(DISTINCT path) AS INTEGER) AS n FROM career_paths');
		expect(paths.n).toBe(4);
	});
});
