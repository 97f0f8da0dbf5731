import type { Connector } from '../db/connector';
import type { UploadSchema } from '../checks/schemas';

/** How much of a file for a dataset queried on the server the browser checks: its first lines up to this many bytes. */
export const SAMPLE_BYTES = 16 * 1024 ** 2;

/** What the browser checked of a file the server checks whole. */
export interface Sample {
	bytes: number;
	total: number;
}

/** The file's first lines, whole, up to `limit` bytes (all of it when it is smaller). */
export async function headLines(file: Blob, limit = SAMPLE_BYTES): Promise<Blob> {
	if (file.size <= limit) return file;
	const head = new Uint8Array(await file.slice(0, limit).arrayBuffer());
	const lastNewline = head.lastIndexOf(0x0a);
	return file.slice(0, lastNewline < 0 ? limit : lastNewline + 1);
}

const SAMPLE_BASE = 'upload_sample_base';

/**
 * The schema of `schema`'s dataset over an empty table of its columns: a sample is checked for what it holds (its
 * columns, types and cells), not compared with a current version this browser does not hold (the server does that).
 */
export async function sampleSchema(conn: Connector, schema: UploadSchema): Promise<UploadSchema> {
	const columns = schema.dataset.columns.map((c) => `"${c.name}" ${c.type}`).join(', ');
	await conn.query(`CREATE OR REPLACE TEMP TABLE ${SAMPLE_BASE} (${columns})`);
	return { ...schema, dataset: { ...schema.dataset, name: SAMPLE_BASE } };
}
