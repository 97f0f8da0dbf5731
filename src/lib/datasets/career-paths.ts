import type { DatasetSpec } from './types';

/** Career ladders that tie SOC occupations to the surveys' experience levels and job families. */
export const careerPaths: DatasetSpec = {
	name: 'career_paths',
	title: 'Career paths (ladders mapped to occupations and survey levels)',
	files: ['career_paths.csv'],
	description:
		'Steps from individual contributor to executive for software, security, data and infrastructure careers, each mapped to a SOC occupation code (for OEWS wages), ' +
		'to the salary surveys’ experience levels and to a job family, with the reason for each mapping.',
	columns: [
		{ name: 'path', type: 'VARCHAR', description: 'Name of the ladder' },
		{ name: 'step', type: 'INTEGER', description: 'Position on the ladder, 1 = first' },
		{ name: 'role', type: 'VARCHAR', description: 'Role at this step' },
		{ name: 'soc_code', type: 'VARCHAR', description: 'SOC code joining to occupations.occ_code' },
		{ name: 'soc_title', type: 'VARCHAR', description: 'SOC title' },
		{ name: 'experience_levels', type: 'VARCHAR', description: 'Survey experience levels, ;-separated (EN, MI, SE, EX)' },
		{ name: 'job_family', type: 'VARCHAR', description: 'Survey job family (see salary_survey)' },
		{ name: 'why', type: 'VARCHAR', description: 'Why the step maps as it does' }
	],
	key: ['path', 'step'],
	sources: [
		{ title: 'SOC 2018 codes (BLS)', url: 'https://www.bls.gov/soc/2018/major_groups.htm' },
		{ title: 'Mastering Technology Management: Complete Guide for Technology Leaders (Igor K, 31 May 2024)', url: '' }
	],
	vintage: 'SOC 2018; mapping written for this product',
	licence: 'Mapping maintained in this repository; SOC codes are US federal government work.',
	caveats: ['A mapping, not data: OEWS has no codes for leads, CTOs or CISOs, so those steps borrow the nearest code (see why).']
};
