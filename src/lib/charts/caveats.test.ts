import { describe, expect, it } from 'vitest';
import { periodEnd, staleCaveat, thinSampleCaveat } from './caveats';

const now = new Date(Date.UTC(2026, 11, 3));

describe('caveats', () => {
	it('reads the end of quarters, months and years', () => {
		expect(periodEnd('2020-Q2')?.toISOString().slice(0, 10)).toBe('2020-06-30');
		expect(periodEnd('2024-02')?.toISOString().slice(0, 10)).toBe('2024-02-29');
		expect(periodEnd('2023')?.toISOString().slice(0, 10)).toBe('2023-12-31');
		expect(periodEnd('May 2024')).toBeNull();
	});

	it('flags data that ended more than two years ago, with its date', () => {
		expect(staleCaveat('CPS', '2020-Q2', now)).toEqual(['CPS 2020-Q2: over 2 years old']);
		expect(staleCaveat('CPS', '2024-Q4', now)).toEqual([]);
		expect(staleCaveat('CPS', '2024-Q3', now)).toEqual(['CPS 2024-Q3: over 2 years old']);
	});

	it('names each group under 100 answers with its n', () => {
		expect(thinSampleCaveat([{ label: '2022', n: 30 }, { label: '2023', n: 100 }, { label: '2024', n: 1234 }])).toEqual(['Under 100 answers: 2022 (n = 30)']);
		expect(thinSampleCaveat([{ label: '2023', n: 100 }])).toEqual([]);
	});
});
