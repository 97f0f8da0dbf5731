import type { Connector } from '../db/connector';
import { SEGMENTS } from '../charts/segments';
import { latestSpending } from '../queries/latest-spending';
import type { HorizonErrorRow } from '../queries/forecast-record';
import type { SegmentSpendingRow } from '../queries/segment-spending';
import { spendingRevisions, type RevisionRow, type SpendingRevisionsParams } from '../queries/spending-revisions';
import { lazyModule } from '../lazy-module';

const forecastRecord = lazyModule(() => import('../queries/forecast-record'));

/** The revision history the page opens on: the one the data README calls out (+9.5% → +40.3%). */
export const DEFAULT_REVISION: SpendingRevisionsParams = { segment: 'Data Center Systems', year: 2024 };
export const MEASURES = ['absolute', 'share'] as const;
export const REVISION_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

export interface SpendingView {
	/** Every segment and the total for 2019–2026, each year from its newest complete release. */
	latest: SegmentSpendingRow[];
	revision: SpendingRevisionsParams;
	revisions: RevisionRow[];
	/** Past forecast errors by segment and horizon: the bands on the forecast years. */
	errors: HorizonErrorRow[];
}

export async function spendingView(conn: Connector, revision: SpendingRevisionsParams = DEFAULT_REVISION): Promise<SpendingView> {
	return { latest: await latestSpending(conn), revision, revisions: await spendingRevisions(conn, revision), errors: await (await forecastRecord()).horizonErrors(conn) };
}

export const revisionKey = (p: SpendingRevisionsParams) => `${p.segment}|${p.year}`;
export const isSegment = (s: string) => (SEGMENTS as readonly string[]).includes(s);
