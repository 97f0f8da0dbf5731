import { browser } from '$app/environment';
import { base } from '$app/paths';
import { SvelteMap } from 'svelte/reactivity';
import type { PlacementInfo, PublishedVersion } from './published';
import { readManifests, type Manifest, type VersionMeta } from './store';

/** How often open tabs ask the server whether a new version was published. */
export const PUBLISHED_POLL_MS = 30_000;

/**
 * Which version of each dataset this browser shows, known to every page and chart: an analyst's draft kept in this
 * browser when there is one, else the version published on the Atlas server for everyone, else the shipped data.
 * Other tabs announce their commits, rollbacks and resets on a BroadcastChannel; the server is asked again every 30
 * seconds and whenever the tab comes back into view. Either way the charts re-run their queries on the new version.
 */
class Versions {
	manifests: Record<string, Manifest> = $state({});
	/** Each dataset's current version on the Atlas server. */
	published: Record<string, PublishedVersion> = $state({});
	/** Where each dataset is queried, as the Atlas server says (on a static host: every dataset in the browser). */
	placements: Record<string, PlacementInfo> = $state({});
	/** Whether an Atlas server answers (null until asked): on a static host versions live in this browser only. */
	server: boolean | null = $state(null);
	/** Why a dataset's draft or published version cannot be used: it shows the shipped data until that changes. */
	problems: Record<string, string> = $state({});
	loaded = $state(false);
	#loading: Promise<void> | undefined;
	#channel: BroadcastChannel | undefined;
	#listeners = new Set<(dataset: string) => void>();
	/**
	 * Versions that failed to load, by dataset: the version's id and why. Reactive: a chart's source line (through
	 * `current`) must switch back to the shipped data's when the version it named turns out to be unreadable.
	 */
	#failed = new SvelteMap<string, { id: string; reason: string }>();
	#manifestProblems: Record<string, string> = {};
	#revision = '';
	#polling = false;

	/** Reads the drafts and the published versions once per page (and again when either changes). */
	load(): Promise<void> {
		if (!browser) return Promise.resolve();
		this.#loading ??= Promise.all([this.#readDrafts(), this.#readPublished()]).then(() => {
			this.loaded = true;
		});
		if (!this.#channel && typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(CHANNEL);
			this.#channel.onmessage = () => void this.refresh();
		}
		this.#poll();
		return this.#loading;
	}

	async #readDrafts() {
		if (typeof indexedDB === 'undefined') return;
		let read: Awaited<ReturnType<typeof readManifests>> = { manifests: [], problems: {} };
		try {
			read = await readManifests();
		} catch {
			// Storage unavailable (private mode, blocked): no drafts.
		}
		this.#update(() => {
			this.manifests = Object.fromEntries(read.manifests.map((m) => [m.dataset, m]));
			this.#manifestProblems = read.problems;
		});
	}

	/**
	 * Applies a change of state and, in the same tick, tells the data layer which datasets now resolve to another
	 * version: their attachments are dropped before any chart's effect re-runs its query on the new revision.
	 */
	#update(apply: () => void): string[] {
		const names = () => [...new Set([...Object.keys(this.manifests), ...Object.keys(this.published), ...Object.keys(this.placements)])];
		const ids = () => Object.fromEntries(names().map((d) => [d, this.#key(d)]));
		const before = ids();
		apply();
		const after = ids();
		const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((d) => (before[d] ?? null) !== (after[d] ?? null));
		// Before the first load nothing is attached yet: every attachment waits for it.
		if (this.loaded) for (const dataset of changed) this.#changedHere(dataset);
		this.#applyProblems();
		return changed;
	}

	/** Asks the Atlas server for the published versions; returns the datasets whose version changed. */
	async #readPublished(): Promise<string[]> {
		let answer: { server?: boolean; revision?: string; datasets?: Record<string, PublishedVersion>; placements?: Versions['placements'] };
		try {
			const response = await fetch(`${base}/api/published`, { cache: 'no-cache', headers: { accept: 'application/json' } });
			if (!response.ok || !response.headers.get('content-type')?.includes('application/json')) throw new Error('no server');
			answer = await response.json();
		} catch {
			// A static host (or the server is down): what was last seen stays, and drafts keep working.
			if (this.server === null) this.server = false;
			return [];
		}
		this.server = answer.server === true;
		if (answer.revision === this.#revision) return [];
		this.#revision = answer.revision ?? '';
		return this.#update(() => {
			this.published = answer.datasets ?? {};
			this.placements = answer.placements ?? {};
		});
	}

	#poll() {
		if (this.#polling || typeof document === 'undefined') return;
		this.#polling = true;
		const check = async () => {
			if (document.visibilityState === 'visible') await this.#readPublished();
		};
		setInterval(check, PUBLISHED_POLL_MS);
		document.addEventListener('visibilitychange', check);
	}

	#changedHere(dataset: string) {
		this.#failed.delete(dataset);
		for (const listener of this.#listeners) listener(dataset);
	}

	/** Re-reads after a change here or in another tab; the datasets whose version changed are re-attached. */
	async refresh(): Promise<void> {
		this.#loading = Promise.all([this.#readDrafts(), this.#readPublished()]).then(() => undefined);
		await this.#loading;
	}

	/** Announces a change made in this tab to the others, then refreshes this one. */
	async changed(dataset: string): Promise<void> {
		this.#channel?.postMessage({ dataset });
		await this.refresh();
	}

	/** The current version of `dataset` failed to load: it shows the shipped data, and says why, until it changes. */
	unreadable(dataset: string, reason: string): void {
		const version = this.#resolved(dataset);
		if (version) this.#failed.set(dataset, { id: version.id, reason });
		this.#applyProblems();
	}

	#applyProblems() {
		const failed = [...this.#failed].filter(([dataset, f]) => this.#resolved(dataset)?.id === f.id).map(([dataset, f]) => [dataset, f.reason]);
		this.problems = { ...this.#manifestProblems, ...Object.fromEntries(failed) };
	}

	onChange(listener: (dataset: string) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** This browser's draft of `dataset`, if it uses one. */
	draft(dataset: string): VersionMeta | null {
		const manifest = this.manifests[dataset];
		return manifest?.versions.find((v) => v.id === manifest.current) ?? null;
	}

	#resolved(dataset: string): VersionMeta | null {
		// A dataset queried on the server shows the server's version: a draft in this browser cannot reach it.
		if (this.onServer(dataset)) return this.published[dataset] ?? null;
		return this.draft(dataset) ?? this.published[dataset] ?? null;
	}

	/** The version every chart of `dataset` reads: the draft, else the published version, else null (the shipped data). */
	current(dataset: string): VersionMeta | null {
		const version = this.#resolved(dataset);
		return version && this.#failed.get(dataset)?.id === version.id ? null : version;
	}

	/** Whether `dataset` is queried on the Atlas server (too big for a browser, or placed there by a publisher). */
	onServer(dataset: string): boolean {
		return this.placements[dataset]?.placement === 'server';
	}

	/** The version a dataset resolves to and where it is queried: a change of either re-attaches it. */
	#key(dataset: string): string | null {
		const id = this.#resolved(dataset)?.id ?? null;
		return this.onServer(dataset) ? `${id ?? 'shipped'}@server` : id;
	}

	/** A key that changes whenever any of the tables changes version or placement: part of every live query's key. */
	revision(tables: string[]): string {
		return tables.map((t) => `${this.current(t)?.id ?? 'shipped'}${this.onServer(t) ? '@server' : ''}`).join(',');
	}
}

export const CHANNEL = 'it-market-atlas-versions';
export const versions = new Versions();
