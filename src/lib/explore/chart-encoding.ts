import { formatLocale } from 'd3';
import { formatSpendShort } from '../charts/formats';
import type { ResultColumn, ResultData } from './result';

/** The chart draws this many rows at most unless the person asks for all (drawing 136k SVG points freezes a tab). */
export const DRAWN_ROWS = 10_000;
/** A series column with more distinct values than this is not used to split lines (the legend would be noise). */
export const MAX_SERIES = 10;

/** Which columns a chart maps to x, y and (optionally) series: column names, as in the URL. */
export interface Encoding {
	x: string | null;
	y: string | null;
	series: string | null;
}

const locale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '-' });
const compact = (v: number) => v.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 2 });

/**
 * How a column's values read, inferred from its name: a year, money (billions where the name says so), a percentage, or
 * a plain number. Compact for axis ticks; `exact` keeps every digit (tooltips, bar labels: figures are never rounded).
 */
export function columnFormat(column: ResultColumn | undefined, exact = false): (value: number) => string {
	const name = column?.name ?? '';
	const digits = locale.format(',.6~f');
	if (/year/i.test(name)) return (v) => String(Math.round(v) === v ? v : v.toFixed(2));
	if (/_bn\b|billion/i.test(name)) return exact ? (v) => `$${digits(v)}B` : formatSpendShort;
	if (/usd|salary|wage|pay|earning|spend|income/i.test(name)) {
		const money = locale.format('$,.3~s');
		return exact ? (v) => `$${digits(v)}` : (v) => money(v).replace(/G$/, 'B');
	}
	if (/pct|percent|share|growth|ratio/i.test(name)) return exact ? (v) => `${digits(v)}%` : (v) => `${locale.format(',.1~f')(v)}%`;
	return exact ? digits : compact;
}

const named = (data: ResultData, name: string | null) => (name === null ? -1 : data.columns.findIndex((c) => c.name === name));
const ofKind = (data: ResultData, kinds: string[], except: number[] = []) => data.columns.findIndex((c, i) => kinds.includes(c.kind) && !except.includes(i));

/** Columns of a result that can play a role in a chart of this kind. */
export function candidates(data: ResultData, kind: string): { x: ResultColumn[]; y: ResultColumn[]; series: ResultColumn[] } {
	const numbers = data.columns.filter((c) => c.kind === 'number' || c.kind === 'time');
	const texts = data.columns.filter((c) => c.kind === 'text');
	if (kind === 'bar') return { x: texts.length ? texts : data.columns, y: data.columns.filter((c) => c.kind === 'number'), series: [] };
	if (kind === 'line') return { x: data.columns.filter((c) => c.kind === 'time' || c.kind === 'number'), y: data.columns.filter((c) => c.kind === 'number'), series: texts };
	if (kind === 'scatter') return { x: numbers, y: numbers, series: texts };
	return { x: [], y: data.columns.filter((c) => c.kind === 'number'), series: [] };
}

/** The encoding asked for where it fits the result, else the default the result's shape suggests for this kind. */
export function encodingFor(data: ResultData, kind: string, asked: Partial<Encoding> = {}): Encoding {
	const can = candidates(data, kind);
	const fits = (name: string | null | undefined, list: ResultColumn[]) => (name && list.some((c) => c.name === name) ? name : undefined);
	const firstIndex = (kinds: string[], except: number[] = []) => ofKind(data, kinds, except);
	let x: number;
	if (kind === 'bar') x = firstIndex(['text']) >= 0 ? firstIndex(['text']) : 0;
	else if (kind === 'line') x = firstIndex(['time']) >= 0 ? firstIndex(['time']) : firstIndex(['number']);
	else if (kind === 'scatter') x = firstIndex(['time']) >= 0 ? firstIndex(['time']) : firstIndex(['number']);
	else x = -1;
	const xName = fits(asked.x, can.x) ?? data.columns[x]?.name ?? null;
	const y = firstIndex(['number'], [named(data, xName)]);
	const yName = fits(asked.y, can.y) ?? data.columns[y]?.name ?? null;
	const seriesName = asked.series === null ? null : (fits(asked.series, can.series) ?? (kind === 'line' || kind === 'scatter' ? fewValued(data, can.series) : null));
	return { x: xName, y: yName, series: seriesName };
}

/** The first text column with at most MAX_SERIES distinct values among the drawn rows: a natural series. */
function fewValued(data: ResultData, texts: ResultColumn[]): string | null {
	for (const column of texts) {
		const index = named(data, column.name);
		const values = new Set<unknown>();
		for (const row of data.rows.slice(0, DRAWN_ROWS)) {
			values.add(row[index]);
			if (values.size > MAX_SERIES) break;
		}
		if (values.size > 1 && values.size <= MAX_SERIES) return column.name;
	}
	return null;
}

export interface LineGroup {
	key: string;
	points: { x: number; y: number | null }[];
}

/**
 * The drawn rows as one line per series value (the first MAX_SERIES values), in one pass. When x repeats within a
 * series the rows are not a line (each x needs one value): `repeated` names the first such x, and nothing is drawn.
 */
export function lineGroups(data: ResultData, encoding: Encoding, rows = data.rows): { groups: LineGroup[]; repeated: string | null } {
	const x = named(data, encoding.x);
	const y = named(data, encoding.y);
	const s = named(data, encoding.series);
	const groups = new Map<string, { points: { x: number; y: number | null }[]; seen: Set<number> }>();
	for (const row of rows) {
		const key = s >= 0 ? String(row[s] ?? 'NULL') : (encoding.y ?? '');
		let group = groups.get(key);
		if (!group) {
			if (groups.size >= MAX_SERIES) continue;
			group = { points: [], seen: new Set() };
			groups.set(key, group);
		}
		const xValue = asNumber(row[x]);
		if (xValue === null) continue;
		if (group.seen.has(xValue)) return { groups: [], repeated: `${encoding.x} ${String(row[x] instanceof Date ? (row[x] as Date).toISOString().slice(0, 10) : row[x])}${s >= 0 ? ` (${encoding.series} ${key})` : ''}` };
		group.seen.add(xValue);
		group.points.push({ x: xValue, y: asNumber(row[y]) });
	}
	return { groups: [...groups].map(([key, g]) => ({ key, points: g.points.sort((a, b) => a.x - b.x) })), repeated: null };
}

/** A cell as a number for a chart axis: dates as milliseconds, anything not numeric as null. */
export function asNumber(value: unknown): number | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.getTime();
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}
