import snapshot from '$lib/generated/careers-snapshot.json';
import type { CareersView } from '$lib/views/careers';

/** The career paths with each step's OEWS median, computed at build time by the same query functions as /careers. */
export const load = () => {
	const { wages } = snapshot as unknown as CareersView;
	return { steps: wages.steps, year: wages.year };
};
