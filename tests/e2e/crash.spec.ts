import { expect, test } from './fixtures';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generatedSalaryCsv } from '../../bench/generate-salaries';
import { AtlasServer } from './atlas-server';

/**
 * A server killed (SIGKILL) at any point of a large publish restarts on the previous version or the new one, never
 * half of one: 20 publishes, each killed at one of the points below, the server restarted and its state checked.
 * The file is GENERATED survey rows (bench/generate-salaries.ts), labelled so in its name.
 */
const ROWS = 200_000;
// Four points the server is made to kill itself at (ATLAS_TEST_CRASH_AT), and a kill from outside the moment the
// publish has answered: that one must find the new version, durable.
const points = ['before-write', 'during-write', 'after-write', 'in-transaction', 'after-commit'] as const;
const server = new AtlasServer(Number(process.env.ATLAS_E2E_PORT ?? 4173) + 21);

test.afterAll(async () => {
	await server.stop();
	server.remove();
});

const published = async () => (await (await fetch(`${server.url}/api/published`)).json()).datasets.salary_survey ?? null;

test('a server killed at any point of a large publish restarts with exactly the previous or the new version, 20 times', async () => {
	test.setTimeout(600_000);
	const files = [1, 2].map((seed) => Buffer.from(generatedSalaryCsv(ROWS, seed)));
	const sha = files.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
	let previous = null as { id: string; sha: string } | null;
	const outcomes: string[] = [];
	for (let round = 0; round < 20; round++) {
		const point = points[round % points.length];
		const file = round % 2;
		await server.start(point === 'after-commit' ? {} : { ATLAS_TEST_CRASH_AT: point });
		const { cookie, csrf } = await server.signIn();
		const upload = fetch(`${server.url}/api/datasets/salary_survey/versions`, {
			method: 'POST',
			headers: {
				cookie,
				origin: server.url,
				'x-atlas-csrf': csrf,
				'if-match': `"${previous?.id ?? 'shipped'}"`,
				'x-atlas-upload': encodeURIComponent(JSON.stringify({ fileName: `generated-salaries-${file + 1}.csv`, mode: 'replace' })),
				'content-type': 'text/csv'
			},
			body: files[file]
		}).then((r) => r.status, () => 'cut off');
		const status = await upload;
		if (point === 'after-commit') {
			server.process!.kill('SIGKILL');
			expect(status, 'the publish answered before the kill').toBe(201);
		} else {
			if (status !== 'cut off') await server.stop();
			expect(status, `the server died at ${point}`).toBe('cut off');
		}
		await server.exited();

		await server.start();
		const current = await published();
		const health = await (await fetch(`${server.url}/api/health`)).json();
		expect(health).toMatchObject({ ok: true, problems: [] });
		// Nothing half-received is left behind.
		expect(readdirSync(path.join(server.dataDir, 'tmp')).filter((name) => name.endsWith('.part'))).toEqual([]);
		if (current?.id === previous?.id) {
			outcomes.push(`${point}: previous`);
		} else {
			// The new version, whole: its file is the one sent, byte for byte, with every row.
			expect(point, 'only a kill after the commit may leave the new version').toBe('after-commit');
			expect(current.parts.map((p: { file: string }) => p.file)).toEqual([sha[file]]);
			expect(current.rows).toBe(ROWS);
			expect(createHash('sha256').update(readFileSync(path.join(server.dataDir, 'files', `${sha[file]}.csv`))).digest('hex')).toBe(sha[file]);
			previous = { id: current.id, sha: sha[file] };
			outcomes.push(`${point}: new`);
		}
		if (previous) expect(current.id).toBe(previous.id);
		await server.stop();
	}
	console.log(`crash test outcomes: ${outcomes.join(', ')}`);
	// And a clean stop: SIGTERM closes the database and exits 0, and the next start finds the same version.
	await server.start();
	expect(await server.stop()).toBe(0);
	expect(server.log).toContain('"event":"stopped"');
	await server.start();
	expect((await published())?.id).toBe(previous?.id);
	// Every kill before the commit left the previous version; every kill after it, the new one.
	for (const outcome of outcomes) expect(outcome).toMatch(outcome.startsWith('after-commit') ? /: new$/ : /: previous$/);
});
