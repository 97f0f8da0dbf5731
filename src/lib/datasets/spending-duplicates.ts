/**
 * Gartner rows read from two sources for the same release, segment and year become one row, by the rule written in
 * data/SOURCES.md: the row with a spending figure wins, then the row with a growth figure; a figure the kept row
 * lacks is taken from the other row; the other row's figures and source stay in `also_published`. Rows the rule
 * cannot rank (both with the same figures present) are all kept, so the build's key check fails and a person decides.
 */

const KEY = 'release_date, segment, year';

/** As the dashboard writes them, every digit kept: `4530` → `$4,530B`, `4431.646` → `$4,431.646B`, `4` → `+4.0%`. */
const spendText = (x: string) =>
	`coalesce('$' || rtrim(rtrim(printf('%,.3f', ${x}), '0'), '.') || 'B', 'no spending figure')`;
const growthText = (x: string) =>
	`coalesce(CASE WHEN ${x} >= 0 THEN '+' ELSE '' END || CASE WHEN round(${x}, 1) = ${x} THEN printf('%.1f', ${x}) ELSE ${x}::VARCHAR END || '%', 'no growth figure')`;

/** SQL resolving duplicate keys of `rows` (the it_spending columns without `also_published`, plus `row_no`, in file order). */
export function resolveSpendingDuplicates(rows: string): string {
	return `
		WITH ranked AS (
			SELECT *, rank() OVER (PARTITION BY ${KEY} ORDER BY spend_usd_bn IS NULL, growth_pct IS NULL) AS place
			FROM ${rows}
		),
		others AS (
			SELECT ${KEY},
				arg_min(spend_usd_bn, row_no) FILTER (spend_usd_bn IS NOT NULL) AS other_spend,
				arg_min(growth_pct, row_no) FILTER (growth_pct IS NOT NULL) AS other_growth,
				string_agg('Also published for this release: ' || ${spendText('spend_usd_bn')} || ', ' || ${growthText('growth_pct')}
					|| ' in "' || source_title || '" ' || source_url, '; ' ORDER BY row_no) AS other_text
			FROM ranked WHERE place > 1 GROUP BY ALL
		)
		SELECT k.segment, k.year,
			coalesce(k.spend_usd_bn, o.other_spend) AS spend_usd_bn,
			coalesce(k.growth_pct, o.other_growth) AS growth_pct,
			k.kind, k.release_date, k.source_title, k.source_url, k.source_pub_date, k.notes,
			o.other_text
				|| CASE WHEN k.spend_usd_bn IS NULL AND o.other_spend IS NOT NULL THEN '; the spending shown is taken from it' ELSE '' END
				|| CASE WHEN k.growth_pct IS NULL AND o.other_growth IS NOT NULL THEN '; the growth shown is taken from it' ELSE '' END
				AS also_published
		FROM ranked k LEFT JOIN others o USING (${KEY})
		WHERE k.place = 1
		ORDER BY k.row_no`;
}
