import { describe, expect, it } from 'vitest';
import { headLines } from './sample';

describe('the sample of a file the server checks whole', () => {
	it('is its first lines, whole, up to the limit', async () => {
		const file = new Blob(['a,b\n', '1,2\n', '3,4\n', '5,6\n']);
		expect(await (await headLines(file, 10)).text()).toBe('a,b\n1,2\n');
		expect(await (await headLines(file, 12)).text()).toBe('a,b\n1,2\n3,4\n');
	});

	it('is the whole file when it is small enough', async () => {
		const file = new Blob(['a,b\n1,2']);
		expect(await headLines(file, 100)).toBe(file);
	});
});
