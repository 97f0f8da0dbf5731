import { jobPostingsNational } from './job-postings-national';
import type { DatasetSpec } from './types';

/** Tech job-posting statistics from CompTIA/Lightcast, Dice, Indeed Hiring Lab, Built In and Ladders. */
export const jobPostings: DatasetSpec = {
	name: 'job_postings',
	title: 'Tech job postings (CompTIA/Lightcast, Dice, Indeed, Built In, Ladders)',
	files: ['tech_job_postings.csv'],
	description:
		'Published job-posting metrics for tech occupations: monthly postings in total and by metro, industry, occupation and experience, remote shares and AI-skill shares, each with its publisher.',
	columns: [
		{ name: 'source_org', type: 'VARCHAR', description: 'Publisher (and underlying data provider)' },
		{ name: 'metric', type: 'VARCHAR', description: 'What is measured, e.g. new_job_postings_tech' },
		{ name: 'period', type: 'VARCHAR', description: 'Month, quarter, year or range as published' },
		{ name: 'geography', type: 'VARCHAR', description: 'e.g. US' },
		{ name: 'dimension', type: 'VARCHAR', description: 'Breakdown, e.g. "industry (NAICS): 52 Finance and Insurance"' },
		{ name: 'value', type: 'DOUBLE', description: 'The figure, in unit' },
		{ name: 'unit', type: 'VARCHAR', description: 'e.g. postings, percent; qualifiers such as "(approx.)" kept' },
		{ name: 'source_title', type: 'VARCHAR', description: 'Page the figure was read from' },
		{ name: 'source_url', type: 'VARCHAR', description: 'Its address' },
		{ name: 'source_pub_date', type: 'VARCHAR', description: 'Publication date, or "not shown"' },
		{ name: 'notes', type: 'VARCHAR', description: 'Provenance notes' }
	],
	key: ['source_org', 'metric', 'period', 'geography', 'dimension'],
	rollups: [jobPostingsNational],
	sources: [
		{ title: 'CompTIA Tech Jobs Report (Lightcast job-posting data)', url: 'https://www.comptia.org/content/research/tech-jobs-report' },
		{ title: 'Indeed Hiring Lab', url: 'https://www.hiringlab.org/' },
		{ title: 'Dice Tech Job Report', url: 'https://www.dice.com/recruiting/ebooks/dice-tech-job-report/' },
		{ title: 'Built In (remote job data, via PR Newswire)', url: 'https://www.wmbfnews.com/prnewswire/2023/02/23/70-applies-builtincom-go-remote-jobs-companies-are-decreasing-remote-opportunities/' },
		{ title: 'Ladders (remote tech job data, via InformationWeek)', url: 'https://www.itjobcafe.com/blogs/blogsdetails/?title=remote-work-jobs-still-growing-for-tech-pros&bid=5311' }
	],
	vintage: 'Periods 2020–2026',
	licence: 'Published figures quoted as facts with their source; each row cites its page.',
	caveats: [
		'Mixes metrics and units: always filter by metric and unit.',
		'One CompTIA row has a month without a year ("Feb (year n/s)"); its notes say so.'
	]
};
