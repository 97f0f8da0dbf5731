import { DataType, type Table } from 'apache-arrow';

export type ColumnKind = 'number' | 'time' | 'text';
export interface ResultColumn {
	name: string;
	kind: ColumnKind;
}
export interface ResultData {
	columns: ResultColumn[];
	/** Row-major values: numbers, Dates, strings or null. BigInt and decimals become numbers. */
	rows: (number | string | Date | boolean | null)[][];
}

function kindOf(type: DataType, name: string, sample: unknown[]): ColumnKind {
	if (DataType.isDate(type) || DataType.isTimestamp(type)) return 'time';
	if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) {
		const isYear = /year/i.test(name) && sample.every((v) => v === null || (Number(v) >= 1900 && Number(v) <= 2100));
		return isYear ? 'time' : 'number';
	}
	return 'text';
}

function plain(value: unknown): number | string | Date | boolean | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
	if (typeof value === 'object' && 'toString' in value) {
		const text = String(value);
		return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
	}
	return String(value);
}

/** An Arrow result as columns with a kind each and plain row values, ready for the table, the chart and exports. */
export function resultData(table: Table): ResultData {
	const vectors = table.schema.fields.map((_, i) => table.getChildAt(i));
	const rows = Array.from({ length: table.numRows }, (_, r) => vectors.map((v) => plain(v?.get(r))));
	return withColumns(table, rows);
}

/**
 * The same, converted a step of rows at a time with the page free in between: 136,221 survey rows take ~0.4 s to
 * convert, one long freeze if done at once.
 */
export async function resultDataInSteps(table: Table, rowsPerStep = 5_000): Promise<ResultData> {
	const vectors = table.schema.fields.map((_, i) => table.getChildAt(i));
	const rows: ResultData['rows'] = new Array(table.numRows);
	for (let start = 0; start < table.numRows; start += rowsPerStep) {
		const end = Math.min(table.numRows, start + rowsPerStep);
		for (let r = start; r < end; r++) rows[r] = vectors.map((v) => plain(v?.get(r)));
		if (end < table.numRows) await new Promise((resolve) => setTimeout(resolve, 0));
	}
	return withColumns(table, rows);
}

function withColumns(table: Table, rows: ResultData['rows']): ResultData {
	const sample = (i: number) => rows.slice(0, 200).map((row) => row[i]);
	return { columns: table.schema.fields.map((f, i) => ({ name: f.name, kind: kindOf(f.type, f.name, sample(i)) })), rows };
}
