import { AsyncDuckDB, VoidLogger, WorkerRequestType, WorkerResponseType } from '@duckdb/duckdb-wasm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import vm from 'node:vm';
import { BOOT_GLOBAL, BOOT_MESSAGE_ID, engineBootScript, takeBootedEngine, withEngineBoot, type BootedEngine } from './engine-boot';

/** A stand-in for the engine's worker: records what the page posts, and lets the test reply as DuckDB-WASM would. */
class FakeWorker extends EventTarget {
	static created: FakeWorker[] = [];
	posted: { messageId: number; type: string; data: unknown }[] = [];
	constructor(readonly url: string) {
		super();
		FakeWorker.created.push(this);
	}
	postMessage(message: { messageId: number; type: string; data: unknown }) {
		this.posted.push(message);
	}
	reply(data: object) {
		this.dispatchEvent(Object.assign(new Event('message'), { data }));
	}
	terminate() {}
}

function runBoot(scope: Record<string, unknown>) {
	vm.runInContext(engineBootScript('/assets/worker.js', '/assets/duckdb-eh.wasm'), vm.createContext(scope));
}

function pageScope(): Record<string, unknown> {
	const scope: Record<string, unknown> = { Worker: FakeWorker, WebAssembly, Uint8Array, Promise, Error, performance: { mark: vi.fn() } };
	scope.self = scope;
	return scope;
}

afterEach(() => {
	FakeWorker.created = [];
});

describe('the engine boot script', () => {
	it('speaks DuckDB-WASM 1.32 worker protocol: the request and reply names it uses are the package’s own', () => {
		expect(WorkerRequestType.INSTANTIATE).toBe('INSTANTIATE');
		expect([WorkerResponseType.OK, WorkerResponseType.ERROR, WorkerResponseType.INSTANTIATE_PROGRESS]).toEqual(['OK', 'ERROR', 'INSTANTIATE_PROGRESS']);
	});

	it('starts one worker and asks it to instantiate the exceptions bundle’s wasm, once however often it runs', () => {
		const scope = pageScope();
		runBoot(scope);
		runBoot(scope);
		expect(FakeWorker.created.map((w) => w.url)).toEqual(['/assets/worker.js']);
		expect(FakeWorker.created[0].posted).toEqual([{ messageId: BOOT_MESSAGE_ID, type: 'INSTANTIATE', data: ['/assets/duckdb-eh.wasm', null] }]);
	});

	it('resolves on the worker’s OK and keeps that reply from AsyncDuckDB, which adopts the worker for everything after', async () => {
		const scope = pageScope();
		runBoot(scope);
		const boot = takeBootedEngine(scope)!;
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const db = new AsyncDuckDB(new VoidLogger(), boot.worker as unknown as Worker);
		const worker = FakeWorker.created[0];
		worker.reply({ messageId: 0, requestId: BOOT_MESSAGE_ID, type: 'INSTANTIATE_PROGRESS', data: { bytesLoaded: 1 } });
		worker.reply({ messageId: 1, requestId: BOOT_MESSAGE_ID, type: 'OK', data: null });
		await expect(boot.instantiated).resolves.toBeUndefined();
		// A request of AsyncDuckDB's own gets its own id (counted from 0) and its answer.
		const version = db.getVersion();
		const request = worker.posted.at(-1)!;
		expect(request).toMatchObject({ type: 'GET_VERSION' });
		expect(request.messageId).not.toBe(BOOT_MESSAGE_ID);
		worker.reply({ messageId: 2, requestId: request.messageId, type: 'VERSION_STRING', data: 'v1.32' });
		await expect(version).resolves.toBe('v1.32');
		expect(warn).not.toHaveBeenCalled();
		warn.mockRestore();
	});

	it('rejects with the worker’s own message when the wasm cannot be instantiated', async () => {
		const scope = pageScope();
		runBoot(scope);
		FakeWorker.created[0].reply({ messageId: 0, requestId: BOOT_MESSAGE_ID, type: 'ERROR', data: { name: 'Error', message: 'wasm streaming compile failed' } });
		await expect((scope[BOOT_GLOBAL] as BootedEngine).instantiated).rejects.toThrow('wasm streaming compile failed');
	});

	it('hands the booted engine out once; where no script ran, a script run later starts nothing', () => {
		const booted = pageScope();
		runBoot(booted);
		expect(takeBootedEngine(booted)?.worker).toBe(FakeWorker.created[0]);
		expect(takeBootedEngine(booted)).toBeUndefined();

		const plain = pageScope();
		expect(takeBootedEngine(plain)).toBeUndefined();
		runBoot(plain);
		expect(FakeWorker.created).toHaveLength(1);
	});

	it('does nothing where Web Workers are missing (the page then starts DuckDB as before, or says why not)', () => {
		const scope = pageScope();
		delete scope.Worker;
		runBoot(scope);
		expect(scope[BOOT_GLOBAL]).toBeUndefined();
	});
});

describe('withEngineBoot: the script goes into pages that query, right after the tables they name', () => {
	const page = (head: string) => `<!doctype html><html><head><title>x</title>${head}</head><body><p>chart</p></body></html>`;

	it('puts one script right after the tables meta element', () => {
		const html = withEngineBoot(page('<meta name="atlas-engine-tables" content="it_spending career_paths">'), '/w.js', '/d.wasm');
		expect(html).toContain('<meta name="atlas-engine-tables" content="it_spending career_paths"><script>(function () {');
		expect(html.match(/<script>/g)).toHaveLength(1);
		expect(html).toContain('new Worker("/w.js")');
		expect(html).toContain('data: ["/d.wasm", null]');
	});

	it('leaves a page that queries nothing as it is', () => {
		const html = page('<meta name="description" content="Industries">');
		expect(withEngineBoot(html, '/w.js', '/d.wasm')).toBe(html);
	});
});
