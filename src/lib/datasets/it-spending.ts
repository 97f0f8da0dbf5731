import { resolveSpendingDuplicates } from './spending-duplicates';
import { columnsStruct } from './sql';
import type { ColumnSpec, DatasetSpec } from './types';

const sourceColumns: ColumnSpec[] = [
	{ name: 'segment', type: 'VARCHAR', description: 'Market segment, or Total ("Enterprise Software" was renamed "Software" in 2022)' },
	{ name: 'year', type: 'INTEGER', description: 'Calendar year the figure is for' },
	{ name: 'spend_usd_bn', type: 'DOUBLE', description: 'Spending in billions of US dollars; empty where the release did not publish it' },
	{ name: 'growth_pct', type: 'DOUBLE', description: 'Growth on the previous year in percent; empty where the release did not publish it' },
	{ name: 'kind', type: 'VARCHAR', description: '"actual" for years before the release year (still an estimate), "forecast" otherwise' },
	{ name: 'release_date', type: 'VARCHAR', description: 'Release vintage, YYYY-MM' },
	{ name: 'source_title', type: 'VARCHAR', description: 'Title of the press release or the repost it was read from' },
	{ name: 'source_url', type: 'VARCHAR', description: 'Where the figure was read' },
	{ name: 'source_pub_date', type: 'VARCHAR', description: 'Publication date, or "not shown (…)" with what is known' },
	{ name: 'notes', type: 'VARCHAR', description: 'Provenance notes for the row' }
];

/** Gartner's worldwide IT spending by segment, every press-release vintage from Jan 2020 to Apr 2026. */
export const itSpending: DatasetSpec = {
	name: 'it_spending',
	title: 'Worldwide IT spending by segment (Gartner, every release)',
	files: ['gartner_it_spending_releases.csv'],
	description:
		'Spending and annual growth for Data Center Systems, Software, Devices, IT Services, Communications Services and the total, ' +
		'as published in each Gartner quarterly forecast release. Each release covers one to three years.',
	key: ['release_date', 'segment', 'year'],
	columns: [
		...sourceColumns,
		{
			name: 'also_published',
			type: 'VARCHAR',
			description: 'Where the release’s figures were read from two sources: the other source’s figures and page, and which figure was taken from it (rule in data/SOURCES.md)'
		}
	],
	select: ([csv]) => resolveSpendingDuplicates(`(SELECT row_number() OVER () AS row_no, * FROM read_csv(${csv}, header = true, columns = ${columnsStruct(sourceColumns)}))`),
	sources: [{ title: 'Gartner worldwide IT spending forecast press releases (2020–2026)', url: 'https://www.gartner.com/en/newsroom' }],
	vintage: 'Releases January 2020 – April 2026',
	licence: 'Published figures quoted as facts with their source (Gartner); each row cites the release it was read from.',
	caveats: [
		'Gartner revises every quarter, sometimes a lot: compare segments within one release.',
		'Some releases omit a segment, a spending figure or a growth figure; the April 2026 release is incomplete.',
		'Tables were read from news reposts of the press releases, so some publication dates are "not shown".'
	]
};
