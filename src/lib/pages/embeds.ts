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
export const isEmbeddable = (chart: string): chart is EmbeddableChart => chart in EMBEDDABLE;

/** The message an embed sends its parent page when its height changes. */
export const HEIGHT_MESSAGE = 'atlas-embed-height';
export const MAX_EMBED_HEIGHT = 2400;
