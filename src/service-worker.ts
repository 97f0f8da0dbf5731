/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';

// Once a page has loaded, the dashboard, its engine and its data keep working offline (a talk survives bad Wi-Fi).
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `atlas-${version}`;
// The app's JS/CSS and every prerendered page up front (not the README's screenshots); the wasm (one of two bundles, ~35 MB) and the datasets are
// cached the first time the browser fetches them, so only what this browser uses is stored.
const PRECACHE = [...build.filter((path) => !path.endsWith('.wasm')), ...files.filter((path) => !path.startsWith('/datasets/') && !path.startsWith('/screenshots/')), ...prerendered];

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => sw.clients.claim())
	);
});

async function respond(request: Request): Promise<Response> {
	const url = new URL(request.url);
	// Pages and files are cached by path alone: a query string is state read in the browser (/explore?q=…), and
	// keeping one copy per query would grow the cache without bound.
	const key = `${url.origin}${url.pathname}`;
	const cache = await caches.open(CACHE);
	const immutable = url.pathname.startsWith('/_app/immutable/') || url.pathname.startsWith('/datasets/');
	if (immutable) {
		const cached = await cache.match(key);
		if (cached) return cached;
	}
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
		return response;
	} catch (error) {
		// Offline: the cached copy of the page or file.
		const cached = (await cache.match(key)) ?? (await cache.match(`${key}.html`));
		if (cached) return cached;
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	// The Atlas server's API is live state (who published what); its files are cached by the browser by their hash.
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
	event.respondWith(respond(event.request));
});
