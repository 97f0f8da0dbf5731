/** Questions from the guide, answered in SQL over the shipped datasets. */
export const EXAMPLES = [
	{
		question: 'Which segment grew fastest in 2023?',
		sql: `-- Growth in 2023 by segment, from the newest release that gives it
SELECT segment, growth_pct, spend_usd_bn, release_date
FROM it_spending
WHERE year = 2023 AND segment <> 'Total'
  AND release_date = (SELECT max(release_date) FROM it_spending WHERE year = 2023 AND growth_pct IS NOT NULL)
ORDER BY growth_pct DESC`
	},
	{
		question: 'How much more does a senior security engineer earn than an entry-level one?',
		sql: `-- Median full-time salary of security engineers by experience level (self-reported surveys)
SELECT experience_level, median(salary_in_usd) AS median_salary_usd, count(*) AS answers
FROM salary_survey
WHERE job_family = 'Security' AND job_title ILIKE '%security engineer%' AND employment_type = 'FT'
  AND experience_level IN ('EN', 'SE')
GROUP BY experience_level
ORDER BY median_salary_usd`
	},
	{
		question: 'How has worldwide IT spending grown, year by year?',
		sql: `-- The total for each year from the February 2026 release and earlier complete releases
SELECT year, spend_usd_bn, release_date
FROM it_spending
WHERE segment = 'Total' AND release_date IN ('2020-01', '2021-10', '2022-04', '2023-04', '2024-07', '2025-07', '2026-02')
QUALIFY row_number() OVER (PARTITION BY year ORDER BY release_date DESC) = 1
ORDER BY year`
	},
	{
		question: 'Which computer occupations paid the most in May 2024?',
		sql: `SELECT occ_title, annual_median, employment
FROM occupations
WHERE year = 2024 AND occ_code LIKE '15-12%' AND o_group = 'detailed'
ORDER BY annual_median DESC NULLS LAST
LIMIT 10`
	}
] as const;
