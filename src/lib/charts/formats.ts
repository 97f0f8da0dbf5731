import { formatLocale } from 'd3';

// ASCII minus so figures paste cleanly into spreadsheets and match the sources' own text.
const locale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '-' });
// Up to six decimals, trailing zeros dropped: the figure exactly as the source wrote it, never rounded to fit.
const exact = locale.format(',.6~f');
const threeDigits = locale.format('.3~r');
const oneDecimalSigned = locale.format('+.1f');
const oneDecimal = locale.format('.1f');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** US dollars exactly as given, grouped: `$128,500` (a wage, a salary, a pay figure from a file). */
export const formatUsd = locale.format('$,');

/** Spending in USD billions exactly as published: `$216.26B`, `$1,469B`, `$6,155.493B`. */
export function formatSpendExact(billions: number | null): string {
	return billions === null ? 'not published' : `$${exact(billions)}B`;
}

/** Spending in USD billions, compact for labels and axes: `$1.47T`, `$216B`. */
export function formatSpendShort(billions: number | null): string {
	if (billions === null) return 'n/a';
	if (billions === 0) return '$0';
	return Math.abs(billions) >= 1000 ? `$${threeDigits(billions / 1000)}T` : `$${threeDigits(billions)}B`;
}

/** Growth in percent as a bare number for a narrow cell whose chart says "%": `11.3`, `-0.6`. */
export function formatGrowthShort(pct: number): string {
	return oneDecimal(pct);
}

/** Growth in percent, always signed: `+11.3%`, `-0.6%`. */
export function formatGrowth(pct: number | null): string {
	return pct === null ? 'n/a' : `${oneDecimalSigned(pct)}%`;
}

/** A release vintage `2026-02` as `Feb 2026`. */
export function formatRelease(release: string): string {
	const [year, month] = release.split('-').map(Number);
	return month ? `${months[month - 1]} ${year}` : release;
}
