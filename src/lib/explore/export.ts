import { csvFormatRows } from 'd3';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ResultData } from './result';

/**
 * Spreadsheets run cells that start with = + - @ (or a tab/CR) as formulas, also after leading spaces or tabs, which
 * they trim. Leading ' are allowed too, so a cell that already starts with ' is prefixed as well and an upload taking
 * one ' off gets back exactly what was exported.
 */
export const FORMULA_START = /^'*[ \t\r]*[=+\-@\t\r]/;

/** Prefixes a formula-like cell with ' so it stays text. */
export function neutralise(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

export function resultCsv({ columns, rows }: ResultData): string {
	const cell = (v: unknown) => (v === null ? '' : v instanceof Date ? v.toISOString() : typeof v === 'string' ? neutralise(v) : String(v));
	return csvFormatRows([columns.map((c) => neutralise(c.name)), ...rows.map((row) => row.map(cell))]);
}

export function resultParquet({ columns, rows }: ResultData): ArrayBuffer {
	return parquetWriteBuffer({
		columnData: columns.map((column, i) => {
			const values = rows.map((row) => row[i]);
			if (column.kind === 'text') return { name: column.name, data: values.map((v) => (v === null ? null : String(v))), type: 'STRING' as const };
			if (values.some((v) => v instanceof Date)) return { name: column.name, data: values, type: 'TIMESTAMP' as const };
			return { name: column.name, data: values.map((v) => (v === null ? null : Number(v))), type: 'DOUBLE' as const };
		})
	});
}
