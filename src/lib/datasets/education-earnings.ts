import type { DatasetSpec } from './types';

/** BLS median weekly earnings and unemployment by educational attainment, long format. */
export const educationEarnings: DatasetSpec = {
	name: 'education_earnings',
	title: 'Earnings and unemployment by education (BLS)',
	files: ['bls_earnings_by_education.csv'],
	description:
		'Median weekly earnings (and unemployment rates and percentiles where published) by educational attainment, for full-time wage and salary workers aged 25 and over.',
	columns: [
		{ name: 'period', type: 'VARCHAR', description: 'e.g. 2023 or 2023-Q4' },
		{ name: 'period_type', type: 'VARCHAR', description: 'year or quarter' },
		{ name: 'education_level', type: 'VARCHAR', description: 'Educational attainment as BLS names it' },
		{ name: 'measure', type: 'VARCHAR', description: 'e.g. median_weekly_earnings, unemployment_rate' },
		{ name: 'value', type: 'DOUBLE', description: 'The figure, in unit' },
		{ name: 'unit', type: 'VARCHAR', description: 'e.g. USD/week, percent' },
		{ name: 'source_title', type: 'VARCHAR', description: 'Page the figure was read from' },
		{ name: 'source_url', type: 'VARCHAR', description: 'Its address' },
		{ name: 'source_pub_date', type: 'VARCHAR', description: 'Publication date' },
		{ name: 'notes', type: 'VARCHAR', description: 'Provenance notes' }
	],
	key: ['period', 'education_level', 'measure'],
	sources: [{ title: 'BLS Current Population Survey: earnings and unemployment by educational attainment', url: 'https://www.bls.gov/emp/chart-unemployment-earnings-education.htm' }],
	vintage: '2004–2025',
	licence: 'US federal government work (public domain).',
	caveats: ['Always filter by measure and unit: the table mixes earnings, percentiles and unemployment rates.']
};
