import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { connectorWithDatasets } from '../db/node-datasets';
import { autoChart } from './auto-chart';
import { neutralise, resultCsv, resultParquet } from './export';
import { resultData } from './result';

describe('explore results', () => {
	it('picks bars for category + number, lines for year + number, a figure for one number, scatter for two numbers', async () => {
		const conn = await connectorWithDatasets(['it_spending']);
		const shape = async (sql: string) => autoChart(resultData(await conn.query(sql)));
		expect(await shape("SELECT segment, spend_usd_bn FROM it_spending WHERE release_date = '2026-02' AND year = 2026")).toBe('bar');
		expect(await shape("SELECT year, spend_usd_bn FROM it_spending WHERE release_date = '2026-02' AND segment = 'Total'")).toBe('line');
		expect(await shape('SELECT count(*) AS n FROM it_spending')).toBe('number');
		expect(await shape('SELECT spend_usd_bn, growth_pct FROM it_spending')).toBe('scatter');
	});

	it('exports CSV with formula-like text neutralised, and Parquet that reads back the same', async () => {
		const conn = await connectorWithDatasets(['it_spending']);
		const data = resultData(await conn.query("SELECT '=HYPERLINK(1)' AS evil, 'plain' AS ok, 1.5::DOUBLE AS x, 2026 AS year, CAST(count(*) AS BIGINT) AS n FROM it_spending"));
		expect(resultCsv(data).split('\n')[1]).toBe("'=HYPERLINK(1),plain,1.5,2026,327");
		expect(neutralise('-1')).toBe("'-1");
		const rows = await parquetReadObjects({ file: resultParquet(data) });
		expect(rows).toEqual([{ evil: '=HYPERLINK(1)', ok: 'plain', x: 1.5, year: 2026, n: 327 }]);
	});
});
