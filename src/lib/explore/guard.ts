import type { SqlTokens } from '../db/connector';

/**
 * The console runs exactly one statement, and only one that reads. The text is split and classified on DuckDB's own
 * tokens (its lexer, which the parser uses: strings, quoted names, `$$…$$` and comments are what DuckDB says they
 * are), DuckDB itself then refuses to prepare more than one statement, and the engine is locked (no settings, files,
 * URLs or extensions) whatever gets past both.
 */

const KIND = { keyword: 4, identifier: 0, string: 2, operator: 3 } as const;
interface Token {
	kind: number;
	start: number;
	/** Keywords and names in upper case, unquoted; the first character of an operator; strings as written. */
	word: string;
}

/** Statements that read and change nothing. WITH and EXPLAIN are judged by the statement they wrap. */
const READ_VERBS = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SUMMARIZE', 'SHOW']);
/** Words between WITH and the statement it wraps. */
const CTE_WORDS = new Set(['RECURSIVE', 'AS', 'NOT', 'MATERIALIZED', 'USING', 'KEY']);
const OBJECT_WORDS = new Set(['TABLE', 'VIEW', 'SCHEMA', 'MACRO', 'FUNCTION', 'SEQUENCE', 'INDEX', 'TYPE', 'SECRET', 'DATABASE', 'VARIABLE']);
/** Functions that open files or URLs, or run SQL given as text: the console reads the loaded datasets only. */
const OUTSIDE_FUNCTIONS = /^(read_\w+|parquet_\w+|iceberg_\w+|delta_scan|sniff_csv|glob|query|query_table|duckdb_secrets|load_aws_credentials)$/i;

export type GuardResult = { ok: true } | { ok: false; message: string };

const READS_ONLY = 'this console runs one query that reads (SELECT, WITH, DESCRIBE, SUMMARIZE…), so no dataset or setting can be changed';

function wordAt(sql: string, kind: number, start: number): string {
	const rest = sql.slice(start);
	if (kind === KIND.string) return rest.match(/^(?:[A-Za-z]&?)?'(?:[^']|'')*'|^\$(\w*)\$[\s\S]*?\$\1\$/)?.[0] ?? rest.slice(0, 40);
	if (kind === KIND.operator) return rest[0] ?? '';
	const quoted = rest.match(/^"((?:[^"]|"")*)"/);
	return (quoted ? quoted[1].replaceAll('""', '"') : (rest.match(/^[\p{L}\w$]+/u)?.[0] ?? rest[0] ?? '')).toUpperCase();
}

function statementsOf(sql: string, tokens: SqlTokens): Token[][] {
	const statements: Token[][] = [[]];
	tokens.offsets.forEach((start, i) => {
		const token = { kind: tokens.types[i], start, word: wordAt(sql, tokens.types[i], start) };
		if (token.kind === KIND.operator && token.word === ';') statements.push([]);
		else statements[statements.length - 1].push(token);
	});
	return statements.filter((s) => s.length > 0);
}

/** Index of the statement's verb: past opening brackets, a WITH clause's definitions and EXPLAIN's options. */
function verbIndex(statement: Token[], from = 0): number {
	let i = from;
	while (statement[i]?.word === '(') i++;
	const word = statement[i]?.word;
	if (word === 'EXPLAIN') {
		i++;
		if (statement[i]?.word === 'ANALYZE') i++;
		if (statement[i]?.word === '(') i = closingBracket(statement, i) + 1;
		return verbIndex(statement, i);
	}
	if (word !== 'WITH') return i;
	let depth = 0;
	for (let j = i + 1; j < statement.length; j++) {
		const token = statement[j];
		if (token.word === '(') depth++;
		else if (token.word === ')') depth--;
		else if (depth === 0 && token.kind === KIND.keyword && !CTE_WORDS.has(token.word)) return verbIndex(statement, j);
	}
	return statement.length;
}

function closingBracket(statement: Token[], open: number): number {
	let depth = 0;
	for (let j = open; j < statement.length; j++) {
		if (statement[j].word === '(') depth++;
		else if (statement[j].word === ')' && --depth === 0) return j;
	}
	return statement.length;
}

/** "CREATE OR REPLACE TABLE", "DROP TABLE", "SET": the verb and, when it names one soon after, the kind of object. */
function verbPhrase(statement: Token[], at: number): string {
	const words = statement.slice(at, at + 5).map((t) => t.word);
	const object = words.findIndex((w) => OBJECT_WORDS.has(w));
	return words.slice(0, object > 0 ? object + 1 : 1).join(' ');
}

/**
 * Refuses, naming why, anything but one statement that reads the loaded datasets: a second statement (however it
 * is hidden), a statement that writes or changes settings, and a function or a quoted path that would open a file
 * or a URL.
 */
export function checkReadOnly(sql: string, tokens: SqlTokens, datasets: readonly string[]): GuardResult {
	const statements = statementsOf(sql, tokens);
	if (statements.length === 0) return { ok: false, message: 'Write a query first, e.g. SELECT * FROM it_spending LIMIT 10.' };
	if (statements.length > 1) {
		const verbs = statements.map((s) => verbPhrase(s, verbIndex(s)) || '?').join('; ');
		return { ok: false, message: `${statements.length} statements refused (${verbs}): ${READS_ONLY}. Run one query at a time.` };
	}
	const [statement] = statements;
	const at = verbIndex(statement);
	const verb = statement[at];
	// A text that does not start with a keyword is no statement at all: DuckDB's parser reports where it goes wrong.
	if (verb && statement[0].kind !== KIND.keyword && statement[0].word !== '(') return { ok: true };
	if (!verb || !READ_VERBS.has(verb.word)) {
		const phrase = verb ? verbPhrase(statement, at) : 'A WITH clause without a query';
		const target = datasets.find((name) => statement.some((t) => t.kind !== KIND.string && t.word === name.toUpperCase()));
		const why = verb?.word === 'PIVOT' || verb?.word === 'UNPIVOT' ? `as a statement it runs several; write SELECT * FROM (${verb.word} … ON column IN (values) …) instead` : target ? `${target} is a shipped dataset and is read-only here; ${READS_ONLY}` : READS_ONLY;
		return { ok: false, message: `${phrase} refused: ${why}.` };
	}
	for (const [i, token] of statement.entries()) {
		const next = statement[i + 1];
		if (next?.word === '(' && token.kind !== KIND.string && OUTSIDE_FUNCTIONS.test(token.word))
			return { ok: false, message: `${token.word.toLowerCase()}() refused: the console reads the loaded datasets only; it cannot open files or URLs or run SQL given as text.` };
		if (token.kind === KIND.string && ['FROM', 'JOIN'].includes(statement[i - 1]?.word ?? '') && /[./:]/.test(token.word))
			return { ok: false, message: `Reading ${token.word} refused: the console reads the loaded datasets only; it cannot open files or URLs.` };
	}
	return { ok: true };
}
