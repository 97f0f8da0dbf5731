/** A presentation: the embed URLs of saved chart views, kept in the browser and in the /present URL. */
const KEY = 'atlas-deck';

export function savedDeck(): string[] {
	try {
		const slides = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return Array.isArray(slides) ? slides.filter((s): s is string => typeof s === 'string' && s.startsWith('/embed/')) : [];
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

/** The /present link that carries the deck itself, so it can be shared. */
export function deckUrl(slides: string[]): string {
	const params = new URLSearchParams();
	for (const slide of slides) params.append('s', slide);
	return `/present?${params}`;
}
