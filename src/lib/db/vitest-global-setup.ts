import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Query tests read the built dataset files; build them when a bare `vitest` runs before `npm run data`. */
export default function setup() {
	if (!existsSync('static/datasets/catalog.json')) execFileSync('npm', ['run', 'data'], { stdio: 'inherit' });
}
