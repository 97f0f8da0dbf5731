/** Where a failure happened, so the UI can say what went wrong in words. */
export type DbErrorKind = 'engine' | 'load' | 'query';

/** A failure the UI shows in place of a chart. */
export class DbError extends Error {
	constructor(
		readonly kind: DbErrorKind,
		message: string,
		readonly detail?: string
	) {
		super(message);
		this.name = 'DbError';
	}
}

const headline: Record<DbErrorKind, string> = {
	engine: 'The in-browser database could not start',
	load: 'The data could not be loaded',
	query: 'The query failed'
};

/** DuckDB's streaming API reports errors as JSON; show them as the text DuckDB prints everywhere else. */
function readable(message: string): string {
	if (!message.startsWith('{')) return message;
	try {
		const parsed = JSON.parse(message) as { exception_type?: string; exception_message?: string };
		return parsed.exception_message ? `${parsed.exception_type ?? ''} Error: ${parsed.exception_message}`.trim() : message;
	} catch {
		return message;
	}
}

/** Turns anything thrown into a DbError of the given kind, keeping the engine's own message as detail. */
export function toDbError(kind: DbErrorKind, cause: unknown): DbError {
	if (cause instanceof DbError) return cause;
	const detail = readable(cause instanceof Error ? cause.message : String(cause));
	return new DbError(kind, headline[kind], detail);
}
