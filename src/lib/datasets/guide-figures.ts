import type { DatasetSpec } from './types';

/** The guide's own figures, quoted as printed: what the guide says, not primary data. */
export const guideFigures: DatasetSpec = {
	name: 'guide_figures',
	title: 'Figures quoted in the guide (not primary data)',
	files: ['guide_figures.csv'],
	description:
		'Job-posting, remote-work and earnings figures the guide “Mastering Technology Management” prints without naming a primary source, each with the sentence quoted as printed ' +
		'and the chart it is shown beside (labelled as the guide’s, apart from the primary figures).',
	columns: [
		{ name: 'figure_id', type: 'VARCHAR', description: 'Identifier of the figure' },
		{ name: 'chart', type: 'VARCHAR', description: 'Id of the chart it is shown beside' },
		{ name: 'belongs_to', type: 'VARCHAR', description: 'Topic: postings trend, remote shares or education premium' },
		{ name: 'figure_as_printed', type: 'VARCHAR', description: 'The figure in the guide’s own words' },
		{ name: 'value', type: 'DOUBLE', description: 'The number the guide prints, in unit; empty where it prints words only' },
		{ name: 'unit', type: 'VARCHAR', description: 'e.g. percent increase, USD/week' },
		{ name: 'refers_to', type: 'VARCHAR', description: 'What the figure measures' },
		{ name: 'period', type: 'VARCHAR', description: 'Period the guide names, or "not stated"' },
		{ name: 'population', type: 'VARCHAR', description: 'Who or what it covers, as far as the guide says' },
		{ name: 'quote', type: 'VARCHAR', description: 'The sentence exactly as printed' },
		{ name: 'source_title', type: 'VARCHAR', description: 'The guide' },
		{ name: 'source_pub_date', type: 'VARCHAR', description: 'Its publication date' },
		{ name: 'source_section', type: 'VARCHAR', description: 'Part of the guide the sentence is in' },
		{ name: 'source_line', type: 'INTEGER', description: 'Line of the sentence in the project’s copy of the guide (shared/seeds)' },
		{ name: 'notes', type: 'VARCHAR', description: 'What the guide leaves unsaid; how the quote was copied' }
	],
	key: ['figure_id'],
	sources: [{ title: 'Mastering Technology Management: Complete Guide for Technology Leaders (Igor K, 31 May 2024)', url: '' }],
	vintage: 'Guide published 31 May 2024',
	licence: 'Short quotations from the guide, with attribution.',
	caveats: [
		'Quoted in the guide, not primary data: the guide names no source, and no primary source in data/ confirms these figures.',
		'“Nearly a quarter” is words, not a number: its value is empty.'
	]
};
