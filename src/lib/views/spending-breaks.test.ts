import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { latestSpending } from '../queries/latest-spending';
import type { SegmentSpendingRow } from '../queries/segment-spending';
import { latestSeries, restatements } from './spending-charts';

let latest: SegmentSpendingRow[];
beforeAll(async () => {
	const conn: Connector = await connectorWithDatasets(['it_spending']);
	latest = await latestSpending(conn);
});

const restated = (segment: string, year: number) => latest.find((r) => r.segment === segment && r.year === year)?.restatedBase ?? null;

describe('the 2019–2026 lines break where Gartner restated a base', () => {
	it('flags the jumps the heatmap contradicts, and not ordinary revisions', () => {
		// Communications Services: $1,491.7B shown for 2023 (Jul 2024), then +2.2% in Jul 2025 on a base of ~$1,229B.
		expect(restated('Communications Services', 2024)).toBeCloseTo(1256.287 / 1.022, 3);
		// IT Services 2023: +4.9% on ~$1,433B, while 2022 shows $1,250B (a +20% step on the line).
		expect(restated('IT Services', 2023)).toBeCloseTo(1503.698 / 1.049, 3);
		expect(restated('Software', 2022)).not.toBeNull();
		// Within 5%: ordinary revisions, joined.
		expect(restated('Devices', 2024)).toBeNull();
		expect(restated('Data Center Systems', 2024)).toBeNull();
		// The same release on both sides is never a restatement.
		expect(restated('Software', 2026)).toBeNull();
	});

	it('does not draw the line across a restatement and says where, with both bases', () => {
		const line = latestSeries(latest, 'absolute').find((s) => s.key === 'Communications Services')!;
		expect(line.points.find((p) => p.x === 2024)?.breakBefore).toBe(true);
		expect(line.points.find((p) => p.x === 2025)?.breakBefore).toBe(false);
		expect(restatements(latest)).toContain('Communications Services 2023→2024: the Jul 2025 release’s +2.2% implies a 2023 base of about $1.23T, not the $1,491.733B shown');
	});
});
