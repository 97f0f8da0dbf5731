import { DuckDBTypeId, JSDuckDBValueConverter, type DuckDBDataChunk, type DuckDBResult, type DuckDBType } from '@duckdb/node-api';
import {
	Bool,
	DateDay,
	Field,
	Float32,
	Float64,
	Int16,
	Int32,
	Int64,
	Int8,
	List,
	makeData,
	RecordBatch,
	Schema,
	Struct,
	Table,
	TimestampMillisecond,
	Uint16,
	Uint32,
	Uint64,
	Uint8,
	Utf8,
	vectorFromArray,
	type DataType
} from 'apache-arrow';

/**
 * The Arrow type DuckDB-WASM hands over for a DuckDB column type, so a table from native DuckDB reads the same in
 * the browser (BIGINT stays a 64-bit integer, DATE a day). Types without a plain Arrow counterpart (DECIMAL, HUGEINT)
 * become doubles, as DuckDB's own JS conversion makes them; anything rarer becomes its text.
 */
export function arrowType(type: DuckDBType): DataType {
	switch (type.typeId) {
		case DuckDBTypeId.BOOLEAN:
			return new Bool();
		case DuckDBTypeId.TINYINT:
			return new Int8();
		case DuckDBTypeId.SMALLINT:
			return new Int16();
		case DuckDBTypeId.INTEGER:
			return new Int32();
		case DuckDBTypeId.BIGINT:
			return new Int64();
		case DuckDBTypeId.UTINYINT:
			return new Uint8();
		case DuckDBTypeId.USMALLINT:
			return new Uint16();
		case DuckDBTypeId.UINTEGER:
			return new Uint32();
		case DuckDBTypeId.UBIGINT:
			return new Uint64();
		case DuckDBTypeId.FLOAT:
			return new Float32();
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.DECIMAL:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
			return new Float64();
		case DuckDBTypeId.DATE:
			return new DateDay();
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_MS:
		case DuckDBTypeId.TIMESTAMP_NS:
		case DuckDBTypeId.TIMESTAMP_TZ:
			return new TimestampMillisecond();
		case DuckDBTypeId.LIST:
		case DuckDBTypeId.ARRAY:
			return new List(new Field('l', arrowType(type.valueType), true));
		case DuckDBTypeId.STRUCT:
			return new Struct(type.entryNames.map((name, i) => new Field(name, arrowType(type.entryTypes[i]), true)));
		default:
			return new Utf8();
	}
}

/** A JS value as DuckDB's converter gives it, made fit for the column's Arrow type. */
function arrowValue(value: unknown, type: DataType): unknown {
	if (value === null || value === undefined) return null;
	if (type instanceof Float64 && typeof value === 'bigint') return Number(value);
	if (type instanceof Utf8 && typeof value !== 'string') return typeof value === 'object' ? JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v)) : String(value);
	if (type instanceof List && Array.isArray(value)) return value.map((item) => arrowValue(item, type.children[0].type));
	if (type instanceof Struct && typeof value === 'object')
		return Object.fromEntries(type.children.map((field) => [field.name, arrowValue((value as Record<string, unknown>)[field.name], field.type)]));
	return value;
}

/** Collects a result's chunks into an Arrow table with one typed column per result column. */
export class ArrowCollector {
	readonly types: DataType[];
	private readonly columns: unknown[][];
	rows = 0;

	constructor(
		private readonly names: readonly string[],
		duckTypes: readonly DuckDBType[]
	) {
		this.types = duckTypes.map(arrowType);
		this.columns = names.map(() => []);
	}

	add(chunk: DuckDBDataChunk): void {
		for (let i = 0; i < this.names.length; i++) {
			const type = this.types[i];
			const target = this.columns[i];
			for (const value of chunk.convertColumnValues(i, JSDuckDBValueConverter)) target.push(arrowValue(value, type));
		}
		this.rows += chunk.rowCount;
	}

	/** The table, with the result's column names as they are (two columns may share one, as in DuckDB-WASM's). */
	table(): Table {
		const fields = this.names.map((name, i) => new Field(name, this.types[i], true));
		const children = this.columns.map((values, i) => vectorFromArray(values, this.types[i]).data[0]);
		const batch = new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: this.rows, nullCount: 0, children }));
		return new Table([batch]);
	}
}

/** Thrown when a result has more rows than the caller allows: it stops reading there rather than hold them all. */
export class TooManyRows extends Error {
	constructor(readonly limit: number) {
		super(`The result has more than ${limit.toLocaleString('en')} rows: aggregate or filter it (add GROUP BY, WHERE or LIMIT).`);
	}
}

/** A result read chunk by chunk into an Arrow table, refused past `maxRows`. */
export async function resultTable(result: DuckDBResult, maxRows = Infinity): Promise<Table> {
	const collector = new ArrowCollector(result.columnNames(), result.columnTypes());
	for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
		if (collector.rows + chunk.rowCount > maxRows) throw new TooManyRows(maxRows);
		collector.add(chunk);
	}
	return collector.table();
}
