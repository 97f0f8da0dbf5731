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

/** Turns anything thrown into a DbError of the given kind, keeping the engine's own message as detail. */
export function toDbError(kind: DbErrorKind, cause: unknown): DbError {
	if (cause instanceof DbError) return cause;
	const detail = cause instanceof Error ? cause.message : String(cause);
	return new DbError(kind, headline[kind], detail);
}
