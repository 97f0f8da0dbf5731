/** The source line every chart carries: which release, published when, read where. */
export interface ChartSource {
	publisher: string;
	title: string;
	url: string;
	vintage: string;
	published: string;
}

/** A failure shown in the chart's place. */
export interface ChartError {
	message: string;
	detail?: string;
}

export interface BarDatum {
	key: string;
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
}

/** A column of a chart's table view. */
export interface Column<Row> {
	label: string;
	value: (row: Row) => string;
	numeric?: boolean;
}

/** One cell of a heatmap: a row label, a numeric column (a year) and its value. */
export interface HeatCell {
	row: string;
	column: number;
	value: number | null;
	label: string;
	detail: string[];
}
