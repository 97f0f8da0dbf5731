/** A figure from a second source drawn under a step's bar, e.g. a survey median. */
export interface StepMark {
	key: string;
	value: number;
	/** At the mark's end, e.g. `$185,600`. */
	valueLabel: string;
	/** What the mark is, e.g. `Survey Senior (n = 8,421)`: beside the step's label, or above the mark on narrow screens. */
	label: string;
	/** Rests on few answers: its label says so. */
	thin: boolean;
}

/** One step of a path: a bar of its main figure, second-source marks under it, and a note said on the chart. */
export interface StepDatum {
	key: string;
	/** What a click selects and `highlight` matches. */
	selectKey: string;
	label: string;
	value: number | null;
	valueLabel: string;
	color: string;
	/** Why the bar's figure is not the step's own (e.g. shared with the step before): drawn under the bar. */
	note: string | null;
	marks: StepMark[];
	detail: string[];
}
