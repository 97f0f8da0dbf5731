import type { Connector } from '../db/connector';
import { MAX_LINE_BYTES, quotedCellTooLong, readHead } from './bytes';
import { scanForZeroByte } from './zero-byte-scan';
import { binaryProblem, delimiterName, inspectHead, isProblem, type Delimiter, type Encoding, type FileProblem } from './inspect';
import { autoMapping, duplicateHeaders, extraHeaders, type Mapping } from './mapping';
import { comparePreview, type Preview } from './preview';
import { readCsvSql, type ReadRecipe } from './recipe';
import type { UploadSchema } from './schemas';
import { decimalCommaSql, duplicateKeySql, errorsSql, literal, missingColumns, readTypes, typedSql } from './validate-sql';
import { numberStyle } from './numbers';

export type Mode = 'replace' | 'append';
export type Stage = 'reading' | 'checking' | 'comparing';

export interface IngestRequest {
	conn: Connector;
	schema: UploadSchema;
	file: Blob;
	fileName: string;
	mode: Mode;
	/** The analyst's own mapping; automatic by name when absent. */
	mapping?: Mapping;
	delimiter?: Delimiter;
	/** Read commas in numbers as decimal commas; detected in semicolon files when absent. */
	decimalComma?: boolean;
	signal?: AbortSignal;
	onStage?: (stage: Stage) => void;
	/** The largest file accepted: the browser's 1 GB unless the Atlas server allows more (ATLAS_MAX_PUBLISH_BYTES). */
	maxBytes?: number;
}

export interface CellError {
	line: number;
	column: string;
	value: string | null;
	kind: string;
	problem: string;
	expected: string;
}

export interface IngestReport {
	fileName: string;
	size: number;
	mode: Mode;
	encoding: Encoding | null;
	delimiter: Delimiter | null;
	/** Numbers were read with decimal commas, and whether that was detected (else chosen). */
	decimalComma: { used: boolean; detected: boolean };
	headers: string[];
	mapping: Mapping;
	extra: string[];
	warnings: string[];
	/** Why the whole file was refused, if it was. */
	problem: FileProblem | null;
	errorCount: number;
	errorCounts: { kind: string; count: number }[];
	/** The first 100 errors, in file order. */
	errors: CellError[];
	rows: number;
	preview: Preview | null;
	/** How the file was read, for a commit to store beside it; set when the file passed. */
	recipe: ReadRecipe | null;
}

/** The staged tables an upload leaves in the engine; `upload_rows` is the next version without derived columns. */
export const STAGED = { raw: 'upload_raw', errors: 'upload_errors', rows: 'upload_rows' } as const;
let uploads = 0;
const SHOWN_ERRORS = 100;

const readerErrors: Record<string, string> = {
	'TOO MANY COLUMNS': 'too many fields',
	'MISSING COLUMNS': 'too few fields',
	'UNQUOTED VALUE': 'unterminated quote',
	'INVALID ENCODING': 'invalid encoding',
	'LINE SIZE OVER MAXIMUM': 'line too long',
	CAST: 'cast'
};

export class UploadCancelled extends Error {
	constructor() {
		super('The upload was cancelled; nothing was changed.');
		this.name = 'UploadCancelled';
	}
}

const int = (v: unknown) => Number(v ?? 0);

/**
 * Reads an uploaded CSV with DuckDB, checks it against the dataset's schema and stages the next version of the
 * dataset beside the current one. Nothing the product shows changes here: only `commit` does that.
 */
export async function ingest(request: IngestRequest): Promise<IngestReport> {
	const { conn, schema, file, fileName, mode, signal } = request;
	const report: IngestReport = {
		fileName,
		size: file.size,
		mode,
		encoding: null,
		delimiter: null,
		decimalComma: { used: false, detected: false },
		headers: [],
		mapping: {},
		extra: [],
		warnings: [],
		problem: null,
		errorCount: 0,
		errorCounts: [],
		errors: [],
		rows: 0,
		preview: null,
		recipe: null
	};
	const refuse = (kind: string, message: string) => ({ ...report, problem: { kind, message } });

	const run = async (sql: string) => {
		try {
			return await conn.queryCancellable(sql, signal);
		} catch (error) {
			if (signal?.aborted) throw new UploadCancelled();
			throw error;
		}
	};

	request.onStage?.('reading');
	const head = await readHead(file);
	const shape = inspectHead(head, file.size, { delimiter: request.delimiter, maxBytes: request.maxBytes });
	if (isProblem(shape)) return { ...report, problem: shape };
	report.encoding = shape.encoding;
	report.delimiter = shape.delimiter;
	report.warnings.push(...shape.warnings);
	// The head was checked; the rest is scanned while DuckDB reads the file (UTF-16 is half zero bytes).
	const zeroByte = shape.encoding === 'utf-16' ? Promise.resolve(-1) : scanForZeroByte(file, head.length);

	const headerFile = conn.filePath('upload-header.csv');
	await conn.registerFile(headerFile, shape.headerLine);
	// The reader works out the header's fields itself, and gives up on quotes it cannot pair.
	const headerTable = await conn
		.query(`SELECT * FROM read_csv(${literal(headerFile)}, header = false, all_varchar = true, delim = ${literal(shape.delimiter)}, quote = '"', escape = '"')`)
		.catch(() => null);
	if (!headerTable)
		return refuse(
			'unreadable header',
			`The header (line 1) cannot be split into column names with ${delimiterName(shape.delimiter)} as delimiter: check its quotes (every opening " needs a closing one).`
		);
	const headerRow = headerTable.get(0)?.toArray() as (string | null)[] | undefined;
	const headers = (headerRow ?? []).map((name, i) => (name ?? '').trim() || `(column ${i + 1})`);
	report.headers = headers;
	const duplicates = duplicateHeaders(headers);
	if (duplicates.length)
		return refuse(
			'duplicate headers',
			duplicates
				.map((d) => `The header names "${d.name}" ${d.positions.length} times (columns ${d.positions.map((p) => p + 1).join(' and ')}).`)
				.join(' ') + ' Each column needs its own name.'
		);

	report.mapping = request.mapping ?? autoMapping(headers, schema.columns);
	report.extra = extraHeaders(headers, report.mapping);
	const mapped = Object.values(report.mapping).filter((i) => i !== null).length;
	if (mapped === 0)
		return refuse(
			'no matching columns',
			`None of the file's columns (${headers.slice(0, 8).join(', ')}${headers.length > 8 ? ', …' : ''}) is a column of ${schema.dataset.name} ` +
				`(${schema.columns.slice(0, 6).map((c) => c.name).join(', ')}, …). Is this the right dataset, and is ${delimiterName(shape.delimiter)} its delimiter?`
		);
	const missing = missingColumns(schema, report.mapping, fileName);
	if (missing.length)
		return refuse(
			'missing column',
			`The file has no ${missing.map((c) => `"${c.name}"`).join(', ')} column${missing.length > 1 ? 's' : ''}, which ${schema.dataset.name} requires. ` +
				`Map ${missing.length > 1 ? 'them' : 'it'} to one of the file's columns below, or add ${missing.length > 1 ? 'them' : 'it'} to the file.`
		);

	// A fresh name per upload: a cancelled read may still hold the previous file for a moment.
	const uploadFile = conn.filePath(`upload-${++uploads}.csv`);
	await conn.registerBlob(uploadFile, file);
	try {
		// Fast path: plain numbers read natively. Any cell the reader cannot cast sends the file round again as text,
		// where the spreadsheet formats are read (or refused) cell by cell.
		let typedRead = true;
		let encoding = shape.encoding;
		const recipe = (): ReadRecipe => ({
			fileName,
			delimiter: shape.delimiter,
			encoding,
			mapping: report.mapping,
			types: readTypes(schema, report.mapping, headers.length, typedRead),
			typedRead,
			...(report.decimalComma.used ? { decimalComma: true } : {})
		});
		const read = () =>
			readRaw(run, uploadFile, recipe()).catch(async (error) => {
				// A binary file may read as text, or fail to: either way the zero byte is the reason to give.
				if ((await zeroByte) >= 0) return [];
				if (errorText(error).includes('Invalid unicode (byte sequence mismatch) detected in segment statistics'))
					throw (await longLineRefusal(run, uploadFile, recipe(), headers.length, shape.delimiter)) ?? error;
				throw readerRefusal(error) ?? error;
			});
		let rejects = await read();
		const zero = await zeroByte;
		if (zero >= 0) return { ...report, problem: binaryProblem(zero) };
		if (encoding === 'utf-8' && rejects.some((r) => r.kind === 'invalid encoding')) {
			encoding = report.encoding = 'latin-1';
			report.warnings.push('The file is not UTF-8; it was read as Latin-1 (ISO 8859-1). Check accented names in the preview.');
			rejects = await read();
		}
		if (rejects.some((r) => r.kind === 'cast')) {
			typedRead = false;
			rejects = await read();
		}
		if (encoding === 'utf-8' && rejects.some((r) => r.kind === 'unterminated quote')) await relabelLongCells(run, file);
		report.rows = int((await conn.query(`SELECT count(*) AS n FROM ${STAGED.raw}`)).get(0)?.n);
		if (report.rows === 0 && rejects.length === 0)
			return refuse('header only', 'The file has a header but no data rows: there is nothing to upload.');

		request.onStage?.('checking');
		// Excel in most of Europe saves "6155,493" in a semicolon file: detected from the cells when not chosen.
		if (request.decimalComma !== undefined) report.decimalComma = { used: request.decimalComma, detected: false };
		else if (shape.delimiter === ';' && !typedRead && !rejects.length) {
			const detected = Boolean((await run(decimalCommaSql(schema, report.mapping))).get(0)?.decimal_comma);
			report.decimalComma = { used: detected, detected };
		}
		const style = numberStyle(shape.delimiter, report.decimalComma.used);
		await run(`DROP TABLE IF EXISTS ${STAGED.errors}; DROP VIEW IF EXISTS upload_typed; DROP TABLE IF EXISTS upload_parsed`);
		if (rejects.length) {
			await run(`CREATE TEMP TABLE ${STAGED.errors} AS ${rejectsSql(headers, shape.delimiter)}`);
		} else {
			// Typed values of natively read cells cost nothing to recompute: a view; text cells are parsed once: a table.
			const typed = typedSql(schema, report.mapping, style, fileName, typedRead);
			if (typedRead) await run(`CREATE TEMP VIEW upload_typed AS ${typed}`);
			else await run(`CREATE TEMP TABLE upload_parsed AS ${typed}; CREATE TEMP VIEW upload_typed AS SELECT * FROM upload_parsed`);
			await run(`CREATE TEMP TABLE ${STAGED.errors} AS SELECT __row + 1 AS line, * EXCLUDE (__row) FROM (${errorsSql(schema, report.mapping, style, typedRead)})`);
			const valueErrors = int((await conn.query(`SELECT count(*) AS n FROM ${STAGED.errors}`)).get(0)?.n);
			if (!valueErrors && schema.key.length) {
				await run(`INSERT INTO ${STAGED.errors} ${duplicateKeySql(schema)}`);
				if (mode === 'append') await run(`INSERT INTO ${STAGED.errors} ${appendKeyClashSql(schema)}`);
			}
		}
		await summariseErrors(conn, report);
		if (report.errorCount > 0) return report;

		if (schema.consistency) report.warnings.push(...(await consistencyWarnings(conn, schema.consistency)));

		request.onStage?.('comparing');
		// The preview leaves derived columns out: they follow from the others, and deriving them for every row is slow.
		const own = schema.columns.filter((c) => !c.derived).map((c) => `"${c.name}"`).join(', ');
		const current = `(SELECT ${own} FROM "${schema.dataset.name}")`;
		await run(`DROP VIEW IF EXISTS ${STAGED.rows}; CREATE TEMP VIEW ${STAGED.rows} AS
			${mode === 'append' ? `SELECT * FROM ${current} UNION ALL ` : ''}(SELECT ${own} FROM upload_typed)`);
		report.preview = await comparePreview(conn, schema, current, STAGED.rows);
		report.recipe = recipe();
		return report;
	} catch (error) {
		if (error instanceof Refusal) return { ...report, problem: error.problem };
		throw error;
	} finally {
		// Best effort: after a cancel the engine may still be letting go of the file; an error here must not hide why we stopped.
		await conn.dropFile(uploadFile).catch(() => undefined);
	}
}

/** What the engine said: a DbError's detail, else the message. */
const errorText = (error: unknown) => String((error as { detail?: string })?.detail ?? (error as Error)?.message ?? error);

/** A whole-file refusal found while DuckDB reads the file. */
class Refusal extends Error {
	constructor(readonly problem: FileProblem) {
		super(problem.message);
	}
}

/** The reader errors that are the file's fault, said in words; anything else is the engine's and is thrown. */
function readerRefusal(error: unknown): Refusal | null {
	const detail = errorText(error);
	// DuckDB 1.4's UTF-16 decoder stops at any surrogate pair (emoji, characters beyond U+FFFF) as at broken ones.
	if (detail.includes('is not utf-16 encoded'))
		return new Refusal({
			kind: 'encoding',
			message: 'The file is UTF-16 and holds characters the CSV reader cannot decode in UTF-16 (emoji and others beyond U+FFFF, or broken ones). Save it as CSV UTF-8.'
		});
	// Bytes 0x80–0x9F are Windows-1252 characters (€, curly quotes…), not Latin-1; DuckDB's decoder stops at them.
	if (detail.includes('is not latin-1 encoded'))
		return new Refusal({
			kind: 'encoding',
			message: 'The file is neither UTF-8 nor Latin-1: it holds Windows-1252 characters (such as € or curly quotes, bytes 0x80–0x9F) that the CSV reader cannot decode. Save it as CSV UTF-8.'
		});
	// DuckDB throws this (it is not a rejected row) for a CR outside quotes that is not the file's line end.
	if (detail.includes('state machine reached an invalid state'))
		return new Refusal({
			kind: 'line breaks',
			message: 'The CSV reader stopped at a carriage return (CR) outside quotes that does not end a line the way the other lines end: the file mixes CRLF and LF line ends, or a cell holds a stray CR. Save the file again with one kind of line end.'
		});
	return null;
}

/** What DuckDB keeps of a line it lists among the rejects: its first bytes, cut wherever that falls. */
const REJECT_LINE_BYTES = 10_000;

/**
 * DuckDB 1.4 lists a malformed line in the rejects table cut at 10,000 bytes, even inside a multi-byte character, and
 * then fails on its own broken text. Read once more without the rejects table: the reader stops at the first malformed
 * line and says which it is.
 */
async function longLineRefusal(run: (sql: string) => Promise<unknown>, file: string, recipe: ReadRecipe, columns: number, delimiter: Delimiter): Promise<Refusal | null> {
	const detail = await run(`SELECT count(*) FROM ${readCsvSql(file, { ...recipe, types: recipe.types.map(() => 'VARCHAR') }, `, max_line_size = ${MAX_LINE_BYTES}`)}`).then(
		() => null,
		(error) => errorText(error)
	);
	// Every line read: the broken text came from elsewhere, and the engine's own error is the one to show.
	if (detail === null) return null;
	const line = /CSV Error on Line: (\d+)/.exec(detail)?.[1];
	const found = /Expected Number of Columns: \d+ Found: (\d+)/.exec(detail)?.[1];
	const what = found
		? `has ${found} fields where the header has ${columns} (separated by ${delimiterName(delimiter)})`
		: 'is not a well-formed CSV line (check its quotes and delimiters)';
	const where = line ? `Line ${Number(line).toLocaleString('en')}` : 'A line';
	return new Refusal({
		kind: 'malformed long line',
		message: `${where} ${what}. It is longer than ${REJECT_LINE_BYTES.toLocaleString('en')} bytes and holds accented or other non-ASCII letters, and the CSV reader cannot list such a line among a file's errors, so the file is refused here. Fix that line and upload the file again.`
	});
}

/** Stages the file as columns c0…cn; returns the rows the reader could not split or cast. */
async function readRaw(run: (sql: string) => Promise<unknown>, file: string, recipe: ReadRecipe) {
	await run(`DROP TABLE IF EXISTS upload_rejects; DROP TABLE IF EXISTS upload_scans; DROP TABLE IF EXISTS ${STAGED.raw}`);
	await run(`CREATE TEMP TABLE ${STAGED.raw} AS SELECT * FROM
		${readCsvSql(file, recipe, `, max_line_size = ${MAX_LINE_BYTES}, store_rejects = true, rejects_table = 'upload_rejects', rejects_scan = 'upload_scans'`)}`);
	const rejects = (await run(`SELECT error_type::VARCHAR AS error_type FROM upload_rejects`)) as { toArray(): { error_type: string }[] };
	// error_type is an ENUM, which the browser build hands over as a dictionary: read it as text.
	return rejects.toArray().map((r) => ({ kind: readerErrors[r.error_type] ?? String(r.error_type).toLowerCase() }));
}

/**
 * DuckDB calls a quoted cell longer than its buffer an unterminated quote; where no closing quote follows within the
 * line limit, say that instead (byte positions are the file's own in UTF-8 only). A few are enough to show.
 */
async function relabelLongCells(run: (sql: string) => Promise<unknown>, file: Blob) {
	const unquoted = (await run(`SELECT DISTINCT byte_position::DOUBLE AS position FROM upload_rejects WHERE error_type::VARCHAR = 'UNQUOTED VALUE' ORDER BY position LIMIT 20`)) as {
		toArray(): { position: number }[];
	};
	for (const { position: at } of unquoted.toArray()) {
		if (!(await quotedCellTooLong(file, at))) continue;
		// The reader's csv_line is not that line here: show how the cell starts instead.
		const start = new TextDecoder().decode(await file.slice(at, at + 100).arrayBuffer());
		await run(`UPDATE upload_rejects SET error_type = 'LINE SIZE OVER MAXIMUM', csv_line = ${literal(`${start}…`)}, error_message = ${literal(
			`The quoted cell opening at byte ${(at + 1).toLocaleString('en')} has no closing quote within ${MAX_LINE_BYTES.toLocaleString('en')} bytes: ` +
				'either the cell is longer than a line may be (split it), or its closing quote is missing.'
		)} WHERE byte_position = ${at}`);
	}
}

function rejectsSql(headers: string[], delimiter: Delimiter): string {
	const names = `[${headers.map(literal).join(', ')}]`;
	const kinds = Object.entries(readerErrors)
		.map(([type, kind]) => `WHEN ${literal(type)} THEN ${literal(kind)}`)
		.join(' ');
	return `SELECT line, coalesce(${names}[column_idx::BIGINT], '(beyond the last column)') AS "column", left(trim(csv_line, E'\\r\\n'), 200) AS "value",
		CASE error_type::VARCHAR ${kinds} ELSE lower(error_type::VARCHAR) END AS kind, error_message AS problem,
		CASE WHEN error_type::VARCHAR IN ('TOO MANY COLUMNS', 'MISSING COLUMNS') THEN ${literal(`${headers.length} fields separated by ${delimiterName(delimiter)}, like the header`)}
			WHEN error_type::VARCHAR = 'UNQUOTED VALUE' THEN 'a closing " for every opening "'
			WHEN error_type::VARCHAR = 'INVALID ENCODING' THEN 'UTF-8 text'
			WHEN error_type::VARCHAR = 'LINE SIZE OVER MAXIMUM' THEN ${literal(`lines (and cells) of at most ${MAX_LINE_BYTES.toLocaleString('en')} bytes`)}
			ELSE 'a well-formed CSV line' END AS expected
		FROM upload_rejects ORDER BY line`;
}

/** For an append: rows whose key the current version already has. */
function appendKeyClashSql(schema: UploadSchema): string {
	const keys = schema.key.map((k) => `"${k}"`).join(', ');
	const keyText = schema.key.map((k) => `coalesce(n."${k}"::VARCHAR, '')`).join(` || ' · ' || `);
	return `SELECT n.__row + 1, ${literal(schema.key.join(' + '))}, ${keyText}, 'duplicate key', 'already in the current version',
		'rows whose ' || ${literal(schema.key.join(', '))} || ' the current version does not have yet'
		FROM upload_typed n SEMI JOIN "${schema.dataset.name}" c USING (${keys})`;
}

async function summariseErrors(conn: Connector, report: IngestReport): Promise<void> {
	const counts = await conn.query(`SELECT kind, count(*) AS n FROM ${STAGED.errors} GROUP BY kind ORDER BY n DESC, kind`);
	report.errorCounts = counts.toArray().map((r) => ({ kind: String(r.kind), count: int(r.n) }));
	report.errorCount = report.errorCounts.reduce((sum, c) => sum + c.count, 0);
	if (!report.errorCount) return;
	const first = await conn.query(`SELECT * FROM ${STAGED.errors} ORDER BY line, "column" LIMIT ${SHOWN_ERRORS}`);
	report.errors = first.toArray().map((r) => ({
		line: int(r.line),
		column: String(r.column),
		value: r.value === null ? null : String(r.value),
		kind: String(r.kind),
		problem: String(r.problem),
		expected: String(r.expected)
	}));
}

/** Consistency warnings shown one per line, up to this many, after a line saying how many there are. */
const SHOWN_WARNINGS = 5;

async function consistencyWarnings(conn: Connector, check: NonNullable<UploadSchema['consistency']>): Promise<string[]> {
	const found = (await conn.query(check.sql)).toArray().map((r) => ({ line: Number(r.line), message: String(r.message) }));
	if (!found.length) return [];
	return [
		`${found.length} row${found.length > 1 ? 's have' : ' has'} ${check.about}: check ${found.length > 1 ? 'them' : 'it'}. This is a warning; the file can still be committed.`,
		...found.slice(0, SHOWN_WARNINGS).map((f) => `Line ${f.line}: ${f.message}.`),
		...(found.length > SHOWN_WARNINGS ? [`… and ${found.length - SHOWN_WARNINGS} more.`] : [])
	];
}
