import type { UploadColumn } from './schemas';

/** Header names compare without case, spaces or punctuation: `Salary (USD)`, `salary_usd` and `SALARY USD` agree. */
export const normaliseHeader = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** For each dataset column, the index of the file's header that fills it (or null). */
export type Mapping = Record<string, number | null>;

/** Matches the file's headers to the dataset's columns by name, then by known aliases. */
export function autoMapping(headers: string[], columns: UploadColumn[]): Mapping {
	const byName = new Map<string, number>();
	headers.forEach((header, i) => {
		const key = normaliseHeader(header);
		if (!byName.has(key)) byName.set(key, i);
	});
	const mapping: Mapping = {};
	const used = new Set<number>();
	for (const column of columns) {
		const names = [column.name, ...(column.aliases ?? [])].map(normaliseHeader);
		const index = names.map((n) => byName.get(n)).find((i) => i !== undefined && !used.has(i));
		mapping[column.name] = index ?? null;
		if (index !== undefined) used.add(index);
	}
	return mapping;
}

/** Headers no column takes: reported to the analyst, never read. */
export function extraHeaders(headers: string[], mapping: Mapping): string[] {
	const used = new Set(Object.values(mapping));
	return headers.filter((_, i) => !used.has(i));
}

/** Pairs of headers that name the same column once case, spaces and punctuation are ignored. */
export function duplicateHeaders(headers: string[]): { name: string; positions: number[] }[] {
	const seen = new Map<string, number[]>();
	headers.forEach((header, i) => {
		const key = normaliseHeader(header);
		if (key) seen.set(key, [...(seen.get(key) ?? []), i]);
	});
	return [...seen.values()].filter((p) => p.length > 1).map((positions) => ({ name: headers[positions[0]], positions }));
}
