import { formatGrowth, formatRelease, formatSpendExact, formatSpendShort } from '../charts/formats';
import { segmentColor } from '../charts/segments';
import { sourceItems, sourceNotes } from '../charts/sources';
import type { BarDatum, ChartSource, Kpi, LineSeries } from '../charts/types';
import type { SegmentSpendingRow } from '../queries/segment-spending';
import type { ReleaseRow } from '../queries/spending-releases';
import type { OverviewView } from './overview';
import { bandText, rowBand } from './forecast-bands';

/** Growth as text, with a mark when it was derived rather than published. */
export function growthText(row: SegmentSpendingRow): string {
	return row.growthDerived ? `${formatGrowth(row.growth)}*` : formatGrowth(row.growth);
}

/** Gartner figures as read from news pages: every page the shown rows cite, with its release and date. */
export interface GartnerSourced {
	release: string;
	sourceTitle: string;
	sourceUrl: string;
	sourcePubDate: string;
	notes?: string | null;
}

/** The source of a chart of Gartner rows (the release's own when it shows none, e.g. while it loads). */
export function spendingSource(rows: GartnerSourced[], release?: ReleaseRow): ChartSource {
	const cited: GartnerSourced[] = rows.length ? rows : release ? [release] : [];
	const releases = [...new Set(cited.map((r) => r.release))].sort();
	return {
		dataset: 'it_spending',
		publisher: 'Gartner',
		vintageLabel: releases.length > 1 ? 'Gartner releases' : 'Gartner release',
		title: cited[0]?.sourceTitle ?? 'worldwide IT spending forecast',
		url: cited[0]?.sourceUrl ?? '/data#it_spending',
		vintage: releases.length > 1 ? `${formatRelease(releases[0])} – ${formatRelease(releases[releases.length - 1])}` : releases.length ? formatRelease(releases[0]) : '',
		published: cited[0]?.sourcePubDate,
		items: sourceItems(cited, (r) => ({ title: r.sourceTitle, url: r.sourceUrl, vintage: `${formatRelease(r.release)} release`, published: r.sourcePubDate })),
		notes: sourceNotes(cited.map((r) => r.notes))
	};
}

/** The table view's column naming each row's page. */
export const sourceColumn = { label: 'Source', value: (r: GartnerSourced) => r.sourceTitle, source: true };

/** The table view's column of each row's own note (an upload's notes are the analyst's word on its rows). */
export const notesColumn = { label: 'Notes', value: (r: GartnerSourced) => r.notes ?? '' };

export function segmentBars(rows: SegmentSpendingRow[]): BarDatum[] {
	return rows.map((row) => ({
		key: row.segment,
		label: row.segment,
		value: row.spend,
		color: segmentColor(row.segment),
		valueLabel: row.spend === null ? 'not published' : `${formatSpendShort(row.spend)}  ${growthText(row)}`,
		detail: [
			`Spending ${row.year}: ${formatSpendExact(row.spend)}`,
			`Growth: ${growthText(row)}${row.growthDerived ? ' (derived from the release’s previous year)' : ''}`,
			`${row.kind === 'forecast' ? 'Forecast' : 'Estimate of actual spending'}, ${formatRelease(row.release)} release`,
			...(row.alsoPublished ? [row.alsoPublished] : []),
			...(row.notes ? [`Note: ${row.notes}`] : [])
		]
	}));
}

/** The release's segment lines; with `bands`, each forecast point carries its band from the forecast record. */
export function segmentSeries(view: OverviewView, bands = false): LineSeries[] {
	return view.lines.map((line) => ({
		key: line.segment,
		label: line.segment,
		color: segmentColor(line.segment),
		points: line.points.map((p) => {
			const outcome = bands ? rowBand(view.errors, p) : null;
			return {
				x: p.year,
				y: p.spend,
				forecast: p.kind === 'forecast',
				band: outcome?.band ? { low: outcome.band.low, high: outcome.band.high } : undefined,
				label: `${formatSpendExact(p.spend)} (${p.kind})${outcome ? `; ${bandText(outcome)}` : ''}`
			};
		})
	}));
}

/** The year's rows of the bar chart's table view: the segments, then the worldwide total. */
export function spendTableRows(view: OverviewView): SegmentSpendingRow[] {
	return view.kpis.total ? [...view.bars, view.kpis.total] : view.bars;
}

export function kpiTiles(view: OverviewView): Kpi[] {
	const { total, largest, fastest, year } = view.kpis;
	return [
		{
			label: `Worldwide IT spending ${year}`,
			value: formatSpendShort(total?.spend ?? null),
			detail: total
				? `${formatSpendExact(total.spend)} · ${total.kind}${total.alsoPublished ? ' · a second source: see the table' : ''}`
				: 'not published in this release',
			note: total?.alsoPublished ?? undefined
		},
		{
			label: `Growth ${year}`,
			value: total ? growthText(total) : 'n/a',
			detail: total?.growthDerived ? 'derived from the previous year' : `on ${year - 1}`
		},
		{
			label: 'Largest segment',
			value: largest?.segment ?? 'n/a',
			textual: true,
			detail: largest ? `${formatSpendExact(largest.spend)} · ${growthText(largest)}` : ''
		},
		{
			label: 'Fastest-growing segment',
			value: fastest?.segment ?? 'n/a',
			textual: true,
			detail: fastest ? `${growthText(fastest)} · ${formatSpendExact(fastest.spend)}` : ''
		}
	];
}

/** A release as the selector names it, saying when its table is incomplete. */
export function releaseOptionLabel(release: ReleaseRow): string {
	const years = release.years.length > 1 ? `${release.years[0]}–${release.years[release.years.length - 1]}` : `${release.years[0]}`;
	const incomplete = release.complete ? '' : ` · incomplete (${release.missingValues} figures missing)`;
	return `${formatRelease(release.release)} (covers ${years})${incomplete}`;
}
