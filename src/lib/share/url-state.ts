import { browser } from '$app/environment';

/** The page's query parameters in the browser; none while prerendering (defaults are rendered). */
export function pageParams(url: URL): URLSearchParams {
	return browser ? url.searchParams : new URLSearchParams();
}

/** A parameter restricted to known values; anything else (missing, stale, garbage) falls back silently. */
export function choiceParam<T extends string | number>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
	const raw = params.get(name);
	if (raw === null) return fallback;
	return allowed.find((value) => String(value) === raw) ?? fallback;
}

/** The current URL's search with some parameters changed (`null` removes one), for `goto`. */
export function searchWith(url: URL, changes: Record<string, string | number | null>): string {
	const next = new URLSearchParams(url.searchParams);
	for (const [name, value] of Object.entries(changes)) {
		if (value === null) next.delete(name);
		else next.set(name, String(value));
	}
	const search = next.toString();
	return search ? `?${search}` : url.pathname;
}

/**
 * The URL of this page with some parameters changed: the `href` of a control whose view is that URL, so a click works
 * before the page hydrates (the link is followed and the page opens on that view). Prerendered pages get the
 * defaults' links.
 */
export function viewHref(url: URL, changes: Record<string, string | number | null>): string {
	const next = new URLSearchParams(pageParams(url));
	for (const [name, value] of Object.entries(changes)) {
		if (value === null) next.delete(name);
		else next.set(name, String(value));
	}
	const search = next.toString();
	return search ? `${url.pathname}?${search}` : url.pathname;
}

/**
 * A click on a control once the page runs: `select` changes the view itself (no reload, focus and scroll kept). On a
 * link, a click meant for a new tab or window (a modifier key, a middle click) is left to the browser.
 */
export function followHere(event: MouseEvent, select: () => void): void {
	const link = event.currentTarget instanceof Element && event.currentTarget.hasAttribute('href');
	if (link && (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) return;
	if (link) event.preventDefault();
	select();
}
