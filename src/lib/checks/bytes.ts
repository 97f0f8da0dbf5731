/**
 * The few looks at an uploaded file's raw bytes that DuckDB's reader cannot give: each reads a slice or streams the
 * file in pieces, so a 1 GB file is never held whole on the page.
 */
import { HEAD_BYTES } from './inspect';

/** DuckDB's reader refuses lines longer than this (its max_line_size, set explicitly where the upload is read). */
export const MAX_LINE_BYTES = 2_000_000;

const NEWLINE = 0x0a;
const QUOTE = 0x22;

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

/** The file's first 64 KB, or more when its header line is longer: up to the end of line 1 or MAX_LINE_BYTES. */
export async function readHead(file: Blob): Promise<Uint8Array> {
	let head = await bytesOf(file.slice(0, HEAD_BYTES));
	while (!head.includes(NEWLINE) && head.length < file.size && head.length < MAX_LINE_BYTES) {
		const more = await bytesOf(file.slice(head.length, Math.min(head.length * 4, MAX_LINE_BYTES + 1)));
		const grown = new Uint8Array(head.length + more.length);
		grown.set(head);
		grown.set(more, head.length);
		head = grown;
	}
	return head;
}

/** The position of the first zero byte at or after `from`, or -1; streamed in the browser's own chunk size. */
export async function firstZeroByte(file: Blob, from: number): Promise<number> {
	let offset = from;
	const reader = file.slice(from).stream().getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return -1;
			const at = value.indexOf(0);
			if (at >= 0) return offset + at;
			offset += value.length;
		}
	} catch {
		// A file that cannot be read again is reported by DuckDB's own read.
		return -1;
	} finally {
		reader.cancel().catch(() => undefined);
	}
}

/**
 * Whether the quoted cell opening at byte `at` runs past the reader's line limit: no `"` that is not doubled within
 * MAX_LINE_BYTES, and the file goes on. DuckDB reports such a cell (longer than its buffer) as an unterminated quote.
 */
export async function quotedCellTooLong(file: Blob, at: number): Promise<boolean> {
	const end = at + 1 + MAX_LINE_BYTES;
	if (end >= file.size) return false;
	const bytes = await bytesOf(file.slice(at + 1, end));
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] !== QUOTE) continue;
		if (bytes[i + 1] !== QUOTE) return false;
		i++;
	}
	return true;
}
