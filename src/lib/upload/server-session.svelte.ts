import { readSession, signIn, signOut, type ServerSession } from './publish';

/** This page's view of the Atlas server: whether one answers, and who is signed in. */
class ServerState {
	/** null until asked; false on a static host. */
	available: boolean | null = $state(null);
	session: ServerSession | null = $state(null);
	#asked: Promise<void> | undefined;

	load(): Promise<void> {
		this.#asked ??= readSession().then((session) => {
			this.available = session !== null;
			this.session = session;
		});
		return this.#asked;
	}

	/** Asks again who is signed in (after the server refused a session that expired or was signed out elsewhere). */
	async reload(): Promise<void> {
		this.#asked = undefined;
		await this.load();
	}

	get publisher(): string | null {
		return this.session?.publisher ?? null;
	}

	async signIn(name: string, password: string): Promise<void> {
		this.session = await signIn(name, password);
	}

	async signOut(): Promise<void> {
		if (this.session?.csrf) await signOut(this.session.csrf);
		this.session = { publisher: null, csrf: null, publishers: this.session?.publishers ?? 0 };
	}
}

export const server = new ServerState();
