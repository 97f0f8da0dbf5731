import type { Connector } from '../db/connector';
import { segmentSpending, type SegmentSpendingRow } from '../queries/segment-spending';
import { defaultYear, newestCompleteRelease, spendingReleases, type ReleaseRow } from '../queries/spending-releases';

export { defaultYear };
import { segmentLines, segmentsForYear, spendingKpis, type SegmentLine, type SpendingKpis } from '../reshape/spending';
import { SEGMENTS } from '../charts/segments';
import type { HorizonErrorRow } from '../queries/forecast-record';
import { lazyModule } from '../lazy-module';

// Loaded when first asked for: the overview's first script stays small (the snapshot holds the default's errors).
const forecastRecord = lazyModule(() => import('../queries/forecast-record'));

export interface OverviewParams {
	release?: string;
	year?: number;
}

/** Everything the overview page draws, for one release and year. */
export interface OverviewView {
	release: ReleaseRow;
	year: number;
	releases: ReleaseRow[];
	bars: SegmentSpendingRow[];
	kpis: SpendingKpis;
	lines: SegmentLine[];
	/** Past forecast errors by segment and horizon: the bands drawn on this release's forecasts. */
	errors: HorizonErrorRow[];
	/** Set when the requested release or year did not exist and a default was used instead. */
	notice: string | null;
}

/** Query and reshape the overview for the requested release and year, falling back to the defaults. */
export async function overviewView(conn: Connector, params: OverviewParams = {}): Promise<OverviewView> {
	const releases = await spendingReleases(conn);
	const fallback = newestCompleteRelease(releases) ?? releases[0];
	const release = releases.find((r) => r.release === params.release) ?? fallback;
	const year = params.year !== undefined && release.years.includes(params.year) ? params.year : defaultYear(release);
	const notice = unavailableNotice(params, release, year);
	// Every release's figures in one query (a few hundred rows): a release change is answered from the previous run's
	// answer (ReusedQueries) without a round trip to the engine.
	const rows = (await segmentSpending(conn)).filter((row) => row.release === release.release);
	return {
		release,
		year,
		releases,
		bars: segmentsForYear(rows, year),
		kpis: spendingKpis(rows, year),
		lines: segmentLines(rows, SEGMENTS),
		errors: await (await forecastRecord()).horizonErrors(conn),
		notice
	};
}

function unavailableNotice(params: OverviewParams, release: ReleaseRow, year: number): string | null {
	if (params.release !== undefined && params.release !== release.release)
		return `There is no release "${params.release}"; showing ${release.release} instead.`;
	if (params.year !== undefined && params.year !== year)
		return `The ${release.release} release has no figures for ${params.year}; showing ${year}.`;
	return null;
}
