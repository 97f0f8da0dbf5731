/** After `vite build`: writes build/_headers, the security headers for static hosts (see security-headers.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { headersFile, inlineScriptHashes, pagePaths } from './security-headers';

const root = path.resolve(import.meta.dirname, '../../build');
const hashes = inlineScriptHashes(root);
writeFileSync(path.join(root, '_headers'), headersFile(hashes, pagePaths(root)));
console.log(`headers: Content-Security-Policy with ${hashes.length} inline script hashes for ${pagePaths(root).length} pages → build/_headers`);
