import { keptOnDevice } from '../share/kept-on-device';
import { emptyAssessment, type Assessment } from './guide-assessment';

const kept = keptOnDevice<Assessment>('atlas-skills-assessment', (value) =>
	value && typeof value === 'object' ? { ...emptyAssessment(), ...(value as Partial<Assessment>) } : null
);

export const keptAssessment = kept.read;
export const keepAssessment = kept.keep;
export const forgetAssessment = kept.forget;
