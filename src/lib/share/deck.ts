/** A presentation: the embed URLs of saved chart views, kept in the browser and in the /present URL. */
const KEY = 'atlas-deck';

/** A slide is a path under /embed/ on this site; anything else in a stored or shared deck is dropped. */
export function isSlide(slide: unknown): slide is string {
	if (typeof slide !== 'string' || !slide.startsWith('/embed/')) return false;
	const url = new URL(slide, 'http://atlas.invalid');
	return url.origin === 'http://atlas.invalid' && url.pathname.startsWith('/embed/');
}

export function savedDeck(): string[] {
	try {
		const slides = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return Array.isArray(slides) ? slides.filter(isSlide) : [];
	} catch {
		return [];
	}
}

export function saveDeck(slides: string[]) {
	localStorage.setItem(KEY, JSON.stringify(slides));
}

/** Adds a view (an `/embed/…` path with its query) to the saved deck; returns the new number of slides. */
export function addToDeck(slide: string): number {
	const slides = [...savedDeck().filter((s) => s !== slide), slide];
	saveDeck(slides);
	return slides.length;
}

/** The deck a /present URL carries (a shared deck), slides checked. */
export function deckFrom(params: URLSearchParams): string[] {
	return params.getAll('s').filter(isSlide);
}

export const sameDeck = (a: string[], b: string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** The /present link that carries the deck itself, so it can be shared; `index` opens it at that slide. */
export function deckUrl(slides: string[], index = 0): string {
	const params = new URLSearchParams();
	for (const slide of slides) params.append('s', slide);
	if (index > 0) params.set('i', String(index));
	return slides.length ? `/present?${params}` : '/present';
}
