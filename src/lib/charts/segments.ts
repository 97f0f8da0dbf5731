import { schemeTableau10 } from 'd3';

/** Gartner's segment order, used for legends, colours and tables across the product. */
export const SEGMENTS = ['Data Center Systems', 'Software', 'Devices', 'IT Services', 'Communications Services'] as const;

/** A stable colour per segment (Tableau 10 stays distinguishable under common colour blindness). */
export function segmentColor(segment: string): string {
	const index = SEGMENTS.indexOf(segment as (typeof SEGMENTS)[number]);
	return schemeTableau10[index >= 0 ? index : SEGMENTS.length + (segment.length % 4)];
}
