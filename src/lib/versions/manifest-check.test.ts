import { describe, expect, it } from 'vitest';
import { checkManifest } from './manifest-check';
import { layersOf } from './store';

const recipe = { fileName: 'gartner.csv', delimiter: ',', encoding: 'utf-8', mapping: { release: 0, segment: 1, amount: null }, types: ['VARCHAR', 'DOUBLE'], typedRead: true };
const version = (id: string, extra: object = {}) => ({
	id,
	dataset: 'it_spending',
	fileName: 'gartner.csv',
	by: 'Ana',
	at: '2026-02-01T10:00:00.000Z',
	mode: 'replace',
	rows: 10,
	bytes: 300,
	base: null,
	parts: [{ file: `staged-1-${id}`, recipe, rows: 10 }],
	...extra
});
const manifest = (versions: unknown, current: unknown = 'v1') => ({ dataset: 'it_spending', current, versions });

describe('checkManifest', () => {
	it('keeps a valid manifest as it is', () => {
		const record = manifest([version('v1'), version('v2', { mode: 'append', base: 'shipped' })], 'v2');
		expect(checkManifest(record)).toEqual({ manifest: record, problem: null });
		expect(checkManifest(manifest([], null))).toEqual({ manifest: manifest([], null), problem: null });
	});

	it('keeps versions stored by earlier builds (one Arrow file, no parts), which layersOf can read', () => {
		const legacy = { ...version('old'), base: undefined, parts: undefined };
		const checked = checkManifest(manifest([legacy], 'old'))!;
		expect(checked.problem).toBeNull();
		expect(layersOf(checked.manifest.versions[0])).toEqual({ base: { arrow: 'old' }, parts: [] });
	});

	it.each([
		[null, 'its list of versions is null'],
		['garbage', 'its list of versions is the string “garbage”'],
		[undefined, 'its list of versions is missing'],
		[{ 0: version('v1') }, 'its list of versions is an object']
	])('a versions field that is not a list (%j) leaves the shipped data and says so', (versions, problem) => {
		expect(checkManifest(manifest(versions))).toEqual({ manifest: manifest([], null), problem });
	});

	it('an incomplete current version is dropped, and current falls back to the shipped data', () => {
		const checked = checkManifest(manifest([{ id: 'v1' }], 'v1'))!;
		expect(checked.manifest).toEqual(manifest([], null));
		expect(checked.problem).toBe('its current version “v1” is not a complete version; version 1 (“v1”) has no fileName');
	});

	it('keeps the valid versions of a damaged manifest, with current on the shipped data', () => {
		const checked = checkManifest(manifest([version('v1'), 'garbage', version('v3', { rows: -1 })], 'v1'))!;
		expect(checked.manifest).toEqual(manifest([version('v1')], null));
		expect(checked.problem).toBe('version 2 is the string “garbage”; version 3 (“v3”) has no rows count');
	});

	it.each([
		['a current that names no version', manifest([version('v1')], 'v9'), 'its current version “v9” is not a complete version'],
		['a current that is not text', manifest([version('v1')], 7), 'its current version is the number “7”'],
		['a version of another dataset', manifest([version('v1', { dataset: 'occupations' })]), 'belongs to “occupations”'],
		['an unreadable time', manifest([version('v1', { at: 'yesterday' })]), 'has an unreadable time “yesterday”'],
		['an unknown mode', manifest([version('v1', { mode: 'merge' })]), 'has an unknown mode “merge”'],
		['an unknown base', manifest([version('v1', { base: { arrow: 3 } })]), 'has an unknown base'],
		['a base without files', manifest([version('v1', { parts: undefined, base: 'shipped' })]), 'has a base but no files'],
		['no files', manifest([version('v1', { parts: [] })]), 'lists no files'],
		['a part without its file key', manifest([version('v1', { parts: [{ recipe, rows: 1 }] })]), 'has an unreadable file entry 1'],
		['a recipe with an unknown delimiter', manifest([version('v1', { parts: [{ file: 'f', rows: 1, recipe: { ...recipe, delimiter: 'x' } }] })]), 'entry 1'],
		['a reader type that would be written into SQL', manifest([version('v1', { parts: [{ file: 'f', rows: 1, recipe: { ...recipe, types: ["VARCHAR'); DROP TABLE x; --"] } }] })]), 'entry 1'],
		['a mapping to a column the file lacks', manifest([version('v1', { parts: [{ file: 'f', rows: 1, recipe: { ...recipe, mapping: { release: 5 } } }] })]), 'entry 1'],
		['a version id used twice', manifest([version('v1'), version('v1')]), 'version 2 (“v1”) repeats an earlier version’s id'],
		['a version that is a list', manifest([[version('v1')]]), 'version 1 is a list']
	])('%s is a problem', (_, record, problem) => {
		const checked = checkManifest(record)!;
		expect(checked.problem).toContain(problem);
		expect(checked.manifest.current).toBeNull();
	});

	it('ignores records that name no dataset', () => {
		expect(checkManifest(null)).toBeNull();
		expect(checkManifest('garbage')).toBeNull();
		expect(checkManifest({ dataset: 3, versions: [] })).toBeNull();
	});

	it('shortens long values it quotes', () => {
		expect(checkManifest(manifest('x'.repeat(500)))!.problem).toBe(`its list of versions is the string “${'x'.repeat(40)}…”`);
	});
});
