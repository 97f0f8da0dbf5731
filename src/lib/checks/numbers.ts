/**
 * How uploaded cells become numbers: spreadsheet formats are read exactly or rejected with the reason, never
 * guessed. The rules are SQL so that DuckDB applies them to every row in its worker; the property tests run them
 * through the same engine.
 */

/** What a numeric column holds, which decides the formats it accepts. */
export type NumberKind = 'integer' | 'number' | 'money' | 'percent' | 'bls';

/**
 * How a file writes numbers: with a decimal point (commas may group thousands); in a semicolon-separated file with
 * a point and no commas at all (a comma there is ambiguous); or with a decimal comma (Excel in most of Europe:
 * "6155,493"), without thousands separators.
 */
export type NumberStyle = 'point' | 'semicolon' | 'decimal-comma';

/** The style of a file: its delimiter, and whether its numbers use decimal commas (detected or chosen). */
export const numberStyle = (delimiter: string, decimalComma: boolean | undefined): NumberStyle =>
	decimalComma ? 'decimal-comma' : delimiter === ';' ? 'semicolon' : 'point';

// No thousands separator at all: "1.234" would be a thousand in one locale and a fraction in another.
const commaDigits = (kind: NumberKind) => `\\d+${kind === 'integer' || kind === 'bls' ? '(,0+)?' : '(,\\d+)?'}`;

const plain = (fraction: string) => `(\\d+|\\d{1,3}(,\\d{3})+)${fraction}`;
const fractionOf = (kind: NumberKind) => (kind === 'integer' || kind === 'bls' ? '(\\.0+)?' : '(\\.\\d+)?');
const scientific = '\\d+(\\.\\d+)?[eE][+-]?\\d+';

/**
 * The whole-cell pattern a kind accepts: an optional sign or accounting parentheses, `$` for money, `%` for
 * percentages, thousands separators only in groups of three. In a semicolon-separated file a comma may be a
 * decimal comma, so there no comma is accepted at all.
 */
export function acceptedPattern(kind: NumberKind, style: NumberStyle): string {
	const currency = kind === 'money' ? '\\$?' : '';
	const percent = kind === 'percent' ? '%?' : '';
	const digits = style === 'decimal-comma' ? commaDigits(kind) : style === 'semicolon' ? `\\d+${fractionOf(kind)}` : plain(fractionOf(kind));
	const exponent = kind === 'integer' || kind === 'bls' || style === 'decimal-comma' ? '' : `|${scientific}`;
	return `([+-]?${currency}(${digits}${exponent})${percent}|\\(${currency}${digits}${percent}\\))`;
}

/** SQL: the number a trimmed cell holds, or NULL when `acceptedPattern` rejects it. */
export function numberSql(cell: string, kind: NumberKind, style: NumberStyle): string {
	const t = `trim(${cell})`;
	// Decimal commas: the comma made a point.
	const digits =
		style === 'decimal-comma'
			? `replace(regexp_replace(${t}, '[$%()]', '', 'g'), ',', '.')`
			: `regexp_replace(${t}, '[$,%()]', '', 'g')`;
	const value = `CASE WHEN starts_with(${t}, '(') THEN -CAST(${digits} AS DOUBLE) ELSE CAST(${digits} AS DOUBLE) END`;
	// Plain digits, by far the most common cell, skip the full pattern.
	return `CASE WHEN regexp_full_match(${cell}, '\\d{1,15}') THEN CAST(${cell} AS DOUBLE)
		WHEN regexp_full_match(${t}, '${acceptedPattern(kind, style)}') THEN ${value} END`;
}

/**
 * SQL: why a non-empty cell is not a number of this kind (NULL when it is one, or when the cell is empty).
 * The first reason that applies wins; each names the fix.
 */
export function numberProblemSql(cell: string, kind: NumberKind, style: NumberStyle): string {
	const semicolonFile = style !== 'point';
	const t = `trim(${cell})`;
	const matches = (pattern: string) => `regexp_full_match(${t}, '${pattern}')`;
	const reasons: [string, string][] = [
		[`${t} IN ('#', '*', '**')`, kind === 'bls' ? '' : 'a BLS symbol (# top-coded, * not available): only OEWS wage and employment columns accept it'],
		[matches('[+-]?[$€£¥]?\\d+,\\d+'), semicolonFile
			? 'a decimal comma (or an ambiguous thousands separator) in a semicolon-separated file: write 879.6 or 1234'
			: 'a decimal comma: write 879.6, with a point'],
		[matches('[+-]?[$€£¥]?\\d{1,3}(\\.\\d{3})+(,\\d+)?'), 'dots as thousands separators (European format): write 1234567.8'],
		[matches('[+-]?[$€£¥]?\\d+(\\.\\d+)?\\s*([kKmMbBtT]|bn|BN|mn|MN|tn|TN)'), 'an abbreviated amount (K, M, B, T): write the full number'],
		[`contains(${t}, '%')`, kind === 'percent' ? 'a percentage that is not a plain number' : 'a percent sign where the column holds a plain number'],
		[`regexp_matches(${t}, '[$€£¥]')`, kind === 'money' ? 'a currency other than $, or a misplaced $' : 'a currency symbol where the column holds a plain number'],
		[matches('[+-]?\\d+(\\.\\d+)?') + (kind === 'integer' || kind === 'bls' ? '' : ' AND false'), 'a fraction where a whole number is expected'],
		[`regexp_matches(${t}, '\\d,\\d')`, 'a misplaced thousands separator: commas only between groups of three digits'],
		['true', 'not a number']
	];
	const checks = reasons
		.filter(([, reason]) => reason !== '')
		.map(([when, reason]) => `WHEN ${when} THEN '${reason}'`)
		.join(' ');
	const bls = kind === 'bls' ? `WHEN ${t} IN ('#', '*', '**') THEN NULL ` : '';
	return `CASE WHEN ${cell} IS NULL OR ${t} = '' THEN NULL ${bls}WHEN regexp_full_match(${t}, '${acceptedPattern(kind, style)}') THEN NULL ${checks} END`;
}

/** What each kind expects, as the error report says it. */
export function expectedText(kind: NumberKind): string {
	switch (kind) {
		case 'integer':
			return 'a whole number, e.g. 1234 or "1,234"';
		case 'number':
			return 'a number, e.g. 1234.5 or "1,234.5"';
		case 'money':
			return 'an amount, e.g. 1234.5, "$1,234.5" or (12) for −12';
		case 'percent':
			return 'a percentage, e.g. 11.3 or 11.3%';
		case 'bls':
			return 'a whole number, or a BLS symbol: # (top-coded), * or ** (not available)';
	}
}
