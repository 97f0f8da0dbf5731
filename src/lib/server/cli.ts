/**
 * The Atlas server's command line: `npm run atlas -- add-publisher NAME` (password prompted, or read from standard
 * input when it is not a terminal), `npm run atlas -- remove-publisher NAME`, `npm run atlas -- publishers`.
 */
import { createInterface } from 'node:readline';
import { mkdirSync } from 'node:fs';
import { addPublisher, MIN_PASSWORD, publisherNames, removePublisher } from './accounts';
import { dataDir } from './config';

async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		// Piped: the first line is the password (for scripts and tests).
		const lines = createInterface({ input: process.stdin });
		for await (const line of lines) return line;
		return '';
	}
	const ask = (prompt: string) =>
		new Promise<string>((resolve) => {
			process.stdout.write(prompt);
			const stdin = process.stdin;
			stdin.setRawMode(true);
			let typed = '';
			const onData = (chunk: Buffer) => {
				for (const char of chunk.toString('utf8')) {
					if (char === '\r' || char === '\n') {
						stdin.setRawMode(false);
						stdin.pause();
						stdin.off('data', onData);
						process.stdout.write('\n');
						return resolve(typed);
					}
					if (char === '\u0003') process.exit(130);
					typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
				}
			};
			stdin.resume();
			stdin.on('data', onData);
		});
	const first = await ask(`Password (at least ${MIN_PASSWORD} characters): `);
	const again = await ask('Again: ');
	if (first !== again) throw new Error('The two passwords differ; nothing was changed.');
	return first;
}

async function main(args: string[]) {
	const dir = dataDir();
	mkdirSync(dir, { recursive: true });
	const [command, name] = args;
	if (command === 'add-publisher' && name) {
		const result = await addPublisher(dir, name, await readPassword());
		console.log(`${result === 'added' ? 'Added' : 'Updated the password of'} publisher ${name} in ${dir}.`);
	} else if (command === 'remove-publisher' && name) {
		const removed = await removePublisher(dir, name);
		console.log(removed ? `Removed publisher ${name}: their sessions end at their next request.` : `There is no publisher ${name} in ${dir}.`);
		if (!removed) process.exitCode = 1;
	} else if (command === 'publishers') {
		console.log(publisherNames(dir).join('\n') || `No publishers in ${dir} yet.`);
	} else {
		console.log('Usage:\n  npm run atlas -- add-publisher NAME   adds a publisher (or sets a new password), prompting for the password\n  npm run atlas -- remove-publisher NAME removes a publisher (their sessions end at once)\n  npm run atlas -- publishers           lists the publishers\nThe data directory is ATLAS_DATA_DIR (default ./var).');
		if (command) process.exitCode = 2;
	}
}

main(process.argv.slice(2)).catch((error) => {
	console.error((error as Error).message);
	process.exit(1);
});
