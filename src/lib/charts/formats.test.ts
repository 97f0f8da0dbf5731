import { describe, expect, it } from 'vitest';
import { formatGrowth, formatRelease, formatSpendExact, formatSpendShort } from './formats';

describe('formats', () => {
	it('writes spending as finance readers read it', () => {
		expect(formatSpendShort(1469)).toBe('$1.47T');
		expect(formatSpendShort(216.26)).toBe('$216B');
		expect(formatSpendShort(6155.493)).toBe('$6.16T');
		expect(formatSpendExact(216.26)).toBe('$216.26B');
		expect(formatSpendExact(1469)).toBe('$1,469B');
		expect(formatSpendExact(6155.493)).toBe('$6,155.493B');
		expect(formatSpendExact(null)).toBe('not published');
	});
	it('signs growth and names releases', () => {
		expect(formatGrowth(11.3)).toBe('+11.3%');
		expect(formatGrowth(-0.6)).toBe('-0.6%');
		expect(formatGrowth(0)).toBe('+0.0%');
		expect(formatRelease('2026-02')).toBe('Feb 2026');
	});
});
