import type { ChartSource, SourceItem } from './types';

/** The distinct pages some rows cite, oldest vintage first: what a chart drawn from them must name. */
export function sourceItems<Row>(rows: Row[], pick: (row: Row) => SourceItem): SourceItem[] {
	const byPage = new Map<string, SourceItem>();
	for (const row of rows) {
		const item = pick(row);
		// An uploaded file may leave its source columns empty: nothing to name.
		if (!item.title && !item.url) continue;
		if (!item.title) item.title = item.url;
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

/** Named pages as a source line words them: `Title (vintage, published date); …`. */
const citedText = (items: SourceItem[]) => items.map((i) => `${i.title} (${i.vintage}${i.published ? `, published ${i.published}` : ''})`).join('; ');

/** How a source line words shipped figures (SourceLine draws the same with links): named pages, a count, or the one source. */
export function sourceText(source: ChartSource): string {
	const items = source.items ?? [];
	const vintage = `${source.vintageLabel ?? 'release'} ${source.vintage}`;
	if (items.length && items.length <= NAMED_SOURCES)
		return `${source.publisher}, ${citedText(items)}`;
	if (items.length) return `${source.publisher}, ${items.length} sources · ${vintage} (listed in the table view)`;
	return `${source.publisher}, ${source.title} · ${vintage}${source.published ? ` · published ${source.published}` : ''}`;
}

/** The distinct notes some rows carry, the most common first (an upload's note is on each of its rows). */
export function sourceNotes(notes: (string | null | undefined)[]): string[] {
	const counts = new Map<string, number>();
	for (const note of notes) {
		const text = note?.trim();
		if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
	}
	return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([text]) => text);
}

/** A source line names up to this many notes, the most common, and counts the rest (the table view shows each row's). */
export const NAMED_NOTES = 3;

/**
 * What the rows of an uploaded version say of themselves (the pages they cite, their notes), after the version line:
 * an upload's "TEST, not real data" must not read like the shipped source.
 */
export function uploadCitesText(source: ChartSource): string {
	const items = source.items ?? [];
	const notes = source.notes ?? [];
	const parts: string[] = [];
	if (items.length && items.length <= NAMED_SOURCES)
		parts.push(`the rows shown cite ${citedText(items)}`);
	else if (items.length) parts.push(`the rows shown cite ${items.length} sources (listed in the table view)`);
	else parts.push('the rows shown name no source');
	if (notes.length) parts.push(`their notes: ${notes.slice(0, NAMED_NOTES).map((n) => `“${n}”`).join('; ')}${moreNotes(notes.length)}`);
	return parts.join(' · ');
}

/** " and N more (in the table view)" when a source line leaves notes out. */
export const moreNotes = (count: number) => (count > NAMED_NOTES ? ` and ${count - NAMED_NOTES} more (in the table view)` : '');
