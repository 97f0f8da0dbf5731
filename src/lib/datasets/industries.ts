import type { DatasetSpec } from './types';

/** The guide's industry profiles, with the CompTIA postings sector each one matches (if any). */
export const industries: DatasetSpec = {
	name: 'industries',
	title: 'Industry profiles (from the technology-management guide)',
	files: ['industry_profiles.csv'],
	description:
		'Where technology managers are in demand, by industry, and the expertise each industry requires, as the guide “Mastering Technology Management” describes it, ' +
		'with the CompTIA job-postings sector it matches and how closely.',
	columns: [
		{ name: 'industry', type: 'VARCHAR', description: 'Industry as the guide names it' },
		{ name: 'roles_in_demand', type: 'VARCHAR', description: 'Roles the guide says are in demand' },
		{ name: 'expertise_required', type: 'VARCHAR', description: 'Expertise the guide says the industry requires' },
		{ name: 'job_families', type: 'VARCHAR', description: 'Survey job families those roles belong to, ;-separated (our mapping)' },
		{ name: 'job_families_why', type: 'VARCHAR', description: 'Which named roles led to each family' },
		{ name: 'postings_sector', type: 'VARCHAR', description: 'CompTIA postings sector (NAICS) used to join job postings' },
		{ name: 'postings_match', type: 'VARCHAR', description: '"same sector", "parent sector" (the industry is part of it) or "no match"' },
		{ name: 'source_title', type: 'VARCHAR', description: 'The guide' },
		{ name: 'source_pub_date', type: 'VARCHAR', description: 'Its publication date' },
		{ name: 'notes', type: 'VARCHAR', description: 'Why the sector was matched as it was' }
	],
	key: ['industry'],
	sources: [{ title: 'Mastering Technology Management: Complete Guide for Technology Leaders (Igor K, 31 May 2024)', url: '' }],
	vintage: 'Guide published 31 May 2024',
	licence: 'Summarised from the guide with attribution; qualitative, no figures.',
	caveats: ['Qualitative statements from one guide, not survey data.', 'A "parent sector" match means postings cover a wider sector than the industry.']
};
