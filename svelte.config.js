import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The Atlas server (adapter-node, `npm start`) by default; `npm run build:static` makes the same pages for a static host,
// where the API routes are absent and the app keeps versions in the browser.
const staticBuild = process.env.ATLAS_STATIC === '1';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: staticBuild ? adapterStatic({ pages: 'build-static', assets: 'build-static', fallback: '404.html' }) : adapterNode({ out: 'build', precompress: false }),
		prerender: { handleHttpError: 'fail' }
	}
};

export default config;
