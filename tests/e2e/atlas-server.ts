import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CSP_REPORTS } from '../csp-reports';

const repo = path.resolve(import.meta.dirname, '../..');

export const PUBLISHER = { name: 'e2e-publisher', password: 'e2e password, long enough' };

/**
 * An Atlas server of a test's own, on the production build, with an empty data directory and one publisher (added
 * with the same command an administrator uses): tests that publish change what everyone sees, so they do it apart.
 */
export class AtlasServer {
	readonly dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-e2e-'));
	process: ChildProcess | null = null;
	log = '';

	constructor(readonly port: number) {
		execFileSync('npx', ['tsx', 'src/lib/server/cli.ts', 'add-publisher', PUBLISHER.name], {
			cwd: repo,
			input: `${PUBLISHER.password}\n`,
			env: { ...process.env, ATLAS_DATA_DIR: this.dataDir }
		});
	}

	get url() {
		return `http://localhost:${this.port}`;
	}

	/** Starts the server and waits until its health endpoint answers. */
	async start(env: Record<string, string> = {}): Promise<void> {
		this.log = '';
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/serve.ts'], {
			cwd: repo,
			env: { ...process.env, PORT: String(this.port), ATLAS_DATA_DIR: this.dataDir, ATLAS_CSP_REPORTS: CSP_REPORTS, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.process = child;
		child.stdout!.on('data', (chunk) => (this.log += chunk));
		child.stderr!.on('data', (chunk) => (this.log += chunk));
		const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`The Atlas server exited (${code}):\n${this.log}`))));
		const ready = (async () => {
			for (;;) {
				const ok = await fetch(`${this.url}/api/health`).then((r) => r.ok, () => false);
				if (ok) return;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
		})();
		await Promise.race([ready, exited]);
		child.removeAllListeners('exit');
	}

	/** Signs the publisher in through the API: the session cookie and its CSRF token, for requests of a test's own. */
	async signIn(): Promise<{ cookie: string; csrf: string }> {
		const response = await fetch(`${this.url}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: this.url },
			body: JSON.stringify(PUBLISHER)
		});
		if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
		return { cookie: response.headers.get('set-cookie')!.split(';')[0], csrf: (await response.json()).csrf };
	}

	/** Waits for the process to end (after a kill of its own or ours). */
	exited(): Promise<number | null> {
		const child = this.process;
		if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
		return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
	}

	/** Stops the server as a service manager would (SIGTERM); resolves to its exit code. */
	async stop(): Promise<number | null> {
		let code: number | null = null;
		if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
			this.process.kill('SIGTERM');
			code = await this.exited();
		}
		this.process = null;
		return code;
	}

	remove(): void {
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
