import { from, op } from 'arquero';
import type { ForecastRecordRow } from '../queries/forecast-record';

/** The first forecast of every segment and target year, for the record's overview. */
export function firstForecasts(record: ForecastRecordRow[]): ForecastRecordRow[] {
	if (!record.length) return [];
	return from(record)
		.groupby('segment', 'year')
		.filter((d: ForecastRecordRow) => d.revision === op.min(d.revision))
		.ungroup()
		.orderby('segment', 'year')
		.objects() as ForecastRecordRow[];
}

/** The forecasts of one segment and year, oldest first. */
export function forecastPath(record: ForecastRecordRow[], segment: string, year: number): ForecastRecordRow[] {
	return record.filter((r) => r.segment === segment && r.year === year).sort((a, b) => a.release.localeCompare(b.release));
}
