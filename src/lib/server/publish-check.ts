import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { attachVersion } from '../checks/attach-version';
import { ingest, type IngestReport } from '../checks/ingest';
import type { Delimiter } from '../checks/inspect';
import type { Mapping } from '../checks/mapping';
import type { UploadSchema } from '../checks/schemas';
import { layersOf } from '../versions/store';
import { maxPublishBytes } from './config';
import { diskBlob } from './disk-blob';
import { nativeConnector } from './native-connector';
import { attachShipped, DATA_DIR } from './shipped';
import type { AtlasStore, PublishedVersion } from './store';

/** What the browser sends beside the file: how the analyst's checks read it. */
export interface PublishRequest {
	fileName: string;
	mode: 'replace' | 'append';
	mapping?: Mapping;
	delimiter?: Delimiter;
	/** Numbers read with decimal commas, as the analyst's check read them. */
	decimalComma?: boolean;
}

/**
 * Checks a received file on the server with native DuckDB, by the same code and SQL as the browser's checks, against
 * the current published version (what an append adds to, what the preview compares with). A fresh in-memory engine
 * per check, locked like the browser's: it reads only data/, the published files and its own scratch folder.
 */
export async function checkOnServer(store: AtlasStore, schema: UploadSchema, file: string, request: PublishRequest, current: PublishedVersion | null): Promise<IngestReport> {
	const engine = await nativeConnector({ scratch: store.tmp, folders: [DATA_DIR + path.sep, store.files + path.sep, store.tmp + path.sep] });
	const name = schema.dataset.name;
	try {
		if (current)
			await attachVersion(engine, schema, layersOf(current), {
				attachBase: (_, table) => attachShipped(engine, name, table),
				file: (sha) => diskBlob(store.filePath(sha)),
				dataFile: async (data) => new Uint8Array(await readFile(path.join(DATA_DIR, path.basename(data))))
			});
		else await attachShipped(engine, name);
		return await ingest({ conn: engine, schema, file: await diskBlob(file), fileName: request.fileName, mode: request.mode, mapping: request.mapping, delimiter: request.delimiter, maxBytes: maxPublishBytes(), decimalComma: typeof request.decimalComma === 'boolean' ? request.decimalComma : undefined });
	} finally {
		engine.close();
	}
}
