/**
 * One request to a dedicated worker that answers `{ result }` or `{ error }` once: the message's buffers are moved,
 * not copied, and the worker is ended afterwards. The worker is created by the caller, so Vite sees its URL.
 */
export function callWorker<T>(worker: Worker, message: unknown, transfer: Transferable[]): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<{ result?: T; error?: string }>) =>
			'result' in event.data ? resolve(event.data.result as T) : reject(new Error(event.data.error ?? 'the worker failed'));
		worker.onerror = (event) => reject(new Error(event.message || 'the worker failed'));
		worker.postMessage(message, transfer);
	}).finally(() => worker.terminate());
}

/** The worker side: answers each message with `work`'s result (its buffers moved back) or its error. */
export function answerWith<T>(work: (message: never) => Promise<{ result: T; transfer?: Transferable[] }>): void {
	self.onmessage = async (event: MessageEvent) => {
		try {
			const { result, transfer = [] } = await work(event.data as never);
			self.postMessage({ result }, { transfer });
		} catch (error) {
			self.postMessage({ error: error instanceof Error ? error.message : String(error) });
		}
	};
}
