/**
 * What the first bytes of a file say before DuckDB reads it: too big, empty, not text, which encoding, which
 * delimiter, where the header is. Only the head of the file is looked at (64 KB, or up to the end of a longer header
 * line: see readHead), so this is instant for any size.
 */

export const MAX_UPLOAD_BYTES = 1024 ** 3;
export const HEAD_BYTES = 64 * 1024;

export type Encoding = 'utf-8' | 'utf-16' | 'latin-1';
export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];

/** A reason the whole file is refused, in words that say what to do. */
export interface FileProblem {
	kind: string;
	message: string;
}

export interface FileShape {
	encoding: Encoding;
	delimiter: Delimiter;
	/** The header line alone, as UTF-8, for DuckDB to split into names. */
	headerLine: Uint8Array;
	warnings: string[];
}

const signatures: [number[], string][] = [
	[[0x50, 0x4b, 0x03, 0x04], 'an Excel workbook or another ZIP archive, not a CSV file: in Excel use File › Save As › CSV UTF-8'],
	[[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel (.xls) workbook, not a CSV file: in Excel use File › Save As › CSV UTF-8'],
	[[0x25, 0x50, 0x44, 0x46], 'a PDF document, not a CSV file'],
	[[0x89, 0x50, 0x4e, 0x47], 'a PNG image, not a CSV file'],
	[[0xff, 0xd8, 0xff], 'a JPEG image, not a CSV file'],
	[[0x1f, 0x8b], 'a gzip archive, not a CSV file: unpack it first'],
	[[0x50, 0x41, 0x52, 0x31], 'a Parquet file; upload the CSV export instead']
];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

const describe = (delimiter: Delimiter) => (delimiter === '\t' ? 'tab' : `"${delimiter}"`);
export const delimiterName = describe;

/** UTF-16 shows as a zero byte beside nearly every ASCII character. */
function utf16Order(head: Uint8Array): 'le' | 'be' | null {
	if (startsWith(head, [0xff, 0xfe])) return 'le';
	if (startsWith(head, [0xfe, 0xff])) return 'be';
	const pairs = Math.min(256, Math.floor(head.length / 2));
	if (pairs < 2) return null;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < pairs; i++) {
		if (head[2 * i] === 0) evenZeros++;
		if (head[2 * i + 1] === 0) oddZeros++;
	}
	if (oddZeros > pairs * 0.8 && evenZeros === 0) return 'le';
	if (evenZeros > pairs * 0.8 && oddZeros === 0) return 'be';
	return null;
}

/** The delimiter of a header line: the candidate it holds most often outside quotes (a comma when it holds none). */
export function headerDelimiter(line: string): Delimiter {
	const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
	let quoted = false;
	for (const char of line) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && counts.has(char as Delimiter)) counts.set(char as Delimiter, counts.get(char as Delimiter)! + 1);
	}
	return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), ',');
}

/** A size cap in words: "1 GB (1,024 MB)". */
const sizeText = (bytes: number) =>
	bytes % 1024 ** 3 === 0 ? `${(bytes / 1024 ** 3).toLocaleString('en')} GB (${(bytes / 1024 ** 2).toLocaleString('en')} MB)` : `${Math.floor(bytes / 1024 ** 2).toLocaleString('en')} MB`;

/** Refuses what cannot be a CSV file and finds the encoding, delimiter and header of what can. */
export function inspectHead(head: Uint8Array, size: number, forced?: { delimiter?: Delimiter; maxBytes?: number }): FileProblem | FileShape {
	const cap = forced?.maxBytes ?? MAX_UPLOAD_BYTES;
	if (size > cap)
		return {
			kind: 'too large',
			message: `The file is ${Math.ceil(size / 1024 ** 2).toLocaleString('en')} MB; uploads are limited to ${sizeText(cap)}. Split it, or upload only the newest rows and add them to the dataset.`
		};
	if (size === 0) return { kind: 'empty file', message: 'The file is empty (0 bytes).' };
	for (const [signature, what] of signatures)
		if (startsWith(head, signature)) return { kind: 'not a CSV file', message: `This is ${what}.` };

	const warnings: string[] = [];
	let encoding: Encoding = 'utf-8';
	let text: string;
	const order = utf16Order(head);
	if (order === 'be')
		return {
			kind: 'encoding',
			message: 'The file is UTF-16 big-endian, which the CSV reader cannot read. Save it as CSV UTF-8 (or UTF-16 little-endian).'
		};
	if (order === 'le') {
		encoding = 'utf-16';
		text = new TextDecoder('utf-16le').decode(head);
		// Half of UTF-16 is zero bytes; a zero character (U+0000) is what never occurs in text. The decoder drops the BOM.
		const zero = text.indexOf('\u0000');
		if (zero >= 0) return binaryProblem(2 + zero * 2, 'a zero character, U+0000,');
		warnings.push('The file is UTF-16; it was read as UTF-16 little-endian.');
	} else {
		if (head.includes(0)) return binaryProblem(head.indexOf(0));
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		} catch {
			encoding = 'latin-1';
			text = new TextDecoder('windows-1252').decode(head);
			warnings.push('The file is not UTF-8; it was read as Latin-1 (ISO 8859-1). Check accented names in the preview.');
		}
	}
	text = text.replace(/^\uFEFF/, '');
	if (text.trim() === '')
		return { kind: 'empty file', message: 'The file holds only blank lines or spaces: there is no header and no data.' };
	const lines = text.split(/\r?\n/);
	const blank = lines.findIndex((line) => line.trim() !== '');
	if (blank > 0)
		return {
			kind: 'blank line before header',
			message: `Line${blank > 1 ? `s 1–${blank} are` : ' 1 is'} blank: the header row must be the first line. Delete the blank line${blank > 1 ? 's' : ''} above the header.`
		};
	if (lines.length === 1 && head.length < size)
		return {
			kind: 'header too long',
			message: `The header (line 1) is longer than ${(head.length / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB, the most a line may hold. Is the file missing its line breaks?`
		};
	const header = lines[0];
	const delimiter = forced?.delimiter ?? headerDelimiter(header);
	return { encoding, delimiter, headerLine: new TextEncoder().encode(header), warnings };
}

/** A zero byte never occurs in UTF-8 or Latin-1 text, nor a zero character in UTF-16 (`what`); `position` is a byte's, from 0. */
export const binaryProblem = (position: number, what = 'a zero byte'): FileProblem => ({
	kind: 'binary',
	message: `The file holds binary data (${what} at position ${(position + 1).toLocaleString('en')}), not text. Export the data as CSV.`
});

export const isProblem = (value: FileProblem | FileShape): value is FileProblem => 'kind' in value;
