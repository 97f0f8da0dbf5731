import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/**
 * Where a build puts what browsers fetch. The Atlas server's build (adapter-node) keeps assets in build/client and the
 * prerendered pages in build/prerendered; the static build (`npm run build:static`) puts both in build-static/.
 */
export function builtOutput(staticBuild = process.env.ATLAS_STATIC === '1'): { assets: string; pages: string } {
	if (staticBuild) return { assets: path.join(repo, 'build-static'), pages: path.join(repo, 'build-static') };
	return { assets: path.join(repo, 'build/client'), pages: path.join(repo, 'build/prerendered') };
}
