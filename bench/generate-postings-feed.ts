/**
 * GENERATED DATA for the server benchmark, never shown as real figures: a job-postings feed in the job_postings
 * layout, one row per month × area × breakdown (60 months, 16,340 made-up areas, 20 industries, 30 occupations and the
 * all-occupations total: 50,000,400 rows), every value a seeded hash, so every run writes the same file. Its
 * source_org, titles and notes say it is generated wherever a row of it is shown.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export const FEED_SOURCE = 'GENERATED feed (TEST, not real data)';
export const FEED_MONTHS = 60;
export const FEED_AREAS = 16_340;
const INDUSTRIES = 20;
const OCCUPATIONS = 30;
export const FEED_ROWS = FEED_MONTHS * FEED_AREAS * (INDUSTRIES + OCCUPATIONS + 1);

/** Writes the feed as CSV to `file` with native DuckDB (a minute or so); `areas` scales it down for tests. */
export async function writePostingsFeed(file: string, { areas = FEED_AREAS, seed = 42 } = {}): Promise<number> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
	const connection = await instance.connect();
	try {
		const dimensions = [
			...Array.from({ length: INDUSTRIES }, (_, i) => `industry (NAICS): ${String(11 + i)} Generated ${i + 1}`),
			...Array.from({ length: OCCUPATIONS }, (_, i) => `occupation: Generated ${i + 1}`),
			'all tech occupations'
		];
		const list = dimensions.map((d) => `'${d}'`).join(', ');
		await connection.run(`
			COPY (
				SELECT '${FEED_SOURCE}' AS source_org, 'new_job_postings_tech' AS metric,
					strftime(DATE '2021-01-01' + to_months(m::INTEGER), '%Y-%m') AS period,
					'A' || lpad(a::VARCHAR, 5, '0') AS geography,
					d.dimension,
					-- The total is the areas' occupations added up; each breakdown 0–40 postings an area a month.
					CASE WHEN d.dimension = 'all tech occupations' THEN 600 + hash(${seed}, m, a) % 600 ELSE hash(${seed}, m, a, d.i) % 41 END::INTEGER AS value,
					'postings' AS unit, 'GENERATED (TEST)' AS source_title, NULL AS source_url, NULL AS source_pub_date, 'GENERATED' AS notes
				FROM range(${FEED_MONTHS}) t(m), range(1, ${areas + 1}) u(a),
					(SELECT unnest([${list}]) AS dimension, generate_subscripts([${list}], 1) AS i) d
			) TO '${file.replaceAll("'", "''")}' (HEADER, DELIMITER ',')`);
		return FEED_MONTHS * areas * dimensions.length;
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
