import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { JOB_FAMILY_RULES } from '../datasets/salary-survey';
import { checkRoles, chooseOccupation } from '../benchmark/check-roles';
import { isOutlier, oewsPlacement, surveyPlacement } from '../benchmark/placement';
import { payBenchmark, type RoleBenchmarkRow } from './pay-benchmark';

let conn: Connector;
let result: RoleBenchmarkRow[];
const fixture = readFileSync(path.resolve('tests/fixtures/benchmark/roles-20.csv'), 'utf8');

beforeAll(async () => {
	conn = await connectorWithDatasets(['occupations', 'salary_survey', 'career_paths']);
	await conn.registerFile(conn.filePath(JOB_FAMILY_RULES), new Uint8Array(readFileSync(path.resolve('data', JOB_FAMILY_RULES))));
	const report = await checkRoles(conn, { file: new Blob([fixture]), fileName: 'roles-20.csv' });
	expect(report.errors).toEqual([]);
	result = await payBenchmark(conn);
});

const role = (title: string) => result.find((r) => r.role_title === title)!;
const plain = (rows: unknown[]) => JSON.parse(JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));
/** The OEWS May 2024 row of an occupation, read straight from the table. */
const oews = async (code: string) =>
	plain((await conn.query(`SELECT annual_p10, annual_p25, annual_median, annual_p75, annual_p90 FROM occupations WHERE year = 2024 AND occ_code = ?`, [code])).toArray().map((r) => r.toJSON()))[0];
/** Full-time survey salaries of a family and level, work years 2024–2025, US residents: the raw answers. */
const answers = async (family: string, level: string) =>
	(await conn.query(`SELECT salary_in_usd AS s FROM salary_survey WHERE job_family = ? AND experience_level = ? AND employment_type = 'FT' AND work_year >= 2024 AND employee_residence = 'US'`, [family, level]))
		.toArray()
		.map((r) => Number(r.s));

describe('pay benchmark: five roles computed by hand', () => {
	it('Software Engineer II (15-1252, MI, US, $128,500): between OEWS’s 25th and median, 32nd of the survey', async () => {
		// OEWS May 2024, Software Developers: p25 $103,050, median $133,080.
		expect(await oews('15-1252')).toMatchObject({ annual_p25: 103050, annual_median: 133080 });
		// 25 + (128,500 − 103,050) / (133,080 − 103,050) × 25 = 25 + 25,450 / 30,030 × 25 = 46.1872…
		const placed = oewsPlacement(128500, { p10: 79850, p25: 103050, median: 133080, p75: 169000, p90: 211450 });
		expect(placed.percentile).toBeCloseTo(46.1872, 3);
		expect(placed.text).toBe('≈ 46th percentile (interpolated between the published 25th percentile and median)');
		// 3,391 US full-time answers of Software engineering at MI in 2024–2025, 1,095 below $128,500, none equal: 32.29.
		const pay = await answers('Software engineering', 'MI');
		expect([pay.length, pay.filter((s) => s < 128500).length, pay.filter((s) => s === 128500).length]).toEqual([3391, 1095, 0]);
		const r = role('Software Engineer II');
		expect(r).toMatchObject({ occ_code: '15-1252', matched_by: 'SOC code', survey_n: 3391, survey_below: 1095, survey_equal: 0, annual_p25: 103050, annual_median: 133080 });
		expect(surveyPlacement(r.survey_below, r.survey_equal, r.survey_n).percentile).toBeCloseTo((1095 / 3391) * 100, 6);
	});

	it('Security Analyst (15-1212, MI, US, $118,000): 44.7th by OEWS, 46.7th of the survey (ties count half)', async () => {
		expect(await oews('15-1212')).toMatchObject({ annual_p25: 92160, annual_median: 124910 });
		// 25 + (118,000 − 92,160) / (124,910 − 92,160) × 25 = 25 + 25,840 / 32,750 × 25 = 44.7252…
		expect(oewsPlacement(118000, { p10: 69660, p25: 92160, median: 124910, p75: 159600, p90: 186420 }).percentile).toBeCloseTo(44.7252, 3);
		const pay = await answers('Security', 'MI');
		expect([pay.length, pay.filter((s) => s < 118000).length, pay.filter((s) => s === 118000).length]).toEqual([11925, 5562, 7]);
		const r = role('Security Analyst');
		// (5,562 + 7 / 2) / 11,925 × 100 = 46.6709…
		expect(surveyPlacement(r.survey_below, r.survey_equal, r.survey_n).percentile).toBeCloseTo(46.6709, 3);
	});

	it('Site Reliability Engineer (no SOC code, MI, US, $149,000): the title rules say Infrastructure & DevOps → 15-1244; 89.3rd by OEWS', async () => {
		const r = role('Site Reliability Engineer');
		expect(r).toMatchObject({ job_family: 'Infrastructure & DevOps', occ_code: '15-1244', matched_by: 'title rules', annual_p75: 123390, annual_p90: 150320 });
		expect(await oews('15-1244')).toMatchObject({ annual_p75: 123390, annual_p90: 150320 });
		// 75 + (149,000 − 123,390) / (150,320 − 123,390) × 15 = 75 + 25,610 / 26,930 × 15 = 89.2648…
		expect(oewsPlacement(149000, { p10: 60320, p25: 75860, median: 96800, p75: 123390, p90: 150320 }).percentile).toBeCloseTo(89.2648, 3);
		const pay = await answers('Infrastructure & DevOps', 'MI');
		expect([pay.length, pay.filter((s) => s < 149000).length, pay.filter((s) => s === 149000).length]).toEqual([2245, 1647, 1]);
		// (1,647 + 0.5) / 2,245 × 100 = 73.385…
		expect(surveyPlacement(r.survey_below, r.survey_equal, r.survey_n).percentile).toBeCloseTo(73.3853, 3);
	});

	it('Chief Technology Officer (11-1011, EX, US, $310,000): above OEWS’s median, whose 75th and 90th are top-coded; top 4% of the survey: an outlier', async () => {
		const r = role('Chief Technology Officer');
		expect(r).toMatchObject({ occ_code: '11-1011', annual_median: 206420, annual_p75: null, annual_p90: null });
		const placed = oewsPlacement(310000, { p10: r.annual_p10, p25: r.annual_p25, median: r.annual_median, p75: null, p90: null });
		expect(placed).toMatchObject({ percentile: null, position: 'above', text: 'above the median (the 90th percentile is not published: top-coded)' });
		// Management at EX: 221 answers, 214 below: 96.83 → the top tenth.
		const pay = await answers('Management', 'EX');
		expect([pay.length, pay.filter((s) => s < 310000).length]).toEqual([221, 214]);
		const survey = surveyPlacement(r.survey_below, r.survey_equal, r.survey_n);
		expect(survey.percentile).toBeCloseTo((214 / 221) * 100, 6);
		expect(isOutlier(placed, survey)).toBe(true);
	});

	it('IT Support Specialist (15-1232, EN, US, $52,000): 33.7th by OEWS but 4.9th of the survey: an outlier', async () => {
		expect(await oews('15-1232')).toMatchObject({ annual_p25: 47580, annual_median: 60340 });
		// 25 + (52,000 − 47,580) / (60,340 − 47,580) × 25 = 25 + 4,420 / 12,760 × 25 = 33.6598…
		const placed = oewsPlacement(52000, { p10: 38780, p25: 47580, median: 60340, p75: 77010, p90: 98010 });
		expect(placed.percentile).toBeCloseTo(33.6598, 3);
		const pay = await answers('Infrastructure & DevOps', 'EN');
		expect([pay.length, pay.filter((s) => s < 52000).length]).toEqual([203, 10]);
		const survey = surveyPlacement(10, 0, 203);
		expect(survey).toMatchObject({ position: 'below', text: '5th percentile of 203 answers' });
		expect(isOutlier(placed, survey)).toBe(true);
	});
});

describe('pay benchmark: matching', () => {
	it('a title is matched by the job-family rules and its level to a career-path step’s occupation', () => {
		expect(role('Staff Software Engineer')).toMatchObject({ soc_code: null, job_family: 'Software engineering', occ_code: '15-1252', matched_by: 'title rules' });
		expect(role('Data Analyst')).toMatchObject({ job_family: 'Data & ML', occ_code: '15-2051', matched_by: 'title rules' });
	});

	it('a SOC code that is no OEWS occupation is said to be unknown: no occupation, no guessed match', () => {
		expect(role('Platform Wrangler')).toMatchObject({ soc_code: '15-9999', occ_code: null, matched_by: null, unknown_soc: true, annual_median: null, job_family: 'Other', survey_n: 0 });
	});

	it('a country narrows the survey to its residents; none means every country', () => {
		expect(role('Cloud Infrastructure Engineer')).toMatchObject({ location: 'DE', survey_n: 44 });
		expect(role('Frontend Developer').location).toBeNull();
		expect(role('Frontend Developer').survey_n).toBeGreaterThan(role('Software Engineer II').survey_n);
	});

	it('an occupation the person picks replaces the automatic match, and can be taken back', async () => {
		await chooseOccupation(conn, role('Platform Wrangler').line, '15-1252');
		expect((await payBenchmark(conn)).find((r) => r.role_title === 'Platform Wrangler')).toMatchObject({ occ_code: '15-1252', matched_by: 'chosen', unknown_soc: false, annual_median: 133080 });
		await chooseOccupation(conn, role('Platform Wrangler').line, null);
		expect((await payBenchmark(conn)).find((r) => r.role_title === 'Platform Wrangler')).toMatchObject({ occ_code: null, unknown_soc: true });
	});

	it('a malformed file gets row-level errors like uploads, and the roles already checked stay', async () => {
		const bad = readFileSync(path.resolve('tests/fixtures/benchmark/roles-bad.csv'), 'utf8');
		const report = await checkRoles(conn, { file: new Blob([bad]), fileName: 'roles-bad.csv' });
		expect(report.errors.map((e) => [e.line, e.column, e.value])).toEqual([
			[3, 'level', 'Senior'],
			[4, 'base_pay', 'lots'],
			[5, 'soc_code', '151252']
		]);
		expect(await payBenchmark(conn)).toHaveLength(20);
	});
});
