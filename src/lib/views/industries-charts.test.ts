import { describe, expect, it } from 'vitest';
import type { PostingRow } from '../queries/postings';
import { pickedMonths, postingSeries, unreportedMonths } from './industries-charts';

const row = (metric: string, period: string, value: number): PostingRow => ({
	metric,
	period,
	dimension: 'all tech occupations',
	value,
	unit: 'postings',
	source_org: 'CompTIA',
	source_title: `Tech Jobs Report ${period}`,
	source_url: 'https://www.comptia.org/',
	source_pub_date: period
});

describe('postings over time', () => {
	const rows = [row('new_job_postings_tech', '2024-01', 10), row('new_job_postings_tech', '2024-02', 12), row('new_job_postings_tech', '2024-06', 9), row('new_job_postings_tech', '2024-08', 11)];

	it('breaks the line where months were not reported instead of drawing across them', () => {
		const points = postingSeries(rows).find((s) => s.key === 'new_job_postings_tech')!.points;
		expect(points.map((p) => p.y)).toEqual([10, 12, null, 9, null, 11]);
		expect(points.filter((p) => p.y === null).map((p) => p.label)).toEqual(['not reported', 'not reported']);
	});

	it('names the unreported months', () => {
		expect(unreportedMonths(rows)).toEqual(['Mar–May 2024', 'Jul 2024']);
		expect(unreportedMonths([row('x', '2024-11', 1), row('x', '2025-02', 1)])).toEqual(['Dec 2024 – Jan 2025']);
	});
});

describe('postings over time from two publishers, and a picked occupation', () => {
	const other = (metric: string, period: string, value: number, dimension = 'all tech occupations'): PostingRow => ({ ...row(metric, period, value), dimension, source_org: 'GENERATED feed (TEST)' });

	it('draws each publisher’s monthly totals as lines of their own, never one line zigzagging between them', () => {
		const series = postingSeries([row('new_job_postings_tech', '2024-01', 10), other('new_job_postings_tech', '2024-01', 500), other('new_job_postings_tech', '2024-02', 510)]);
		expect(series.map((s) => [s.key, s.label, s.points.map((p) => p.y)])).toEqual([
			['new_job_postings_tech', 'New postings, CompTIA', [10]],
			['new_job_postings_tech:GENERATED feed (TEST)', 'New postings, GENERATED feed', [500, 510]]
		]);
	});

	it('adds the picked occupation’s own months, named', () => {
		const picked = { dimension: 'occupation: Web developers', rows: [other('new_job_postings_tech', '2024-01', 7, 'occupation: Web developers'), other('new_job_postings_tech', '2024-03', 9, 'occupation: Web developers')] };
		const series = postingSeries([row('new_job_postings_tech', '2024-01', 10)], picked);
		expect(series.at(-1)).toMatchObject({ key: 'picked:GENERATED feed (TEST)', label: 'Web developers (new)' });
		expect(series.at(-1)!.points.map((p) => p.y)).toEqual([7, null, 9]);
		expect(pickedMonths(picked.rows)).toBe('2 months published, 2024-01 – 2024-03');
		expect(pickedMonths(picked.rows.slice(0, 1))).toBe('one month published, 2024-01');
	});
});
