import { DELIMITERS, type Encoding } from '../checks/inspect';
import type { ReadRecipe } from '../checks/recipe';
import type { Manifest, StoredPart, VersionMeta } from './store';

/**
 * A manifest record as read from IndexedDB, which anything (an older build, an extension, a hand edit, a damaged
 * disk) may have written. Only versions with every field a page, `layersOf` and `attachVersion` rely on are kept;
 * `problem` says what was wrong, and then `current` is null: the dataset shows the shipped data until it is reset.
 * Null when the record names no dataset, so nothing can use it.
 */
export function checkManifest(record: unknown): { manifest: Manifest; problem: string | null } | null {
	if (!isObject(record) || typeof record.dataset !== 'string') return null;
	const dataset = record.dataset;
	const manifest: Manifest = { dataset, current: null, versions: [] };
	if (!Array.isArray(record.versions)) return { manifest, problem: `its list of versions is ${kind(record.versions)}` };
	const problems: string[] = [];
	const ids = new Set<string>();
	record.versions.forEach((version: unknown, i) => {
		const wrong = versionProblem(version, dataset, ids);
		if (wrong) problems.push(`version ${i + 1} ${wrong}`);
		else manifest.versions.push(version as VersionMeta), ids.add((version as VersionMeta).id);
	});
	const current = record.current;
	if (current !== null && typeof current !== 'string') problems.unshift(`its current version is ${kind(current)}`);
	else if (typeof current === 'string' && !ids.has(current)) problems.unshift(`its current version ${quote(current)} is not a complete version`);
	if (problems.length) return { manifest, problem: problems.slice(0, 2).join('; ') + (problems.length > 2 ? '; …' : '') };
	manifest.current = current as string | null;
	return { manifest, problem: null };
}

const ENCODINGS: Encoding[] = ['utf-8', 'utf-16', 'latin-1'];
// The only reader types a recipe holds; they are written into SQL, so nothing else may pass.
const READ_TYPES = ['VARCHAR', 'DOUBLE'];

function versionProblem(v: unknown, dataset: string, ids: Set<string>): string | null {
	if (!isObject(v)) return `is ${kind(v)}`;
	if (typeof v.id !== 'string' || !v.id) return `has no id`;
	const wrong = ids.has(v.id) ? 'repeats an earlier version’s id' : fieldProblem(v, dataset);
	return wrong && `(${quote(v.id)}) ${wrong}`;
}

function fieldProblem(v: Record<string, unknown>, dataset: string): string | null {
	for (const field of ['fileName', 'by', 'at', 'dataset'] as const) if (typeof v[field] !== 'string') return `has no ${field}`;
	if (v.dataset !== dataset) return `belongs to ${quote(v.dataset)}`;
	if (Number.isNaN(Date.parse(v.at as string))) return `has an unreadable time ${quote(v.at)}`;
	if (v.mode !== 'replace' && v.mode !== 'append') return `has an unknown mode ${quote(v.mode)}`;
	for (const field of ['rows', 'bytes'] as const) if (!isCount(v[field])) return `has no ${field} count`;
	// Versions stored by earlier builds have neither base nor parts: one Arrow file under their id.
	if (v.parts === undefined) return v.base === undefined ? null : 'has a base but no files';
	if (!(v.base === null || v.base === 'shipped' || (isObject(v.base) && typeof v.base.arrow === 'string'))) return `has an unknown base`;
	if (!Array.isArray(v.parts) || !v.parts.length) return 'lists no files';
	const bad = v.parts.findIndex((part) => !isPart(part));
	return bad < 0 ? null : `has an unreadable file entry ${bad + 1}`;
}

function isPart(part: unknown): part is StoredPart {
	return isObject(part) && typeof part.file === 'string' && isCount(part.rows) && isRecipe(part.recipe);
}

function isRecipe(r: unknown): r is ReadRecipe {
	if (!isObject(r) || typeof r.fileName !== 'string' || typeof r.typedRead !== 'boolean') return false;
	if (!DELIMITERS.includes(r.delimiter as never) || !ENCODINGS.includes(r.encoding as never)) return false;
	const types = r.types;
	if (!Array.isArray(types) || !types.length || !types.every((t) => READ_TYPES.includes(t))) return false;
	return isObject(r.mapping) && Object.values(r.mapping).every((i) => i === null || (Number.isInteger(i) && (i as number) >= 0 && (i as number) < types.length));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
function kind(value: unknown): string {
	if (value === null || value === undefined) return value === null ? 'null' : 'missing';
	if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
	return `the ${typeof value} ${quote(value)}`;
}
const quote = (value: unknown) => {
	const text = typeof value === 'string' ? value : String(value);
	return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
};
