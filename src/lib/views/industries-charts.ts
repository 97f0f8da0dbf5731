import { format } from 'd3';
import { sourceItems } from '../charts/sources';
import type { BarDatum, ChartSource, LineSeries } from '../charts/types';
import type { PostingRow } from '../queries/postings';
import { familyColor } from './careers-charts';
import { sectorOf } from './industries';

const count = format(',');
export const countShort = (v: number) => (v >= 1000 ? `${format('~r')(v / 1000)}k` : String(v));
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
export const monthLabel = (index: number) => `${months[index % 12]} ${Math.floor(index / 12)}`;
const qualifier = (unit: string) => unit.replace(/^postings\s*/, '').replace(/[()]/g, '');

/** Every page the rows were read from (a chart over months cites one report a month). */
export function postingsSource(rows: PostingRow[]): ChartSource {
	const first = rows[0];
	const periods = rows.map((r) => r.period).sort();
	return {
		dataset: 'job_postings',
		publisher: [...new Set(rows.map((r) => r.source_org))].join('; ') || 'CompTIA',
		title: first?.source_title ?? 'CompTIA Tech Jobs Report',
		url: first?.source_url ?? '/data#job_postings',
		vintageLabel: 'reports for',
		vintage: periods.length > 1 && periods[0] !== periods[periods.length - 1] ? `${periods[0]} – ${periods[periods.length - 1]}` : (periods[0] ?? ''),
		items: sourceItems(rows, (r) => ({ title: r.source_title, url: r.source_url, vintage: r.period, published: r.source_pub_date }))
	};
}

export function sectorBars(rows: PostingRow[]): BarDatum[] {
	return rows.map((r) => ({
		key: sectorOf(r.dimension),
		label: sectorOf(r.dimension),
		value: r.value,
		color: '#4e79a7',
		valueLabel: count(r.value),
		detail: [r.dimension, `${count(r.value)} ${r.unit}, ${r.period}`, `${r.source_org}`]
	}));
}

export function occupationBars(rows: PostingRow[]): BarDatum[] {
	return rows.map((r) => ({
		key: r.dimension,
		label: r.dimension.replace(/^occupation: /, ''),
		value: r.value,
		color: '#76b7b2',
		valueLabel: count(r.value),
		detail: [`${count(r.value)} new postings, ${r.period}`, r.source_org]
	}));
}

/** The occupation picked in the occupation chart, drawn beside the totals (its own new postings, by publisher). */
export interface PickedOccupation {
	dimension: string;
	rows: PostingRow[];
}

export const occupationName = (dimension: string) => dimension.replace(/^occupation: /, '');

/** A publisher as a line's label names it: "CompTIA (Lightcast job-posting data / BLS)" → "CompTIA". */
export const publisherName = (publisher: string) => publisher.replace(/\s*\(.*\)\s*$/, '') || publisher;

/** How many months a picked occupation was reported for: "one month, 2025-08" or "60 months, 2021-01 – 2025-12". */
export function pickedMonths(rows: PostingRow[]): string {
	const periods = [...new Set(rows.map((r) => r.period))].sort();
	if (periods.length === 0) return 'no monthly figure published';
	if (periods.length === 1) return `one month published, ${periods[0]}`;
	return `${periods.length} months published, ${periods[0]} – ${periods[periods.length - 1]}`;
}

/**
 * New and active monthly postings for all tech occupations, and a picked occupation's new postings; approximate figures
 * ("nearly", "over") drawn hollow and said in the tooltip.
 */
export function postingSeries(rows: PostingRow[], picked: PickedOccupation | null = null): LineSeries[] {
	const metrics: [string, string, string][] = [
		['active_job_postings_tech', 'Active postings', familyColor('Software engineering')],
		['new_job_postings_tech', 'New postings', familyColor('Security')]
	];
	// One line per publisher: two publishers' monthly totals are never joined into one line.
	const totalsBy = [...new Set(rows.map((r) => r.source_org))];
	const totals = totalsBy.flatMap((publisher, p) =>
		metrics.map(([metric, label, color], m) => ({
			key: p === 0 ? metric : `${metric}:${publisher}`,
			label: totalsBy.length > 1 ? `${label}, ${publisherName(publisher)}` : label,
			color: p === 0 ? color : familyColor(m === 0 ? 'Infrastructure & DevOps' : 'Management'),
			points: monthlyPoints(rows.filter((r) => r.metric === metric && r.source_org === publisher))
		}))
	).filter((s) => s.points.length > 0);
	if (!picked) return totals;
	const publishers = [...new Set(picked.rows.map((r) => r.source_org))];
	const pickedSeries = publishers.map((publisher) => ({
		key: `picked:${publisher}`,
		label: `${occupationName(picked.dimension)} (new)${publishers.length > 1 ? `, ${publisherName(publisher)}` : ''}`,
		color: familyColor('Data & ML'),
		points: monthlyPoints(picked.rows.filter((r) => r.source_org === publisher))
	}));
	return [...totals, ...pickedSeries];
}

/** One point a reported month; a month without a report breaks the line. */
function monthlyPoints(rows: PostingRow[]): LineSeries['points'] {
	return rows.flatMap((r, i, all) => {
		const point = {
			x: monthIndex(r.period),
			y: r.value,
			forecast: qualifier(r.unit) !== '',
			label: `${count(r.value)}${qualifier(r.unit) ? ` (${qualifier(r.unit)})` : ''}`
		};
		// A month without a report breaks the line: nothing is drawn across the gap as if it were known.
		const gap = i > 0 && point.x - monthIndex(all[i - 1].period) > 1;
		return gap ? [{ x: point.x - 1, y: null, forecast: false, label: 'not reported' }, point] : [point];
	});
}

/** The runs of months without a CompTIA report between the first and last reported month, e.g. "Jun–Jul 2024". */
export function unreportedMonths(rows: PostingRow[]): string[] {
	const reported = [...new Set(rows.map((r) => monthIndex(r.period)))].sort((a, b) => a - b);
	return reported.slice(1).flatMap((month, i) => {
		const from = reported[i] + 1;
		const to = month - 1;
		if (to < from) return [];
		if (from === to) return [monthLabel(from)];
		const sameYear = Math.floor(from / 12) === Math.floor(to / 12);
		return [sameYear ? `${months[from % 12]}–${monthLabel(to)}` : `${monthLabel(from)} – ${monthLabel(to)}`];
	});
}
