import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { arrowRows } from '../queries/arrow-rows';
import { FAMILIES } from '../views/careers';
import { jobFamilySql, JOB_FAMILY_RULES } from './salary-survey';

/**
 * The job-family rules (data/job_family_rules.csv) against hand-made labels (tests/fixtures/job-family-labels.csv; how
 * the titles were picked: tests/fixtures/job-family-labels.md). The rules are applied here, from the CSV, to every
 * (survey, title) of the survey rows, so the figures are those of the rules as they are now.
 */
const LABELS = path.resolve('tests/fixtures/job-family-labels.csv');
const RULES = path.resolve('data', JOB_FAMILY_RULES);

type Pair = { survey: string; job_title: string; n: number; got: string; want: string | null; reason: string | null; built: string };

let conn: Connector;
let pairs: Pair[];
let labels: { title: string; survey: string | null; job_family: string }[];
const rows = async <T>(sql: string) => arrowRows<T>(await conn.query(sql, []));

beforeAll(async () => {
	conn = await connectorWithDatasets(['salary_survey'], [path.resolve('data') + path.sep, path.dirname(LABELS) + path.sep]);
	await conn.query(`CREATE TABLE labels AS SELECT * FROM read_csv('${LABELS}', header = true,
		columns = {'title': 'VARCHAR', 'survey': 'VARCHAR', 'job_family': 'VARCHAR', 'reason': 'VARCHAR', 'picked': 'VARCHAR'})`);
	labels = await rows('SELECT title, survey, job_family FROM labels');
	pairs = await rows<Pair>(`
		WITH counts AS (SELECT survey, job_title, CAST(count(*) AS INTEGER) AS n, any_value(job_family) AS built FROM salary_survey GROUP BY ALL),
		families AS (${jobFamilySql('counts', `'${RULES}'`)})
		SELECT c.survey, c.job_title, c.n, c.built, coalesce(f.job_family, 'Other') AS got,
			coalesce(own.job_family, any_survey.job_family) AS want, coalesce(own.reason, any_survey.reason) AS reason
		FROM counts c
		LEFT JOIN families f USING (survey, job_title)
		LEFT JOIN labels own ON own.title = c.job_title AND own.survey = c.survey
		LEFT JOIN labels any_survey ON any_survey.title = c.job_title AND any_survey.survey IS NULL
		ORDER BY c.n DESC, c.survey, c.job_title`);
}, 120_000);

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

describe('job families of the salary surveys against hand-made labels', () => {
	it('has labels that are well formed: known titles and surveys, one label per title and survey, families the product uses', () => {
		expect(labels.length).toBeGreaterThanOrEqual(300);
		const known = new Set(pairs.map((p) => `${p.survey}|${p.job_title}`));
		const titles = new Set(pairs.map((p) => p.job_title));
		const unknown = labels.filter((l) => (l.survey ? !known.has(`${l.survey}|${l.title}`) : !titles.has(l.title)));
		expect(unknown, 'labels naming a title (or survey and title) the surveys do not have').toEqual([]);
		const keys = labels.map((l) => `${l.survey ?? '*'}|${l.title}`);
		expect(keys.filter((k, i) => keys.indexOf(k) !== i), 'labelled twice').toEqual([]);
		const families = new Set<string>([...FAMILIES, 'Other']);
		expect(labels.filter((l) => !families.has(l.job_family))).toEqual([]);
	});

	it('agrees with the labels on ≥ 95% of labelled rows and ≥ 90% of labelled titles, with "Other" under 2% of all rows', () => {
		const labelled = pairs.filter((p) => p.want !== null);
		const agreeRows = labelled.filter((p) => p.got === p.want).reduce((sum, p) => sum + p.n, 0);
		const labelledRows = labelled.reduce((sum, p) => sum + p.n, 0);
		// A title agrees when every survey it appears in gets its label.
		const byTitle = new Map<string, boolean>();
		for (const p of labelled) byTitle.set(p.job_title, (byTitle.get(p.job_title) ?? true) && p.got === p.want);
		const agreeTitles = [...byTitle.values()].filter(Boolean).length;
		const allRows = pairs.reduce((sum, p) => sum + p.n, 0);
		const otherRows = pairs.filter((p) => p.got === 'Other').reduce((sum, p) => sum + p.n, 0);

		const disagreements = labelled.filter((p) => p.got !== p.want);
		console.log(
			[
				`job families vs labels: rows ${agreeRows}/${labelledRows} = ${pct(agreeRows, labelledRows)}, ` +
					`titles ${agreeTitles}/${byTitle.size} = ${pct(agreeTitles, byTitle.size)}, "Other" ${otherRows}/${allRows} = ${pct(otherRows, allRows)} of all rows`,
				`${disagreements.length} disagreement(s) (rows | survey | title | rules say | label says | why the label):`,
				...disagreements.map((p) => `  ${p.n} | ${p.survey} | ${p.job_title} | ${p.got} | ${p.want} | ${p.reason}`)
			].join('\n')
		);

		expect(agreeRows / labelledRows).toBeGreaterThanOrEqual(0.95);
		expect(agreeTitles / byTitle.size).toBeGreaterThanOrEqual(0.9);
		expect(otherRows / allRows).toBeLessThan(0.02);
	});

	it('is what the shipped salary_survey table holds (run `npm run data` after changing the rules)', () => {
		const stale = pairs.filter((p) => p.built !== p.got).map((p) => `${p.survey} | ${p.job_title}: built ${p.built}, rules ${p.got}`);
		expect(stale).toEqual([]);
	});
});
