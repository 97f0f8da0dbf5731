import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface ReleaseRow {
	release: string;
	years: number[];
	/** Every segment and the total, with spending and growth, for every year the release covers. */
	complete: boolean;
	missingValues: number;
	sourceTitle: string;
	sourceUrl: string;
	sourcePubDate: string;
}

/** One row per Gartner release, newest first, with the years it covers and whether its table is complete. */
export function spendingReleasesSql(): string {
	return `
		WITH figures AS (
			-- one row per segment and year, so a figure read from two sources is not counted twice
			SELECT release_date, year, segment, bool_or(spend_usd_bn IS NOT NULL) AS spend, bool_or(growth_pct IS NOT NULL) AS growth,
				any_value(source_title) AS source_title, any_value(source_url) AS source_url, any_value(source_pub_date) AS source_pub_date
			FROM it_spending GROUP BY ALL
		)
		SELECT release_date AS release,
			list(DISTINCT year ORDER BY year) AS years,
			-- 6 rows (5 segments and the total) per year, each with a spend and a growth figure
			CAST(2 * 6 * count(DISTINCT year) - count(*) FILTER (spend) - count(*) FILTER (growth) AS INTEGER) AS missingValues,
			2 * 6 * count(DISTINCT year) - count(*) FILTER (spend) - count(*) FILTER (growth) = 0 AS complete,
			any_value(source_title) AS sourceTitle,
			any_value(source_url) AS sourceUrl,
			any_value(source_pub_date) AS sourcePubDate
		FROM figures
		GROUP BY release_date
		ORDER BY release_date DESC`;
}

export async function spendingReleases(conn: Connector): Promise<ReleaseRow[]> {
	const rows = arrowRows<ReleaseRow & { years: ArrayLike<number> }>(await conn.query(spendingReleasesSql()));
	return rows.map((row) => ({ ...row, years: Array.from(row.years, Number) }));
}

/** The newest release whose table is complete: the default vintage. */
export function newestCompleteRelease(releases: ReleaseRow[]): ReleaseRow | undefined {
	return releases.filter((r) => r.complete).sort((a, b) => b.release.localeCompare(a.release))[0];
}

/** The year a release is about: its own year when it covers it, else the latest year it covers. */
export function defaultYear(release: ReleaseRow): number {
	const own = Number(release.release.slice(0, 4));
	return release.years.includes(own) ? own : release.years[release.years.length - 1];
}
