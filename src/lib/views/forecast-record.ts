import type { Connector } from '../db/connector';
import { SEGMENTS } from '../charts/segments';
import {
	forecastRecord,
	horizonErrors,
	restatedBases,
	type ForecastRecordRow,
	type HorizonErrorRow,
	type RestatementRow
} from '../queries/forecast-record';

/** The segment-year the record opens on: the forecast the issue and the data README call out (+6.1% → +40.3%). */
export const DEFAULT_PICK = { segment: 'Data Center Systems', year: 2024 } as const;
/** The segments the record covers, then the worldwide total. */
export const RECORD_SEGMENTS = [...SEGMENTS, 'Total'] as const;

/** Everything the forecast record draws: every settled forecast, its errors by horizon and the restated bases. */
export interface ForecastRecordView {
	record: ForecastRecordRow[];
	errors: HorizonErrorRow[];
	restatements: RestatementRow[];
}

export async function forecastRecordView(conn: Connector): Promise<ForecastRecordView> {
	return { record: await forecastRecord(conn), errors: await horizonErrors(conn), restatements: await restatedBases(conn) };
}
