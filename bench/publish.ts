/**
 * Publish benchmark: the same GENERATED 1M-row salary-survey CSV as the ingest benchmark, published to an Atlas server
 * of its own (empty data directory): streamed to disk, checked again by native DuckDB with the upload checks, stored in
 * one transaction. Beside it, native DuckDB reading the same file into a table (the floor).
 */
import { execSync } from 'node:child_process';
import { AtlasServer } from '../tests/e2e/atlas-server';

export interface PublishSample {
	/** Request sent → answer received, as the browser waits for it. */
	totalMs: number;
	receiveMs: number;
	checkMs: number;
	commitMs: number;
}

export interface PublishResult {
	samples: PublishSample[];
	/** Peak resident memory of the server process during the publishes, MiB. */
	peakRssMiB: number;
}

/** Samples a process's resident memory every 200 ms; the returned function stops and gives the peak, MiB. */
export function sampleRss(pid: number) {
	let peak = 0;
	const timer = setInterval(() => {
		try {
			peak = Math.max(peak, Number(execSync(`ps -o rss= -p ${pid}`, { encoding: 'utf8' }).trim()) || 0);
		} catch {
			// gone
		}
	}, 200);
	return () => (clearInterval(timer), peak / 1024);
}

export async function measurePublish(port: number, file: Buffer, runs: number): Promise<PublishResult> {
	const server = new AtlasServer(port);
	await server.start();
	const stop = sampleRss(server.process!.pid!);
	const samples: PublishSample[] = [];
	try {
		const { cookie, csrf } = await server.signIn();
		let current = 'shipped';
		for (let run = 0; run < runs; run++) {
			const started = performance.now();
			const response = await fetch(`${server.url}/api/datasets/salary_survey/versions`, {
				method: 'POST',
				headers: {
					cookie,
					origin: server.url,
					'x-atlas-csrf': csrf,
					'if-match': `"${current}"`,
					'x-atlas-upload': encodeURIComponent(JSON.stringify({ fileName: 'generated-salaries-1m.csv', mode: 'replace' })),
					'content-type': 'text/csv'
				},
				body: new Uint8Array(file)
			});
			const body = await response.json();
			if (response.status !== 201) throw new Error(`publish answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
			current = body.version.id;
			samples.push({ totalMs: performance.now() - started, ...body.timings });
			console.log(`publish run ${run + 1}/${runs}: ${samples.at(-1)!.totalMs | 0} ms (receive ${body.timings.receiveMs}, check ${body.timings.checkMs}, commit ${body.timings.commitMs})`);
		}
	} finally {
		await server.stop();
		server.remove();
	}
	return { samples, peakRssMiB: stop() };
}
