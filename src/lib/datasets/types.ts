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
	/** CSV under `data/`, the source of truth. */
	file: string;
	description: string;
	columns: ColumnSpec[];
	sources: SourceRef[];
	vintage: string;
	licence: string;
	caveats: string[];
}

/** What the build step writes to `catalog.json` for each dataset. */
export interface CatalogEntry extends Omit<DatasetSpec, 'file'> {
	sourceFile: string;
	/** The gzipped DuckDB database file under `/data/`. */
	dataFile: string;
	rowCount: number;
	bytes: number;
}
