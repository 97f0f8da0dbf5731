import { describe, expect, it } from 'vitest';
import type { PostingRow } from '../queries/postings';
import { postingSeries, unreportedMonths } from './industries-charts';

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
