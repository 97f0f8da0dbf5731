import type { Rollup } from './types';

/** job_postings' US-wide figures, the table the postings views read (its own module: pages load it without the dataset's). */
export const jobPostingsNational: Rollup = {
	name: 'job_postings_national',
	description:
		'One row per publisher, metric, period, breakdown and unit: the US-wide figure. A publisher’s own US row where it gives one (every shipped row is one); else, for counts of postings, the sum of the areas it reports (a feed by county or metro), with how many areas in `areas`. A share or a rate is never added up over areas: without a US row it is left out.',
	sql: `SELECT source_org, metric, period, 'US' AS geography, dimension,
		CASE WHEN bool_or(geography = 'US') THEN max(value) FILTER (WHERE geography = 'US') ELSE sum(value) END AS value,
		unit, arg_max(source_title, geography = 'US') AS source_title, arg_max(source_url, geography = 'US') AS source_url,
		arg_max(source_pub_date, geography = 'US') AS source_pub_date, arg_max(notes, geography = 'US') AS notes,
		CAST(count(*) FILTER (WHERE geography <> 'US') AS INTEGER) AS areas
	FROM job_postings
	GROUP BY source_org, metric, period, dimension, unit
	HAVING bool_or(geography = 'US') OR unit ILIKE 'postings%'`
};
