import { createReadStream, openAsBlob, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

const paths = new WeakMap<Blob, string>();

/** A file on disk as a Blob that is read piece by piece, never whole, and that the native engine can link to. */
export async function diskBlob(file: string): Promise<Blob> {
	const size = statSync(file).size;
	// Node 20's openAsBlob wraps sizes at 4 GiB (a 5 GB file reports 705 MB): bigger files get a Blob of our own.
	const blob = size < 2 ** 32 ? await openAsBlob(file) : new DiskRange(file, 0, size);
	paths.set(blob, file);
	return blob;
}

/** The file a Blob made by `diskBlob` reads, if it is one. */
export const diskPathOf = (blob: Blob): string | undefined => paths.get(blob);

/** A byte range of a file on disk, read only when asked (`slice`, `stream`, `arrayBuffer`, `text`), with 64-bit offsets. */
class DiskRange extends Blob {
	constructor(
		private readonly file: string,
		private readonly start: number,
		private readonly end: number
	) {
		super([]);
	}

	override get size(): number {
		return this.end - this.start;
	}

	override slice(start = 0, end = this.size): Blob {
		const clamp = (at: number) => Math.min(Math.max(at < 0 ? this.size + at : at, 0), this.size);
		const [from, to] = [clamp(start), clamp(end)];
		return new DiskRange(this.file, this.start + from, this.start + Math.max(from, to));
	}

	override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
		if (this.size === 0) return new ReadableStream({ start: (controller) => controller.close() });
		return Readable.toWeb(createReadStream(this.file, { start: this.start, end: this.end - 1 })) as ReadableStream<Uint8Array<ArrayBuffer>>;
	}

	override async arrayBuffer(): Promise<ArrayBuffer> {
		const bytes = new Uint8Array(this.size);
		const handle = await open(this.file, 'r');
		try {
			for (let read = 0; read < bytes.length; ) {
				const { bytesRead } = await handle.read(bytes, read, bytes.length - read, this.start + read);
				if (bytesRead === 0) break;
				read += bytesRead;
			}
		} finally {
			await handle.close();
		}
		return bytes.buffer;
	}

	override async text(): Promise<string> {
		return new TextDecoder().decode(await this.arrayBuffer());
	}
}
