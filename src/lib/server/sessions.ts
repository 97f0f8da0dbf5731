/**
 * Sign-in sessions: a random token in an HttpOnly, SameSite=Strict cookie (Secure over https), kept on the server
 * only as its SHA-256, with a CSRF token of its own that every write must send back in a header.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { publisherNames } from './accounts';
import type { AtlasStore } from './store';

export const SESSION_COOKIE = 'atlas_session';
export const CSRF_HEADER = 'x-atlas-csrf';
const SESSION_HOURS = 12;

export interface Session {
	publisher: string;
	csrf: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export async function createSession(store: AtlasStore, publisher: string): Promise<{ cookie: string; session: Session }> {
	const cookie = token();
	const session = { publisher, csrf: token() };
	const expires = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
	await store.write(`DELETE FROM sessions WHERE expires_at < ?`, [new Date().toISOString()]);
	await store.write(`INSERT INTO sessions VALUES (?, ?, ?, ?)`, [sha256(cookie), publisher, session.csrf, expires]);
	return { cookie, session };
}

/** The session a cookie holds, while it has not expired and its publisher has not been removed. */
export async function readSession(store: AtlasStore, cookie: string | undefined): Promise<Session | null> {
	if (!cookie || cookie.length > 100) return null;
	const [row] = await store.read(`SELECT publisher, csrf FROM sessions WHERE token_sha256 = ? AND expires_at > ?`, [sha256(cookie), new Date().toISOString()]);
	if (!row || !publisherNames(store.dir).includes(String(row.publisher))) return null;
	return { publisher: String(row.publisher), csrf: String(row.csrf) };
}

export async function endSession(store: AtlasStore, cookie: string): Promise<void> {
	await store.write(`DELETE FROM sessions WHERE token_sha256 = ?`, [sha256(cookie)]);
}

export function csrfMatches(session: Session, sent: string | null): boolean {
	if (!sent) return false;
	const [a, b] = [Buffer.from(session.csrf), Buffer.from(sent)];
	return a.length === b.length && timingSafeEqual(a, b);
}

export const cookieOptions = (secure: boolean) =>
	({ path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: SESSION_HOURS * 3600 }) as const;

/**
 * Failed sign-ins per name and per address: after 5 within 15 minutes, further tries are refused until the oldest
 * ages out, whatever the password.
 */
export class SignInLimiter {
	private failures = new Map<string, number[]>();
	constructor(
		private readonly max = 5,
		private readonly windowMs = 15 * 60_000
	) {}

	/** Seconds until another try is allowed for any of `keys`, or 0. */
	wait(keys: string[], now = Date.now()): number {
		let wait = 0;
		for (const key of keys) {
			const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
			this.failures.set(key, recent);
			if (recent.length >= this.max) wait = Math.max(wait, Math.ceil((recent[0] + this.windowMs - now) / 1000));
		}
		return wait;
	}

	failed(keys: string[], now = Date.now()): void {
		for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
	}

	succeeded(keys: string[]): void {
		for (const key of keys) this.failures.delete(key);
	}
}
