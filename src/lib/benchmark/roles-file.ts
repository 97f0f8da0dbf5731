import type { DatasetSpec } from '../datasets/types';
import { uploadSchema, type UploadSchema } from '../checks/schemas';

/**
 * A person's own roles, to compare with the market: the columns of the template (static/templates/). Not a dataset
 * of the product: it is checked like an upload (same reader, mapping and row-level errors) but only ever held in this
 * page's engine, as `my_roles`.
 */
export const rolesFile: DatasetSpec = {
	name: 'my_roles',
	title: 'Your roles (this browser only)',
	files: [],
	description: 'One row per role: its title, SOC code if known, experience level, country and annual base pay.',
	columns: [
		{ name: 'role_title', type: 'VARCHAR', description: 'The role’s title as your organisation writes it, e.g. “Senior Backend Engineer”' },
		{ name: 'soc_code', type: 'VARCHAR', description: 'Its US SOC code (e.g. 15-1252), when known; else the title is matched by the job-family rules' },
		{ name: 'level', type: 'VARCHAR', description: 'Experience level as the surveys code it: EN entry, MI mid, SE senior, EX executive' },
		{ name: 'location', type: 'VARCHAR', description: 'Optional: country (ISO 3166 alpha-2, e.g. US); the survey answers are then that country’s residents' },
		{ name: 'base_pay', type: 'DOUBLE', description: 'Annual base pay in US dollars' }
	],
	sources: [],
	vintage: '',
	licence: 'Yours: never published, never sent to a server.',
	caveats: []
};

/** The template's header, the columns in order. */
export const TEMPLATE_HEADER = rolesFile.columns.map((c) => c.name).join(',');

/** The roles file as an upload schema: what it is checked against, with the names HR exports use for its columns. */
export const rolesSchema: UploadSchema = (() => {
	const schema = uploadSchema(rolesFile);
	const rules: Record<string, Partial<UploadSchema['columns'][number]>> = {
		role_title: { required: true, notNull: true, aliases: ['title', 'job_title', 'position', 'role', 'job'] },
		soc_code: { pattern: { regex: '\\d{2}-\\d{4}', expected: 'a SOC code, e.g. 15-1252' }, aliases: ['soc', 'occ_code', 'occupation_code'] },
		level: { required: true, notNull: true, allowed: ['EN', 'MI', 'SE', 'EX'], aliases: ['experience_level', 'experience', 'seniority', 'grade_level'] },
		location: { pattern: { regex: '[A-Z]{2}', expected: 'a country code, e.g. US' }, aliases: ['country', 'residence', 'employee_residence'] },
		base_pay: { kind: 'money', required: true, notNull: true, min: 0, aliases: ['base_salary', 'salary', 'annual_base', 'base', 'pay', 'salary_usd'] }
	};
	return { ...schema, columns: schema.columns.map((column) => ({ ...column, ...rules[column.name] })), totals: [], key: [] };
})();
