/** Every chart that can be embedded, by the id its frame carries, and the page that draws it. */
export const EMBEDDABLE = {
	'segment-bars': 'overview',
	'segment-lines': 'overview',
	'segments-years': 'spending',
	'growth-heatmap': 'spending',
	revisions: 'spending',
	'forecast-errors': 'record',
	'first-forecast-errors': 'record',
	'forecast-path': 'record',
	wages: 'careers',
	ladder: 'careers',
	remote: 'careers',
	'path-a': 'careers',
	'path-b': 'careers',
	outlook: 'careers',
	education: 'careers',
	'postings-industry': 'industries',
	'postings-occupation': 'industries',
	'postings-time': 'industries',
	'explore-chart': 'explore'
} as const;

export type EmbeddableChart = keyof typeof EMBEDDABLE;

const PAGE_PATHS: Record<(typeof EMBEDDABLE)[EmbeddableChart], string> = {
	overview: '/',
	spending: '/spending',
	record: '/spending/record',
	careers: '/careers',
	industries: '/industries',
	explore: '/explore'
};

/** Options of the embed itself, not of the view: left out of the full view's URL. */
const EMBED_ONLY = ['theme', 'plain', 'present'];

/**
 * The page an embedded chart comes from, in the same view, as an absolute URL: where a reader on another site finds
 * the table view, every source and the rest of the page.
 */
export function fullViewUrl(chart: EmbeddableChart, embedUrl: URL): string {
	const params = new URLSearchParams(embedUrl.search);
	for (const name of EMBED_ONLY) params.delete(name);
	const query = params.toString();
	return `${embedUrl.origin}${PAGE_PATHS[EMBEDDABLE[chart]]}${query ? `?${query}` : ''}#${chart}-title`;
}
export const isEmbeddable = (chart: string): chart is EmbeddableChart => chart in EMBEDDABLE;

/** The message an embed sends its parent page when its height changes. */
export const HEIGHT_MESSAGE = 'atlas-embed-height';
export const MAX_EMBED_HEIGHT = 2400;
