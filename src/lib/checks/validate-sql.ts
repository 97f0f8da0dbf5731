import { blsFlag } from '../datasets/sql';
import { FORMULA_START } from '../explore/export';
import { expectedText, numberProblemSql, numberSql, type NumberKind, type NumberStyle } from './numbers';
import type { Mapping } from './mapping';
import type { UploadColumn, UploadSchema } from './schemas';

/** Quotes text as a SQL string literal (DuckDB strings know no backslash escapes). */
export const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The raw column of the staged upload that feeds a dataset column. */
export const rawColumn = (index: number) => `c${index}`;

const sqlType: Record<string, string> = { integer: 'INTEGER', bls: 'INTEGER', number: 'DOUBLE', money: 'DOUBLE', percent: 'DOUBLE', boolean: 'BOOLEAN', text: 'VARCHAR' };

/** The type an upload gives a column (money is DOUBLE even where the shipped table has whole numbers). */
export const uploadType = (column: UploadColumn) => sqlType[column.kind];
const isNumber = (kind: string): kind is NumberKind => ['integer', 'number', 'money', 'percent', 'bls'].includes(kind);

/**
 * The type the CSV reader gives a file column on the fast path: plain numbers read natively (a cell that is not
 * one is a cast error, and the file is read again as text with the spreadsheet formats); everything else as text.
 */
export function readTypes(schema: UploadSchema, mapping: Mapping, width: number, typedRead: boolean): string[] {
	const types = Array.from({ length: width }, () => 'VARCHAR');
	if (!typedRead) return types;
	for (const column of schema.columns) {
		const index = mapping[column.name];
		if (index === null || index === undefined || column.derived || column.kind === 'bls' || !isNumber(column.kind)) continue;
		// Whole numbers too: the reader would round 2024.5 into an INTEGER column without a word.
		types[index] = 'DOUBLE';
	}
	return types;
}

/** Export writes a ' before text that a spreadsheet would run as a formula; reading it back takes it off. */
const unneutralised = (cell: string) =>
	`CASE WHEN starts_with(${cell}, '''') AND regexp_matches(substr(${cell}, 2), ${literal(FORMULA_START.source)}) THEN substr(${cell}, 2) ELSE ${cell} END`;
// trim() copies every cell; only a cell whose first character may be a space (U+0020, or a Unicode space from
// U+00A0 on, which trim also removes) or that has none can trim to nothing, so the rest skip it.
const empty = (cell: string) => `(${cell} IS NULL OR (ascii(${cell}) NOT BETWEEN 33 AND 159 AND trim(${cell}) = ''))`;

const TRUE_WORDS = `('true', 't', '1', 'yes')`;
const BOOLEAN_WORDS = `('true', 't', '1', 'yes', 'false', 'f', '0', 'no')`;

function rangeText(column: UploadColumn): string {
	if (column.min !== undefined && column.max !== undefined) return `a value from ${column.min} to ${column.max}`;
	return column.min !== undefined ? `a value of at least ${column.min}` : `a value of at most ${column.max}`;
}

interface Check {
	kind: string;
	when: string;
	problem: string;
	expected: string;
}

/**
 * Every check one column must pass, as predicates over `upload_typed`, which holds each raw cell (c0…cn) beside
 * its typed value: the costly reading happens once, and the reason is worked out only for failing cells.
 */
function checksFor(column: UploadColumn, cell: string, style: NumberStyle, typedRead: boolean): Check[] {
	const checks: Check[] = [];
	const typed = ident(column.name);
	const nativeNumber = typedRead && isNumber(column.kind) && column.kind !== 'bls';
	const isEmpty = nativeNumber ? `${cell} IS NULL` : empty(cell);
	const present = `NOT ${isEmpty}`;
	if (column.notNull) checks.push({ kind: 'missing value', when: isEmpty, problem: `'an empty cell'`, expected: 'a value' });
	if (nativeNumber) {
		checks.push({ kind: 'not a number', when: `NOT isfinite(${cell})`, problem: `'not a finite number'`, expected: expectedText(column.kind as NumberKind) });
		if (column.kind === 'integer')
			checks.push({ kind: 'not a number', when: `${cell} <> trunc(${cell}) OR abs(${cell}) > 2147483647`, problem: `'a fraction where a whole number is expected, or a number too large'`, expected: expectedText('integer') });
	}
	if (isNumber(column.kind) && !nativeNumber) {
		const symbol = column.kind === 'bls' ? ` AND trim(${cell}) NOT IN ('#', '*', '**')` : '';
		checks.push({
			kind: 'not a number',
			when: `${present} AND ${typed} IS NULL${symbol}`,
			problem: numberProblemSql(cell, column.kind, style),
			expected: expectedText(column.kind)
		});
	}
	if (isNumber(column.kind)) {
		const bounds = [column.min !== undefined ? `${typed} < ${column.min}` : '', column.max !== undefined ? `${typed} > ${column.max}` : ''].filter(Boolean);
		if (bounds.length) checks.push({ kind: 'out of range', when: `(${bounds.join(' OR ')})`, problem: `'out of range'`, expected: rangeText(column) });
	} else if (column.kind === 'boolean') {
		checks.push({ kind: 'not true or false', when: `${present} AND lower(trim(${cell})) NOT IN ${BOOLEAN_WORDS}`, problem: `'not true or false'`, expected: 'true or false' });
	} else {
		if (column.pattern)
			checks.push({
				kind: 'wrong format',
				when: `NOT regexp_full_match(${typed}, ${literal(column.pattern.regex)})`,
				problem: `'wrong format'`,
				expected: column.pattern.expected
			});
	}
	if (column.allowed) {
		const allowed = `(${column.allowed.map((a) => (isNumber(column.kind) ? String(Number(a)) : literal(a))).join(', ')})`;
		// A cell that is itself an allowed value types to one (text is the cell unless it opens with the export quote
		// or is empty; a BLS flag column is the cell or its number's symbol, itself an allowed value), so the cell is
		// compared first and only the others (few) are typed.
		const rawFirst = column.kind === 'text' && column.allowed.every((a) => a !== '' && !a.startsWith("'"));
		checks.push({
			kind: 'not an allowed value',
			when: rawFirst ? `${cell} NOT IN ${allowed} AND ${typed} NOT IN ${allowed}` : `${typed} NOT IN ${allowed}`,
			problem: `'not one of the allowed values'`,
			expected: `one of ${column.allowed.join(', ')}`
		});
	}
	return checks;
}

/**
 * One query listing every failing cell of the typed upload: data row `__row`, column, raw value, kind of error,
 * what is wrong and what was expected.
 */
export function errorsSql(schema: UploadSchema, mapping: Mapping, style: NumberStyle, typedRead: boolean): string {
	const checks = schema.columns.flatMap((column) => {
		const index = mapping[column.name];
		if (index === null || index === undefined || column.derived) return [];
		const cell = rawColumn(index);
		return checksFor(column, cell, style, typedRead).map((check) => ({ ...check, column: column.name, cell }));
	});
	if (!checks.length) return `SELECT NULL::BIGINT AS __row, '' AS "column", '' AS "value", '' AS kind, '' AS problem, '' AS expected WHERE false`;
	// One pass over the rows: every check is a cheap predicate; only failing rows build their error records. A check
	// that is NULL counts as passed, both in WHERE and in CASE; coalesce(…, false) would say the same but make DuckDB
	// evaluate every operand of every AND and OR for every row instead of only for the rows still in question.
	const when = (c: (typeof checks)[number]) => `(${c.when})`;
	const records = checks.map(
		(c) => `CASE WHEN ${when(c)} THEN {'column': ${literal(c.column)}, 'value': ${c.cell}::VARCHAR, 'kind': ${literal(c.kind)}, 'problem': ${c.problem}, 'expected': ${literal(c.expected)}} END`
	);
	return `SELECT __row, e.column AS "column", e.value AS "value", e.kind AS kind, e.problem AS problem, e.expected AS expected
		FROM (SELECT __row, unnest(list_filter([${records.join(',\n\t\t')}], x -> x IS NOT NULL)) AS e
			FROM upload_typed WHERE ${checks.map(when).join(' OR ')})`;
}

/** Rows of the typed upload (`upload_typed`) whose key an earlier row of the file already has. */
export function duplicateKeySql(schema: UploadSchema): string {
	const keys = schema.key.map(ident).join(', ');
	const keyText = schema.key.map((k) => `coalesce(${ident(k)}::VARCHAR, '')`).join(` || ' · ' || `);
	const names = literal(schema.key.join(', '));
	return `SELECT __row + 1, ${literal(schema.key.join(' + '))}, ${keyText}, 'duplicate key', 'the same ' || ${names} || ' as line ' || (first_row + 1),
		'one row per ' || ${names}
		FROM (SELECT *, min(__row) OVER (PARTITION BY ${keys}) AS first_row FROM upload_typed) WHERE __row <> first_row`;
}

/**
 * SQL: whether a semicolon file's numbers use decimal commas: its numeric cells hold "879,6" and never "879.6".
 * Answers one row with `decimal_comma` true or false.
 */
export function decimalCommaSql(schema: UploadSchema, mapping: Mapping, raw = 'upload_raw'): string {
	const cells = schema.columns
		.filter((c) => isNumber(c.kind) && !c.derived && mapping[c.name] !== null && mapping[c.name] !== undefined)
		.map((c) => `trim(${rawColumn(mapping[c.name]!)}::VARCHAR)`);
	if (!cells.length) return 'SELECT false AS decimal_comma';
	const count = (pattern: string) => cells.map((cell) => `count(*) FILTER (regexp_full_match(${cell}, '${pattern}'))`).join(' + ');
	return `SELECT (${count('[+-]?\\$?\\d+,\\d+%?')}) > 0 AND (${count('[+-]?\\$?\\d+\\.\\d+%?')}) = 0 AS decimal_comma FROM ${raw}`;
}

/** The raw cells of a staged upload (table `raw`) beside their typed values, in the dataset's column order. */
export function typedSql(schema: UploadSchema, mapping: Mapping, style: NumberStyle, fileName: string, typedRead: boolean, raw = 'upload_raw'): string {
	const flagSource = new Map(schema.columns.filter((c) => c.flagColumn).map((c) => [c.flagColumn!, c]));
	const select = schema.columns.map((column) => {
		const index = mapping[column.name];
		const type = sqlType[column.kind];
		if (column.derived) return `NULL::${type} AS ${ident(column.name)}`;
		const number = flagSource.get(column.name);
		const numberIndex = number ? mapping[number.name] : null;
		if (number && numberIndex !== null && numberIndex !== undefined) {
			const own = index !== null && index !== undefined ? `NULLIF(trim(${rawColumn(index)}), '')` : 'NULL';
			return `coalesce(${blsFlag(rawColumn(numberIndex))}, ${own}) AS ${ident(column.name)}`;
		}
		if (index === null || index === undefined) {
			const constant = column.fromFileName?.(fileName);
			return constant === null || constant === undefined
				? `NULL::${type} AS ${ident(column.name)}`
				: `CAST(${literal(constant)} AS ${type}) AS ${ident(column.name)}`;
		}
		const cell = rawColumn(index);
		if (typedRead && isNumber(column.kind) && column.kind !== 'bls') return `TRY_CAST(${cell} AS ${type}) AS ${ident(column.name)}`;
		if (isNumber(column.kind)) return `TRY_CAST(${numberSql(cell, column.kind, style)} AS ${type}) AS ${ident(column.name)}`;
		if (column.kind === 'boolean') return `coalesce(lower(trim(${cell})) IN ${TRUE_WORDS}, false) AS ${ident(column.name)}`;
		return `NULLIF(${unneutralised(cell)}, '') AS ${ident(column.name)}`;
	});
	return `SELECT rowid + 1 AS __row, *, ${select.join(',\n\t')} FROM ${raw}`;
}

/** Columns the dataset needs that neither the file nor its name supplies. */
export function missingColumns(schema: UploadSchema, mapping: Mapping, fileName: string): UploadColumn[] {
	return schema.columns.filter(
		(c) => c.required && (mapping[c.name] === null || mapping[c.name] === undefined) && (c.fromFileName?.(fileName) ?? null) === null
	);
}
