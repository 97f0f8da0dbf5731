import { DRAWN_ROWS, encodingFor, lineGroups } from './chart-encoding';
import type { ResultData } from './result';

export const CHART_KINDS = ['auto', 'bar', 'line', 'scatter', 'number', 'none'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/**
 * The chart a result's shape calls for: one number → big figure; time + number → line (scatter when a time repeats
 * within a series, as in raw survey rows: one line needs one value per time); category + number → bars; two numbers →
 * scatter.
 */
export function autoChart(data: ResultData): Exclude<ChartKind, 'auto'> {
	const { columns, rows } = data;
	const numbers = columns.filter((c) => c.kind === 'number');
	const has = (kind: string) => columns.some((c) => c.kind === kind);
	if (rows.length === 0 || numbers.length === 0) return has('time') && numbers.length ? 'line' : 'none';
	if (rows.length === 1 && numbers.length === 1 && columns.length === 1) return 'number';
	if (has('time')) return lineGroups(data, encodingFor(data, 'line'), rows.slice(0, DRAWN_ROWS)).repeated ? 'scatter' : 'line';
	if (has('text')) return 'bar';
	if (numbers.length >= 2) return 'scatter';
	return 'number';
}
