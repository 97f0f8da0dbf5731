/** The source line every chart carries: which release, published when, read where. */
export interface ChartSource {
	publisher: string;
	title: string;
	url: string;
	vintage: string;
	/** When the source was published; absent when the copy we hold does not say. */
	published?: string;
	/** The dataset the figures come from: an analyst's committed upload replaces the shipped source line. */
	dataset?: string;
	/** What `vintage` names: "release" unless said otherwise. */
	vintageLabel?: string;
	/**
	 * Every page the chart's rows cite, when they cite more than one: the source line names them all when there are a
	 * few, else says how many and the table view lists them.
	 */
	items?: SourceItem[];
	/** The distinct notes the rows carry (an uploaded file's own "TEST, not real data" must travel with its figures). */
	notes?: string[];
}

/** One page a chart's figures were read from. */
export interface SourceItem {
	title: string;
	url: string;
	/** The figures' own vintage, e.g. "2025-08". */
	vintage: string;
	/** Absent when the copy we hold does not say. */
	published?: string;
}

/**
 * Figures another publication prints without a primary source, shown beside a chart's primary data, apart from it and
 * labelled as that publication's.
 */
export interface QuotedFigures {
	/** e.g. "As quoted in the guide (May 2024), not in the primary data". */
	label: string;
	source: SourceItem;
	/** The sentences as printed, each once, with where they are in the publication. */
	quotes: { text: string; where: string }[];
	/** Each figure in the publication's own words, for the table view. */
	figures: { figure: string; refersTo: string; period: string; where: string }[];
}

/** A failure shown in the chart's place. */
export interface ChartError {
	message: string;
	detail?: string;
}

export interface BarDatum {
	/** Unique among the bars. */
	key: string;
	/** What a click selects and `highlight` matches; the key when absent (several bars may share one). */
	selectKey?: string;
	label: string;
	value: number | null;
	color: string;
	/** Text at the bar's end, e.g. `$1.47T  +11.3%`. */
	valueLabel: string;
	/** Lines of the tooltip. */
	detail: string[];
}

export interface LinePoint {
	x: number;
	y: number | null;
	/** Drawn dashed and hollow. */
	forecast: boolean;
	label: string;
	/** Not joined to the point before: the series breaks here (a restated base, a change of source). */
	breakBefore?: boolean;
	/** Where the figure may land (a forecast's band from past errors): drawn as a whisker through the point. */
	band?: { low: number; high: number };
}

export interface LineSeries {
	key: string;
	label: string;
	color: string;
	points: LinePoint[];
}

export interface Kpi {
	label: string;
	value: string;
	detail: string;
	/** A name rather than a figure: set smaller so long names fit. */
	textual?: boolean;
	/** Shown on hover: e.g. the figures a second source gave. */
	note?: string;
}

/** A column of a chart's table view. */
export interface Column<Row> {
	label: string;
	value: (row: Row) => string;
	numeric?: boolean;
	/** The row's source (its page title): the chart's source line must name every one the table lists. */
	source?: boolean;
}

/** One cell of a heatmap: a row label, a numeric column (a year) and its value. */
export interface HeatCell {
	row: string;
	column: number;
	value: number | null;
	label: string;
	/** The label in a narrow heatmap, where `label` would not fit its cell. */
	shortLabel?: string;
	detail: string[];
}

/** A distribution row: p10–p90 whisker, p25–p75 box, median tick. */
export interface RangeDatum {
	key: string;
	label: string;
	p10: number | null;
	p25: number | null;
	median: number | null;
	p75: number | null;
	p90: number | null;
	/** The upper wages are at or above BLS's top-coding limit: drawn open-ended, never as a number. */
	topCoded: boolean;
	/** A reference row (e.g. all occupations), drawn muted. */
	reference?: boolean;
	/** A value placed on the range (e.g. a role's own pay), ringed when it is an outlier. */
	mark?: { value: number; outlier: boolean };
	color: string;
	valueLabel: string;
	detail: string[];
}

/** One 100% stacked bar: parts in a fixed order with their counts. */
export interface StackDatum {
	key: string;
	label: string;
	parts: { key: string; value: number }[];
	total: number;
}

/** A forecast on the error-by-horizon chart. */
export interface ErrorPoint {
	key: string;
	segment: string;
	year: number;
	horizon: number;
	error: number;
	/** Not counted: a restated base lies between the forecast and the settled figure. */
	counted: boolean;
	color: string;
	title: string;
	detail: string[];
}
export interface ErrorBand {
	from: number;
	to: number;
	n: number;
	bias: number | null;
	medianAbsError: number | null;
}
