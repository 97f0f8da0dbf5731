/**
 * After `vite build`: writes _headers beside the prerendered pages, the security headers for static hosts (see
 * security-headers.ts); the Atlas server reads the same file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtOutput } from './output';
import { headersFile, inlineScriptHashes, pagePaths } from './security-headers';

const root = builtOutput().pages;
const hashes = inlineScriptHashes(root);
writeFileSync(path.join(root, '_headers'), headersFile(hashes, pagePaths(root)));
console.log(`headers: Content-Security-Policy with ${hashes.length} inline script hashes for ${pagePaths(root).length} pages → ${path.relative(process.cwd(), root)}/_headers`);
