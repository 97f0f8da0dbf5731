/** Warnings a reader needs before trusting a figure, shown as badges beside the chart's title. */

/** Figures older than this are flagged with their date. */
export const STALE_YEARS = 2;
/** Samples smaller than this are flagged with their size. */
export const THIN_SAMPLE = 100;

/** The last day a period covers: "2020-Q2" → 30 Jun 2020, "2024-05" → 31 May 2024, "2023" → 31 Dec 2023. */
export function periodEnd(period: string): Date | null {
	const quarter = period.match(/^(\d{4})-Q([1-4])$/);
	if (quarter) return new Date(Date.UTC(Number(quarter[1]), Number(quarter[2]) * 3, 0));
	const month = period.match(/^(\d{4})-(\d{2})$/);
	if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]), 0));
	const year = period.match(/^(\d{4})$/);
	return year ? new Date(Date.UTC(Number(year[1]), 12, 0)) : null;
}

/** "Data from 2020-Q2, over 2 years old" when the period ended more than STALE_YEARS before `now`. */
export function staleCaveat(label: string, period: string, now = new Date()): string[] {
	const end = periodEnd(period);
	if (!end) return [];
	const limit = new Date(now);
	limit.setUTCFullYear(limit.getUTCFullYear() - STALE_YEARS);
	return end < limit ? [`${label} ${period}: over ${STALE_YEARS} years old`] : [];
}

/** "Under 100 answers: 2020 (n = 30), 2021 (n = 64)" for the groups whose sample is thin. */
export function thinSampleCaveat(groups: { label: string; n: number }[]): string[] {
	const thin = groups.filter((g) => g.n < THIN_SAMPLE);
	return thin.length ? [`Under ${THIN_SAMPLE} answers: ${thin.map((g) => `${g.label} (n = ${g.n.toLocaleString('en-US')})`).join(', ')}`] : [];
}
