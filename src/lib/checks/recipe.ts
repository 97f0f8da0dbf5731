import { columnsStruct } from '../datasets/sql';
import type { Delimiter, Encoding } from './inspect';
import type { Mapping } from './mapping';
import type { UploadSchema } from './schemas';
import { literal, typedSql } from './validate-sql';
import { numberStyle } from './numbers';

/**
 * How an upload's file was read when its checks passed. A committed version keeps it beside the untouched file, so
 * a reload or another tab reads the same rows from the same bytes.
 */
export interface ReadRecipe {
	/** The file's name: some columns come from it (the year of a BLS file). */
	fileName: string;
	delimiter: Delimiter;
	encoding: Encoding;
	mapping: Mapping;
	/** The reader's type for each column of the file (c0…cn). */
	types: string[];
	/** Whether plain numbers were read natively (the fast path) rather than parsed from text. */
	typedRead: boolean;
	/** Numbers written with decimal commas ("6155,493"); absent in recipes stored before it was read. */
	decimalComma?: boolean;
}

/** DuckDB's reader over a registered file, its columns named c0…cn; `options` adds reader settings. */
export function readCsvSql(file: string, recipe: Pick<ReadRecipe, 'types' | 'delimiter' | 'encoding'>, options = ''): string {
	const columns = columnsStruct(recipe.types.map((type, i) => ({ name: `c${i}`, type })));
	return `read_csv(${literal(file)}, auto_detect = false, header = true, delim = ${literal(recipe.delimiter)}, quote = '"', escape = '"',
		columns = ${columns}, encoding = ${literal(recipe.encoding)}${options})`;
}

/** The dataset's rows from a file staged raw in table `raw` as `recipe` says: typed, with derived columns added. */
export function datasetRowsSql(schema: UploadSchema, recipe: ReadRecipe, raw: string, rulesFile: string): string {
	const typed = typedSql(schema, recipe.mapping, numberStyle(recipe.delimiter, recipe.decimalComma), recipe.fileName, recipe.typedRead, raw);
	const derived = schema.derive ? schema.derive('typed', rulesFile) : 'SELECT * FROM typed';
	return `WITH typed AS (${typed}) SELECT ${schema.columns.map((c) => `"${c.name}"`).join(', ')} FROM (${derived})`;
}
