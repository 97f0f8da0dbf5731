import type { Connector } from '../db/connector';
import type { KeyTotal, UploadColumn, UploadSchema } from './schemas';
import { literal, uploadType } from './validate-sql';

export interface TotalChange {
	label: string;
	format: KeyTotal['format'];
	before: string | number | null;
	after: string | number | null;
}

export interface PreviewBar {
	label: string;
	value: number | null;
	before: number | null;
}

/** One row a commit would add, remove or change: its key and what it holds (or, changed, each value's before → after). */
export interface DiffRow {
	kind: 'added' | 'removed' | 'changed';
	key: string;
	detail: string;
}

/** Rows of each kind listed in the preview; the counts above them are exact. */
export const DIFF_ROWS_SHOWN = 200;

/** What a commit would change, for the analyst to check before committing. */
export interface Preview {
	/** Rows in the next version. */
	rows: number;
	/** Rows in the current version. */
	before: number;
	/** Whole periods (releases, years) the current version has and the next one does not, oldest first. */
	removedPeriods: string[];
	added: number;
	removed: number;
	/** Rows whose key stays but whose values differ; null when the dataset has no key. */
	changed: number | null;
	/** Up to DIFF_ROWS_SHOWN rows of each kind, in key order. */
	diff: DiffRow[];
	totals: TotalChange[];
	chart: { title: string; unit: UploadSchema['chart']['unit']; bars: PreviewBar[] };
}

const plain = (v: unknown): string | number | null => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : String(v));

/** Compares the staged next version (`next`) with the current one (`current`), both without derived columns. */
export async function comparePreview(conn: Connector, schema: UploadSchema, current: string, next: string): Promise<Preview> {
	const one = async (sql: string) => (await conn.query(sql)).get(0)!.toJSON() as Record<string, unknown>;
	let added: number;
	let removed: number;
	let changed: number | null = null;
	if (schema.key.length) {
		const keys = schema.key.map((k) => `"${k}"`).join(', ');
		const counts = await one(`SELECT
			(SELECT count(*) FROM ${next} n ANTI JOIN ${current} c USING (${keys})) AS added,
			(SELECT count(*) FROM ${current} c ANTI JOIN ${next} n USING (${keys})) AS removed,
			(SELECT count(*) FROM ${next} n JOIN ${current} c USING (${keys}) WHERE n IS DISTINCT FROM c) AS changed`);
		added = Number(counts.added);
		removed = Number(counts.removed);
		changed = Number(counts.changed);
	} else {
		// Rows compared whole, as 64-bit hashes: a multiset difference over one column, not every column. Hashing every
		// column of a million rows is slow, so only rows whose numbers alone match a current row (few, unless the file
		// repeats the current data) are hashed whole and counted.
		const own = schema.columns.filter((c) => !c.derived);
		const hash = (columns: UploadColumn[]) => `hash(${columns.map((c) => `"${c.name}"::${uploadType(c)}`).join(', ')})`;
		const numbers = own.filter((c) => uploadType(c) !== 'VARCHAR');
		const quick = hash(numbers.length ? numbers : own);
		const counts = await one(`WITH c AS MATERIALIZED (SELECT ${quick} AS q, ${hash(own)} AS h FROM ${current}),
			candidates AS (SELECT ${hash(own)} AS h FROM ${next} WHERE ${quick} IN (SELECT q FROM c)),
			kept AS (SELECT h, count(*) AS k FROM candidates SEMI JOIN c USING (h) GROUP BY h),
			was AS (SELECT h, count(*) AS k FROM c GROUP BY h),
			same AS (SELECT coalesce(sum(least(kept.k, was.k)), 0) AS n FROM kept JOIN was USING (h))
			SELECT (SELECT count(*) FROM ${next}) - same.n AS added, (SELECT count(*) FROM ${current}) - same.n AS removed FROM same`);
		added = Number(counts.added);
		removed = Number(counts.removed);
	}
	const diff = await diffRows(conn, schema, current, next);
	const totalsOf = (table: string) =>
		one(`WITH t AS (SELECT * FROM ${table}) SELECT count(*) AS rows, ${schema.totals.map((total, i) => `${total.sql} AS t${i}`).join(', ')} FROM t`);
	const [before, after] = [await totalsOf(current), await totalsOf(next)];
	const chartOf = async (table: string, sql: string) =>
		(await conn.query(`WITH t AS (SELECT * FROM ${table}) ${sql}`)).toArray().map((r) => ({ label: String(r.label), value: plain(r.value) as number | null }));
	const [oldBars, newBars] = [await chartOf(current, schema.chart.before ?? schema.chart.sql), await chartOf(next, schema.chart.sql)];
	const was = new Map(oldBars.map((b) => [b.label, b.value]));
	const period = schema.period ? `"${schema.period.column}"` : null;
	// Joined by a unit separator rather than a LIST: one plain text value reads the same from both engines. Each
	// version's few periods are found before they are written as text, not a million rows' values.
	const periods = (table: string) => `SELECT DISTINCT p::VARCHAR AS p FROM (SELECT DISTINCT ${period} AS p FROM ${table})`;
	const removedPeriods = period
		? String((await one(`SELECT coalesce(string_agg(p, chr(31) ORDER BY p), '') AS gone FROM (${periods(current)} EXCEPT ${periods(next)})`)).gone ?? '')
				.split('\u001f')
				.filter(Boolean)
		: [];
	return {
		rows: Number(after.rows),
		before: Number(before.rows),
		removedPeriods,
		added,
		removed,
		changed,
		diff,
		totals: schema.totals.map((total, i) => ({ label: total.label, format: total.format, before: plain(before[`t${i}`]), after: plain(after[`t${i}`]) })),
		chart: { title: schema.chart.title, unit: schema.chart.unit, bars: newBars.map((b) => ({ ...b, before: was.get(b.label) ?? null })) }
	};
}

/**
 * The rows behind the counts, as text built by SQL (both engines print values the same way): added and removed rows
 * by key (or, without a key, rows whose figures no row of the other version has), changed rows as "column: before →
 * after" for each value that differs.
 */
async function diffRows(conn: Connector, schema: UploadSchema, current: string, next: string): Promise<DiffRow[]> {
	const own = schema.columns.filter((c) => !c.derived);
	const q = (name: string) => `"${name}"`;
	const text = (alias: string, name: string) => `${alias}.${q(name)}::VARCHAR`;
	const keyed = schema.key.length > 0;
	const keyOf = (alias: string) => (keyed ? `concat_ws(' · ', ${schema.key.map((k) => text(alias, k)).join(', ')})` : `''`);
	const rest = own.filter((c) => !schema.key.includes(c.name));
	const valuesOf = (alias: string) => `concat_ws(' · ', ${rest.map((c) => `${literal(c.name)} || ' ' || ${text(alias, c.name)}`).join(', ')})`;
	const order = keyed ? schema.key.map(q).join(', ') : '1';
	const rows = async (sql: string) =>
		(await conn.query(sql)).toArray().map((r) => ({ kind: String(r.kind) as DiffRow['kind'], key: String(r.key ?? ''), detail: String(r.detail ?? '') }));
	if (keyed) {
		const keys = schema.key.map(q).join(', ');
		const changes = rest.map((c) => `CASE WHEN n.${q(c.name)} IS DISTINCT FROM c.${q(c.name)} THEN ${literal(c.name)} || ': ' || coalesce(${text('c', c.name)}, 'empty') || ' → ' || coalesce(${text('n', c.name)}, 'empty') END`);
		return [
			...(await rows(`SELECT 'added' AS kind, ${keyOf('n')} AS key, ${valuesOf('n')} AS detail FROM ${next} n ANTI JOIN ${current} c USING (${keys}) ORDER BY ${order} LIMIT ${DIFF_ROWS_SHOWN}`)),
			...(await rows(`SELECT 'changed' AS kind, ${keyOf('n')} AS key, concat_ws('; ', ${changes.join(', ')}) AS detail
				FROM ${next} n JOIN ${current} c USING (${keys}) WHERE n IS DISTINCT FROM c ORDER BY ${keys} LIMIT ${DIFF_ROWS_SHOWN}`)),
			...(await rows(`SELECT 'removed' AS kind, ${keyOf('c')} AS key, ${valuesOf('c')} AS detail FROM ${current} c ANTI JOIN ${next} n USING (${keys}) ORDER BY ${order} LIMIT ${DIFF_ROWS_SHOWN}`))
		];
	}
	// Without a key, a row is listed when no row of the other version has its figures: cheap, and enough to look at.
	const numbers = own.filter((c) => uploadType(c) !== 'VARCHAR');
	const quick = (alias: string) => `hash(${(numbers.length ? numbers : own).map((c) => `${alias}.${q(c.name)}::${uploadType(c)}`).join(', ')})`;
	return [
		...(await rows(`SELECT 'added' AS kind, '' AS key, ${valuesOf('n')} AS detail FROM ${next} n WHERE ${quick('n')} NOT IN (SELECT ${quick('c')} FROM ${current} c) LIMIT ${DIFF_ROWS_SHOWN}`)),
		...(await rows(`SELECT 'removed' AS kind, '' AS key, ${valuesOf('c')} AS detail FROM ${current} c WHERE ${quick('c')} NOT IN (SELECT ${quick('n')} FROM ${next} n) LIMIT ${DIFF_ROWS_SHOWN}`))
	];
}
