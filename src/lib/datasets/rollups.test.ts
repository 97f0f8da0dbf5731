import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { arrowRows } from '../queries/arrow-rows';
import { createRollups } from './rollups';

let conn: Connector;
beforeAll(async () => {
	conn = await connectorWithDatasets(['job_postings']);
	await createRollups(conn, 'job_postings', 'VIEW');
});

describe('job_postings_national: the US-wide figure per publisher, metric, period and breakdown', () => {
	it('is the shipped table itself: every shipped row is a US row, one per key', async () => {
		const cols = 'source_org, metric, period, geography, dimension, value, unit, source_title, source_url, source_pub_date, notes';
		const missing = `SELECT count(*)::INTEGER AS n FROM (SELECT ${cols} FROM job_postings EXCEPT ALL SELECT ${cols} FROM job_postings_national)`;
		const extra = `SELECT count(*)::INTEGER AS n FROM (SELECT ${cols} FROM job_postings_national EXCEPT ALL SELECT ${cols} FROM job_postings)`;
		expect(arrowRows(await conn.query(missing))).toEqual([{ n: 0 }]);
		expect(arrowRows(await conn.query(extra))).toEqual([{ n: 0 }]);
		expect(arrowRows(await conn.query(`SELECT count(*)::INTEGER AS n FROM job_postings_national`))).toEqual([{ n: 129 }]);
	});

	it('adds up a feed’s areas for counts of postings, keeps a publisher’s own US row, never adds up a share', async () => {
		await conn.query(`CREATE TEMP TABLE feed AS SELECT * FROM job_postings LIMIT 0`);
		const row = (geo: string, dim: string, value: number, unit: string, metric = 'new_job_postings_tech') =>
			`('TEST feed', '${metric}', '2030-01', '${geo}', '${dim}', ${value}, '${unit}', 't', 'u', 'd', 'GENERATED')`;
		await conn.query(
			`INSERT INTO feed VALUES ${[
				row('Area 1', 'occupation: A', 10, 'postings'),
				row('Area 2', 'occupation: A', 15, 'postings'),
				row('Area 3', 'occupation: A', 5, 'postings'),
				row('US', 'occupation: B', 100, 'postings'),
				row('Area 1', 'occupation: B', 30, 'postings'),
				row('Area 1', 'occupation: C', 40, 'percent', 'share_postings_remote'),
				row('Area 2', 'occupation: C', 60, 'percent', 'share_postings_remote')
			].join(', ')}`
		);
		const sql = (await import('./job-postings')).jobPostings.rollups![0].sql.replace('FROM job_postings', 'FROM feed');
		expect(arrowRows(await conn.query(`SELECT dimension, value, areas FROM (${sql}) ORDER BY dimension`))).toEqual([
			{ dimension: 'occupation: A', value: 30, areas: 3 },
			{ dimension: 'occupation: B', value: 100, areas: 1 }
		]);
	});
});
