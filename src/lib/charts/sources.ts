import type { SourceItem } from './types';

/** The distinct pages some rows cite, oldest vintage first: what a chart drawn from them must name. */
export function sourceItems<Row>(rows: Row[], pick: (row: Row) => SourceItem): SourceItem[] {
	const byPage = new Map<string, SourceItem>();
	for (const row of rows) {
		const item = pick(row);
		const key = `${item.title}\n${item.url}`;
		const seen = byPage.get(key);
		// One page may give several periods: keep the range.
		if (!seen) byPage.set(key, { ...item });
		else if (!seen.vintage.split(', ').includes(item.vintage)) seen.vintage = `${seen.vintage}, ${item.vintage}`;
	}
	return [...byPage.values()].sort((a, b) => a.vintage.localeCompare(b.vintage) || a.title.localeCompare(b.title));
}

/** A source line names each page up to this many; more are counted and listed in the table view. */
export const NAMED_SOURCES = 3;
