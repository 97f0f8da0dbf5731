import { describe, expect, it } from 'vitest';
import { deckFrom, deckUrl, isSlide } from './deck';

describe('decks', () => {
	it('keeps only slides that are /embed/ paths on this site', () => {
		const params = new URLSearchParams();
		for (const s of ['/embed/segment-bars?year=2025', '//evil.example/embed/x', 'https://evil.example/embed/x', '/data', '/embed/../data', 'javascript:alert(1)'])
			params.append('s', s);
		expect(deckFrom(params)).toEqual(['/embed/segment-bars?year=2025']);
		expect(isSlide('/embed/%2e%2e/data')).toBe(false);
	});

	it('a deck URL carries its slides and the slide it opens at', () => {
		expect(deckUrl(['/embed/a?x=1', '/embed/b'], 1)).toBe('/present?s=%2Fembed%2Fa%3Fx%3D1&s=%2Fembed%2Fb&i=1');
		expect(deckUrl([])).toBe('/present');
	});
});
