import type { Table } from 'apache-arrow';

/** Arrow rows as plain objects, typed by the query that produced them (aggregates are cast in SQL, so no BigInt). */
export function arrowRows<T>(table: Table): T[] {
	return table.toArray().map((row) => ({ ...row.toJSON() }) as T);
}
