import type { Connector } from '../db/connector';
import { arrowRows } from './arrow-rows';

export interface GuideFigureRow {
	figure_id: string;
	chart: string;
	figure_as_printed: string;
	value: number | null;
	unit: string;
	refers_to: string;
	period: string;
	quote: string;
	source_title: string;
	source_pub_date: string;
	source_section: string;
	source_line: number;
}

/** The guide's figures shown beside one chart (its id), in the order the guide prints them. */
export function guideFiguresSql(): string {
	return `
		SELECT figure_id, chart, figure_as_printed, value, unit, refers_to, period, quote, source_title, source_pub_date, source_section, source_line
		FROM guide_figures WHERE chart = ?
		ORDER BY source_line, position(figure_as_printed IN quote), figure_id`;
}

export async function guideFigures(conn: Connector, chart: string): Promise<GuideFigureRow[]> {
	return arrowRows<GuideFigureRow>(await conn.query(guideFiguresSql(), [chart]));
}
