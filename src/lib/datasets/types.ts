/** A column as DuckDB reads it from the shipped CSV. */
export interface ColumnSpec {
	name: string;
	type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE';
	description: string;
}

export interface SourceRef {
	title: string;
	url: string;
}

/** Everything the build step, the query layer and the catalogue need to know about one dataset. */
export interface DatasetSpec {
	/** Table name in DuckDB and file stem of the shipped Parquet file. */
	name: string;
	title: string;
	/** Source files under `data/`, the source of truth. */
	files: string[];
	/**
	 * SQL producing the table from its source files (given as quoted SQL paths). Without it the single CSV is read
	 * with the declared column types.
	 */
	select?: (paths: string[]) => string;
	/**
	 * Columns that identify a row: the build fails when two rows share them. Absent only where rows are observations
	 * with no identity of their own (survey answers).
	 */
	key?: string[];
	description: string;
	columns: ColumnSpec[];
	sources: SourceRef[];
	vintage: string;
	licence: string;
	caveats: string[];
	/**
	 * Pre-aggregations the views read instead of the table (Mosaic's data-cube idea), each one SQL over the table: a
	 * view of it in the browser, a table on the Atlas server rebuilt with every version, so a view of a dataset of
	 * millions of rows there answers from a few thousand. Same SQL either way: the parity suite holds them equal.
	 */
	rollups?: Rollup[];
}

export interface Rollup {
	name: string;
	description: string;
	sql: string;
}

/** What the build step writes to `catalog.json` for each dataset. */
export interface CatalogEntry extends Omit<DatasetSpec, 'files' | 'select'> {
	sourceFiles: string[];
	/** The gzipped Arrow file under `/datasets/` the browser loads. */
	dataFile: string;
	/** The whole table as CSV under `/datasets/`, for download. */
	csvFile: string;
	rowCount: number;
	bytes: number;
	/** The first rows, as the catalogue page previews them. */
	preview: Record<string, string | number | boolean | null>[];
}
