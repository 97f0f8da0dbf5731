import type { PlacementInfo, PublishedVersion } from '../versions/published';

/** Where a dataset's queries run: in each visitor's browser (DuckDB-WASM) or on the Atlas server (native DuckDB). */
export type Placement = 'browser' | 'server';

/** A placement a publisher chose for a dataset, overriding the size rule. */
export interface PlacementSetting {
	placement: Placement;
	by: string;
	at: string;
}

export type { PlacementInfo };

/**
 * At or above this many rows a published version is queried on the server unless a publisher says otherwise: a tab
 * holds a few million rows comfortably (the 1 GB upload cap is about 10M rows of job postings), and every visitor would
 * download them.
 */
export const SERVER_ROWS = 2_000_000;

const day = (iso: string) => iso.slice(0, 10);

/** Each dataset's placement: the publisher's setting, else the size rule on its current version. */
export function placements(published: Record<string, PublishedVersion>, set: Record<string, PlacementSetting>, names: readonly string[]): Record<string, PlacementInfo> {
	return Object.fromEntries(
		names.map((name) => {
			const setting = set[name];
			if (setting) return [name, { placement: setting.placement, chosen: setting.placement, why: `set by ${setting.by} on ${day(setting.at)}` }];
			const rows = published[name]?.rows ?? 0;
			return [
				name,
				rows >= SERVER_ROWS
					? { placement: 'server', chosen: 'auto', why: `${rows.toLocaleString('en')} rows; ${SERVER_ROWS.toLocaleString('en')} or more are queried on the server` }
					: { placement: 'browser', chosen: 'auto', why: 'small enough for the browser' }
			];
		})
	);
}
