/**
 * Statements that write data, change settings, touch files or end the read-only transaction. Anything else goes to
 * the engine, which answers reads and reports typos with its own syntax error.
 */
const WRITE_STATEMENTS = new Set([
	'drop', 'delete', 'update', 'insert', 'alter', 'create', 'truncate', 'attach', 'detach', 'copy', 'export', 'import',
	'install', 'load', 'force', 'set', 'reset', 'pragma', 'call', 'checkpoint', 'begin', 'commit', 'rollback', 'abort',
	'start', 'end', 'vacuum', 'use', 'prepare', 'execute', 'deallocate', 'merge', 'upsert', 'replace', 'comment'
]);
const OBJECT_WORDS = new Set(['table', 'view', 'schema', 'macro', 'function', 'sequence', 'index', 'type', 'secret', 'database']);

export type GuardResult = { ok: true; statements: string[] } | { ok: false; message: string };

/** The SQL with comments removed and string literals emptied, so keywords inside them are not mistaken for code. */
function codeOnly(sql: string): string {
	return sql
		.replace(/--[^\n]*/g, ' ')
		.replace(/\/\*[\s\S]*?\*\//g, ' ')
		.replace(/'(?:[^']|'')*'/g, "''")
		.replace(/\$\$[\s\S]*?\$\$/g, "''");
}

/**
 * Refuses any statement that could change data or settings before it reaches the engine, naming the dataset it aimed
 * at. The runner also wraps every query in a transaction it rolls back, so a write that slipped past would not last.
 */
export function checkReadOnly(sql: string, datasets: readonly string[]): GuardResult {
	const statements = codeOnly(sql)
		.split(';')
		.map((s) => s.trim())
		.filter(Boolean);
	if (statements.length === 0) return { ok: false, message: 'Write a query first, e.g. SELECT * FROM it_spending LIMIT 10.' };
	for (const statement of statements) {
		const keyword = statement.match(/^\(*\s*([a-z_]+)/i)?.[1]?.toLowerCase() ?? '';
		if (!WRITE_STATEMENTS.has(keyword)) continue;
		const target = datasets.find((name) => new RegExp(`(^|[^a-z0-9_])"?${name}"?([^a-z0-9_]|$)`, 'i').test(statement));
		const words = statement.split(/\s+/);
		const objectAt = words.findIndex((word) => OBJECT_WORDS.has(word.toLowerCase()));
		const verb = words.slice(0, objectAt > 0 && objectAt < 5 ? objectAt + 1 : 1).join(' ').toUpperCase();
		return {
			ok: false,
			message: target
				? `${verb} refused: ${target} is a shipped dataset and is read-only here. Queries may only read (SELECT, WITH, DESCRIBE, SUMMARIZE…).`
				: `${verb} refused: this console only runs queries that read (SELECT, WITH, DESCRIBE, SUMMARIZE…), so no dataset can be changed.`
		};
	}
	return { ok: true, statements };
}
