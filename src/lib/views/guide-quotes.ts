import type { QuotedFigures } from '../charts/types';
import type { GuideFigureRow } from '../queries/guide-figures';

export const GUIDE_LABEL = 'As quoted in the guide (May 2024), not in the primary data';

const where = (r: GuideFigureRow) => `${r.source_section}, line ${r.source_line}`;

/** The guide's figures for one chart as a labelled note: each sentence once, each figure in the guide's words. */
export function guideQuoted(rows: GuideFigureRow[]): QuotedFigures | null {
	if (!rows.length) return null;
	const sentences = [...new Map(rows.map((r) => [r.quote, { text: r.quote, where: where(r) }])).values()];
	return {
		label: GUIDE_LABEL,
		source: { title: rows[0].source_title, url: '', vintage: 'quoted, not primary data', published: rows[0].source_pub_date },
		quotes: sentences,
		figures: rows.map((r) => ({ figure: r.figure_as_printed, refersTo: r.refers_to, period: r.period, where: where(r) }))
	};
}
