import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readFile } from 'node:fs/promises';
import { builtOutput } from './src/build/output.ts';
import { previewHeaders } from './src/build/preview-headers.ts';
import { servePrecompressed } from './src/build/serve-precompressed.ts';

/** DuckDB's worker files point their source maps outside the package; strip the comment to silence ~100 warnings. */
function stripDuckdbSourceMaps(): Plugin {
	return {
		name: 'strip-duckdb-sourcemaps',
		enforce: 'pre',
		async load(id) {
			if (!id.includes('@duckdb/duckdb-wasm/dist/') || id.includes('?') || !id.endsWith('.js')) return null;
			const code = await readFile(id, 'utf8');
			return code.replace(/\/\/# sourceMappingURL=.*$/gm, '');
		}
	};
}

/** `vite preview` serves the gzip copies precompress.ts wrote, with the security headers, as a production static host would. */
function precompressedPreview(): Plugin {
	return {
		name: 'serve-precompressed',
		configurePreviewServer(server) {
			const output = builtOutput();
			server.middlewares.use(previewHeaders(output.pages));
			server.middlewares.use(servePrecompressed(output.assets));
		}
	};
}

export default defineConfig({
	plugins: [stripDuckdbSourceMaps(), sveltekit(), precompressedPreview()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	build: { assetsInlineLimit: 0 },
	test: {
		include: ['src/**/*.test.ts'],
		globalSetup: ['src/lib/db/vitest-global-setup.ts'],
		environment: 'node',
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
