import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { autoChart } from './auto-chart';
import { columnFormat, encodingFor, lineGroups } from './chart-encoding';
import { resultData, resultDataInSteps } from './result';

let conn: Connector;
beforeAll(async () => {
	conn = await connectorWithDatasets(['it_spending', 'salary_survey']);
});
const run = async (sql: string) => resultData(await conn.query(sql));

describe('the console charts what was asked', () => {
	it('SELECT * FROM salary_survey: raw rows repeat each year, so not a line but a scatter of a year against a number, split by a column of few values', async () => {
		const data = await run('SELECT * FROM salary_survey');
		expect(data.rows).toHaveLength(136_221);
		const line = lineGroups(data, encodingFor(data, 'line'), data.rows.slice(0, 10_000));
		expect(line.groups).toEqual([]);
		// The first 10,000 rows are all one survey's: the first column of a few values is the experience level.
		expect(line.repeated).toMatch(/^work_year \d{4} \(experience_level /);
		expect(autoChart(data)).toBe('scatter');
		expect(encodingFor(data, 'scatter')).toEqual({ x: 'work_year', y: 'salary', series: 'experience_level' });
	});

	it('a GROUP BY with a count and a median: either measure can be drawn, the count by default, and a name that is not a column falls back', async () => {
		const data = await run('SELECT job_family, count(*) AS n, median(salary_in_usd) AS median_usd FROM salary_survey GROUP BY ALL ORDER BY n DESC');
		expect(autoChart(data)).toBe('bar');
		expect(encodingFor(data, 'bar')).toEqual({ x: 'job_family', y: 'n', series: null });
		expect(encodingFor(data, 'bar', { y: 'median_usd' })).toEqual({ x: 'job_family', y: 'median_usd', series: null });
		expect(encodingFor(data, 'bar', { y: 'job_family; DROP TABLE x' }).y).toBe('n');
	});

	it('a year and a value per segment: one line per segment, each year once', async () => {
		const data = await run("SELECT year, segment, spend_usd_bn FROM it_spending WHERE release_date = '2026-02' AND segment <> 'Total' ORDER BY segment, year");
		expect(autoChart(data)).toBe('line');
		const encoding = encodingFor(data, 'line');
		expect(encoding).toEqual({ x: 'year', y: 'spend_usd_bn', series: 'segment' });
		const { groups, repeated } = lineGroups(data, encoding);
		expect(repeated).toBeNull();
		expect(groups.find((g) => g.key === 'Data Center Systems')?.points).toEqual([
			{ x: 2025, y: 496.231 },
			{ x: 2026, y: 653.403 }
		]);
		// With no series, the same rows repeat each year: named, not drawn.
		expect(lineGroups(data, { ...encoding, series: null }).repeated).toBe('year 2025');
	});

	it('reads years as years, money with its unit, shares as percentages', () => {
		expect(columnFormat({ name: 'work_year', kind: 'time' })(2024)).toBe('2024');
		expect(columnFormat({ name: 'median_usd', kind: 'number' })(152500)).toBe('$153k');
		expect(columnFormat({ name: 'median_usd', kind: 'number' }, true)(152500.5)).toBe('$152,500.5');
		expect(columnFormat({ name: 'spend_usd_bn', kind: 'number' })(6155.493)).toBe('$6.16T');
		expect(columnFormat({ name: 'spend_usd_bn', kind: 'number' }, true)(6155.493)).toBe('$6,155.493B');
		expect(columnFormat({ name: 'growth_pct', kind: 'number' })(10.8)).toBe('10.8%');
		expect(columnFormat({ name: 'n', kind: 'number' })(136221)).toBe('136.22K');
		expect(columnFormat({ name: 'n', kind: 'number' }, true)(136221)).toBe('136,221');
	});

	it('converts a result in steps to exactly what one pass gives', async () => {
		const table = await conn.query('SELECT * FROM salary_survey LIMIT 12345');
		expect(await resultDataInSteps(table, 1000)).toEqual(resultData(table));
	});
});
