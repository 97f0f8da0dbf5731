/**
 * Where a pay figure falls in a published wage distribution and among survey answers: arithmetic only, shown with
 * how it was found (a published percentile, an interpolation between two, or outside the published range).
 */

/** OEWS publishes these percentiles; a missing one (top-coded, not published) is null. */
export interface PublishedPercentiles {
	p10: number | null;
	p25: number | null;
	median: number | null;
	p75: number | null;
	p90: number | null;
}

export interface Placement {
	/** The percentile, when the pay falls within the published points; null outside them. */
	percentile: number | null;
	/** Below the lowest published point, above the highest, within, or nothing to compare with. */
	position: 'below' | 'within' | 'above' | 'none';
	/** Between two published points, so linear between them: an estimate, labelled as such. */
	interpolated: boolean;
	text: string;
}

const ordinal = (p: number) => {
	const n = Math.round(p);
	const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${suffix}`;
};
const pointName = (p: number) => (p === 50 ? 'median' : `${ordinal(p)} percentile`);

/** A pay's percentile among OEWS's published points, linear between two neighbours. */
export function oewsPlacement(pay: number, published: PublishedPercentiles): Placement {
	const candidates: [number, number | null][] = [
		[10, published.p10],
		[25, published.p25],
		[50, published.median],
		[75, published.p75],
		[90, published.p90]
	];
	const points = candidates.filter((p): p is [number, number] => p[1] !== null);
	if (!points.length) return { percentile: null, position: 'none', interpolated: false, text: 'no published wages' };
	const [lowP, low] = points[0];
	const [highP, high] = points[points.length - 1];
	if (pay < low) return { percentile: null, position: 'below', interpolated: false, text: `below the ${pointName(lowP)}` };
	if (pay > high) {
		const unpublished = highP < 90 ? ` (the ${pointName(90)} is not published: top-coded)` : '';
		return { percentile: null, position: 'above', interpolated: false, text: `above the ${pointName(highP)}${unpublished}` };
	}
	for (let i = 0; i < points.length; i++) {
		const [p, wage] = points[i];
		if (pay === wage) return { percentile: p, position: 'within', interpolated: false, text: `at the ${pointName(p)}` };
		const next = points[i + 1];
		if (next && pay > wage && pay < next[1]) {
			const percentile = p + ((pay - wage) / (next[1] - wage)) * (next[0] - p);
			return { percentile, position: 'within', interpolated: true, text: `≈ ${ordinal(percentile)} percentile (interpolated between the published ${pointName(p)} and ${pointName(next[0])})` };
		}
	}
	return { percentile: null, position: 'none', interpolated: false, text: 'no published wages' };
}

/** Fewer survey answers than this and no percentile is given: the sample says too little. */
export const MIN_SURVEY_ANSWERS = 10;

/** A pay's percentile among n survey answers: those below it, and half of those equal to it. */
export function surveyPlacement(below: number, equal: number, n: number): Placement {
	if (n < MIN_SURVEY_ANSWERS) return { percentile: null, position: 'none', interpolated: false, text: n ? `too few answers (n = ${n})` : 'no answers' };
	const percentile = ((below + equal / 2) / n) * 100;
	const position = percentile < 10 ? 'below' : percentile > 90 ? 'above' : 'within';
	return { percentile, position, interpolated: false, text: `${ordinal(percentile)} percentile of ${n.toLocaleString('en-US')} answers` };
}

/** An outlier: outside OEWS's 10th–90th, or in the bottom or top tenth of the survey answers. */
export const isOutlier = (oews: Placement, survey: Placement) =>
	oews.position === 'below' || oews.position === 'above' || survey.position === 'below' || survey.position === 'above';
