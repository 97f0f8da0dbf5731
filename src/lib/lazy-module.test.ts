import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module';

describe('lazyModule', () => {
	it('imports once and hands every later caller the same module', async () => {
		let calls = 0;
		const load = lazyModule(async () => ({ n: ++calls }));
		const [a, b] = await Promise.all([load(), load()]);
		expect(await load()).toBe(a);
		expect(b).toBe(a);
		expect(calls).toBe(1);
	});

	it('tries again after a failed import', async () => {
		let calls = 0;
		const load = lazyModule(async () => {
			if (++calls === 1) throw new Error('offline');
			return { n: calls };
		});
		await expect(load()).rejects.toThrow('offline');
		expect(await load()).toEqual({ n: 2 });
	});
});
