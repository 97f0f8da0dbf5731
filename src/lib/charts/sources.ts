import type { ChartSource, SourceItem } from './types';

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

/** How a source line words shipped figures (SourceLine draws the same with links): named pages, a count, or the one source. */
export function sourceText(source: ChartSource): string {
	const items = source.items ?? [];
	const vintage = `${source.vintageLabel ?? 'release'} ${source.vintage}`;
	if (items.length && items.length <= NAMED_SOURCES)
		return `${source.publisher}, ${items.map((i) => `${i.title} (${i.vintage}${i.published ? `, published ${i.published}` : ''})`).join('; ')}`;
	if (items.length) return `${source.publisher}, ${items.length} sources · ${vintage} (listed in the table view)`;
	return `${source.publisher}, ${source.title} · ${vintage}${source.published ? ` · published ${source.published}` : ''}`;
}
