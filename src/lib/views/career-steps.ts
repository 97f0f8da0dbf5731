import type { CareerStepRow } from '../queries/career-path-wages';
import type { LadderRow } from '../queries/salary-ladder';

/** One career-path step with what tells its pay apart: the OEWS median of its code and the survey's level medians. */
export interface PathStep extends CareerStepRow {
	/** The step before, when it has the same SOC code: OEWS then gives both the same median. */
	sameOccupationAs: CareerStepRow | null;
	/** The survey's median for each of the step's experience levels in its job family (levels with no answers left out). */
	survey: LadderRow[];
}

/** The steps of one path (the one whose first step is in `family`), each with its survey medians from `ladder`. */
export function pathSteps(steps: CareerStepRow[], ladder: LadderRow[], family: string): PathStep[] {
	const path = steps.find((s) => s.step === 1 && s.job_family === family)?.path;
	const own = steps.filter((s) => s.path === path).sort((a, b) => a.step - b.step);
	return own.map((s, i) => ({
		...s,
		sameOccupationAs: i > 0 && own[i - 1].soc_code === s.soc_code ? own[i - 1] : null,
		survey: s.experience_levels
			.split(';')
			.map((level) => level.trim())
			.flatMap((level) => ladder.filter((r) => r.job_family === s.job_family && r.experience_level === level))
	}));
}

/** Occupations the career paths use that the wage chart's list of IT occupations leaves out, with their steps' roles. */
export function borrowedOccupations(steps: CareerStepRow[], itCodes: readonly string[]): { code: string; title: string; roles: string[] }[] {
	const codes = [...new Set(steps.map((s) => s.soc_code))].filter((c) => !itCodes.includes(c));
	return codes.map((code) => {
		const own = steps.filter((s) => s.soc_code === code);
		return { code, title: own[0].soc_title, roles: [...new Set(own.map((s) => s.role))] };
	});
}
