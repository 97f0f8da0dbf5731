import { emptyAssessment, type Assessment } from './guide-assessment';

/** Stored only when the person ticks "Keep on this device", in this browser's local storage, until they clear it. */
const KEY = 'atlas-skills-assessment';

export function keptAssessment(): Assessment | null {
	try {
		const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Assessment> | null;
		return kept && typeof kept === 'object' ? { ...emptyAssessment(), ...kept } : null;
	} catch {
		return null;
	}
}

export function keepAssessment(assessment: Assessment): void {
	localStorage.setItem(KEY, JSON.stringify(assessment));
}

export function forgetAssessment(): void {
	localStorage.removeItem(KEY);
}
