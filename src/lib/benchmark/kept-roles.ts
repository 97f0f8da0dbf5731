import type { Mapping } from '../checks/mapping';
import { keptOnDevice } from '../share/kept-on-device';

/** A roles file as the person chose it, with their column mapping and the occupations they picked, by line. */
export interface KeptRoles {
	fileName: string;
	text: string;
	mapping?: Mapping;
	chosen: Record<string, string | null>;
}

const kept = keptOnDevice<KeptRoles>('atlas-pay-benchmark', (value) => {
	const roles = value as Partial<KeptRoles> | null;
	return roles && typeof roles.text === 'string' && typeof roles.fileName === 'string' ? { ...roles, chosen: roles.chosen ?? {} } as KeptRoles : null;
});

export const keptRoles = kept.read;
export const keepRoles = kept.keep;
export const forgetKept = kept.forget;
