import { browser } from '$app/environment';
import { readManifests, type Manifest, type VersionMeta } from './store';

/**
 * Which committed version of each dataset this browser uses, known to every page and chart. Other tabs announce
 * their commits, rollbacks and resets on a BroadcastChannel; this tab then reloads the manifests and its charts
 * re-run their queries on the new version.
 */
class Versions {
	manifests: Record<string, Manifest> = $state({});
	/** Why a dataset's uploaded version cannot be used: it shows the shipped data until reset. */
	problems: Record<string, string> = $state({});
	loaded = $state(false);
	#loading: Promise<void> | undefined;
	#channel: BroadcastChannel | undefined;
	#listeners = new Set<(dataset: string) => void>();
	#failed = new Map<string, string>();

	/** Reads the manifests once per page (and again when another tab changes one). */
	load(): Promise<void> {
		if (!browser || typeof indexedDB === 'undefined') return Promise.resolve();
		this.#loading ??= this.#read();
		if (!this.#channel && typeof BroadcastChannel !== 'undefined') {
			this.#channel = new BroadcastChannel(CHANNEL);
			this.#channel.onmessage = (event: MessageEvent<{ dataset: string }>) => void this.refresh(event.data.dataset);
		}
		return this.#loading;
	}

	async #read() {
		try {
			const { manifests, problems } = await readManifests();
			this.#apply(Object.fromEntries(manifests.map((m) => [m.dataset, m])), problems);
		} catch {
			// Storage unavailable (private mode, blocked): the shipped data is all there is.
			this.manifests = {};
			this.problems = {};
		}
		this.loaded = true;
	}

	/** Re-reads after a change to `dataset`, here or in another tab, and tells the data layer to re-attach it. */
	async refresh(dataset: string): Promise<void> {
		this.#failed.delete(dataset);
		this.#loading = this.#read();
		await this.#loading;
		for (const listener of this.#listeners) listener(dataset);
	}

	/** Announces a change made in this tab to the others, then refreshes this one. */
	async changed(dataset: string): Promise<void> {
		this.#channel?.postMessage({ dataset });
		await this.refresh(dataset);
	}

	/** The current version of `dataset` failed to load: it shows the shipped data, and says why, until it changes. */
	unreadable(dataset: string, reason: string): void {
		this.#failed.set(dataset, reason);
		this.#apply(this.manifests, this.problems);
	}

	// Failures to load outlive re-reads for other datasets: the page keeps the shipped data attached for them.
	#apply(manifests: Record<string, Manifest>, problems: Record<string, string>) {
		const failed = [...this.#failed].filter(([dataset]) => manifests[dataset]?.current);
		this.manifests = { ...manifests, ...Object.fromEntries(failed.map(([d]) => [d, { ...manifests[d], current: null }])) };
		this.problems = { ...problems, ...Object.fromEntries(failed) };
	}

	onChange(listener: (dataset: string) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	current(dataset: string): VersionMeta | null {
		const manifest = this.manifests[dataset];
		return manifest?.versions.find((v) => v.id === manifest.current) ?? null;
	}

	/** A key that changes whenever any of the tables changes version: part of every live query's key. */
	revision(tables: string[]): string {
		return tables.map((t) => this.current(t)?.id ?? 'shipped').join(',');
	}
}

export const CHANNEL = 'it-market-atlas-versions';
export const versions = new Versions();
