import type { Mapping } from '../checks/mapping';

/** A roles file as the person chose it, with their column mapping and the occupations they picked, by line. */
export interface KeptRoles {
	fileName: string;
	text: string;
	mapping?: Mapping;
	chosen: Record<string, string | null>;
}

/** Stored only when the person ticks "Keep on this device", in this browser's local storage, until they forget it. */
const KEY = 'atlas-pay-benchmark';

export function keptRoles(): KeptRoles | null {
	try {
		const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as KeptRoles | null;
		return kept && typeof kept.text === 'string' && typeof kept.fileName === 'string' ? { ...kept, chosen: kept.chosen ?? {} } : null;
	} catch {
		return null;
	}
}

export function keepRoles(roles: KeptRoles): void {
	localStorage.setItem(KEY, JSON.stringify(roles));
}

export function forgetKept(): void {
	localStorage.removeItem(KEY);
}
