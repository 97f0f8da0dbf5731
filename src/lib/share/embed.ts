import { getContext, setContext } from 'svelte';

export const EMBED_THEMES = ['light', 'dark', 'transparent'] as const;

/** Set by `/embed/<chart>`: which chart to show alone, and whether without title and footer. */
export interface EmbedOptions {
	chart: string;
	plain: boolean;
}

const key = Symbol('embed');

export function setEmbed(options: EmbedOptions) {
	setContext(key, options);
}

/** The embed options when the page is rendered inside `/embed/<chart>`, else undefined. */
export function getEmbed(): EmbedOptions | undefined {
	return getContext<EmbedOptions | undefined>(key);
}
