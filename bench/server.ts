import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Resolves once `url` answers 200, polling for up to 20 s. */
export async function waitForServer(url: string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`preview server did not answer at ${url}`);
}

/** The Atlas server of the checkout in `dir` on its production build, with an empty data directory of its own. */
export async function startServer(dir: string, port: number): Promise<{ origin: string; stop: () => void }> {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-bench-'));
	const server = spawn(process.execPath, ['--import', 'tsx', 'src/serve.ts'], {
		cwd: dir,
		stdio: 'ignore',
		detached: true,
		env: { ...process.env, PORT: String(port), ATLAS_DATA_DIR: dataDir }
	});
	const stop = () => {
		try {
			process.kill(-server.pid!);
		} catch {
			// already gone
		}
		rmSync(dataDir, { recursive: true, force: true });
	};
	const origin = `http://localhost:${port}`;
	try {
		await waitForServer(`${origin}/`);
	} catch (error) {
		stop();
		throw error;
	}
	return { origin, stop };
}
