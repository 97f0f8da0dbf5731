import type { CatalogEntry } from '../datasets/types';

/** What the console needs to know of a dataset: its name, columns and sources. */
export interface ExploreTable {
	name: string;
	title: string;
	rows: number;
	columns: { name: string; type: string }[];
	sources: { title: string; url: string }[];
	vintage: string;
}

export function exploreTables(datasets: CatalogEntry[]): ExploreTable[] {
	return datasets.map((d) => ({ name: d.name, title: d.title, rows: d.rowCount, columns: d.columns.map((c) => ({ name: c.name, type: c.type })), sources: d.sources, vintage: d.vintage }));
}
