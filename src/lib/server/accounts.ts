/**
 * Publishers' accounts: a JSON file in the data directory, written only by `npm run atlas -- add-publisher`, read at
 * each sign-in. Passwords are kept as scrypt hashes with a salt of their own; nothing else about a person is stored.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number, options: object) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

interface Account {
	name: string;
	salt: string;
	hash: string;
	created: string;
}

export const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const MIN_PASSWORD = 12;

const file = (dir: string) => path.join(dir, 'publishers.json');

function accounts(dir: string): Account[] {
	if (!existsSync(file(dir))) return [];
	return JSON.parse(readFileSync(file(dir), 'utf8')) as Account[];
}

export function publisherNames(dir: string): string[] {
	return accounts(dir).map((a) => a.name);
}

async function writeAccounts(dir: string, list: Account[]): Promise<void> {
	// Written aside and renamed: a server reading it never sees half a file.
	const temp = `${file(dir)}.${process.pid}.tmp`;
	const handle = await open(temp, 'w', 0o600);
	await handle.writeFile(JSON.stringify(list, null, '\t'));
	await handle.sync();
	await handle.close();
	await rename(temp, file(dir));
}

/** Removes a publisher: their sessions stop working at their next request. */
export async function removePublisher(dir: string, name: string): Promise<boolean> {
	const list = accounts(dir);
	if (!list.some((a) => a.name === name)) return false;
	await writeAccounts(dir, list.filter((a) => a.name !== name));
	return true;
}

/** Adds a publisher, or sets a new password for one that exists. */
export async function addPublisher(dir: string, name: string, password: string): Promise<'added' | 'updated'> {
	if (!NAME.test(name)) throw new Error('A publisher name is 1–64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.');
	if (password.length < MIN_PASSWORD) throw new Error(`The password needs at least ${MIN_PASSWORD} characters.`);
	const salt = randomBytes(16);
	const hash = await scrypt(password, salt, KEY_BYTES, PARAMS);
	const list = accounts(dir);
	const existing = list.find((a) => a.name === name);
	const account = { name, salt: salt.toString('base64'), hash: hash.toString('base64'), created: new Date().toISOString() };
	await writeAccounts(dir, existing ? list.map((a) => (a.name === name ? account : a)) : [...list, account]);
	return existing ? 'updated' : 'added';
}

// Compared against when the name is unknown, so a wrong name takes as long as a wrong password.
const decoy = { salt: randomBytes(16).toString('base64'), hash: randomBytes(KEY_BYTES).toString('base64') };

/** The publisher's name when the password is theirs, else null. */
export async function verifyPublisher(dir: string, name: string, password: string): Promise<string | null> {
	const account = accounts(dir).find((a) => a.name === name);
	const { salt, hash } = account ?? decoy;
	const actual = await scrypt(password, Buffer.from(salt, 'base64'), KEY_BYTES, PARAMS);
	return account && timingSafeEqual(actual, Buffer.from(hash, 'base64')) ? account.name : null;
}
