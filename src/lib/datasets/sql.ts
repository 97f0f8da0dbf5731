/** SQL fragments shared by dataset loaders (build step now, upload validation later). */

/** A DuckDB struct literal of column names and types for `read_csv(columns = …)`. */
export function columnsStruct(columns: { name: string; type: string }[]): string {
	return `{${columns.map((c) => `'${c.name}': '${c.type}'`).join(', ')}}`;
}

/** A number from BLS text (`"151,853,870"`), or NULL when the cell holds a symbol or is empty. */
export function blsNumber(column: string, type: 'INTEGER' | 'DOUBLE' = 'INTEGER'): string {
	return `TRY_CAST(replace(trim(${column}), ',', '') AS ${type})`;
}

/**
 * What a BLS cell that is not a number means: `#` top-coded (at or above the top-coding limit), `*`/`**` not
 * available, `unparsed` for anything else that is not a number (the build's tests require none).
 */
export function blsFlag(column: string): string {
	return `CASE
		WHEN trim(${column}) = '#' THEN 'top_coded'
		WHEN trim(${column}) IN ('*', '**') THEN 'not_available'
		WHEN ${column} IS NULL OR trim(${column}) = '' THEN NULL
		WHEN ${blsNumber(column, 'DOUBLE')} IS NULL THEN 'unparsed'
	END`;
}
