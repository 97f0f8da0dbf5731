/**
 * GENERATED DATA for the ingest benchmark and tests, never shown as real figures: a salary-survey CSV in the
 * surveys' layout whose rows are drawn (seeded, so every run is the same file) from value pools.
 */
const titles = ['Data Scientist', 'Machine Learning Engineer', 'Security Engineer', 'DevOps Engineer', 'Data Engineer', 'Software Engineer', 'Security Analyst', 'Cloud Architect', 'Analytics Manager', 'Research Scientist'];
const levels = ['EN', 'MI', 'SE', 'EX'];
const types = ['FT', 'FT', 'FT', 'CT', 'PT', 'FL'];
const countries = ['US', 'US', 'US', 'GB', 'CA', 'DE', 'IN', 'FR', 'ES', 'NL'];
const sizes = ['S', 'M', 'L'];
const remote = [0, 0, 50, 100];

/** A small deterministic generator (mulberry32), so the benchmark reads the same bytes every time. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const GENERATED_HEADER = 'work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size';

/** `rows` generated survey rows as CSV text, header first. */
export function generatedSalaryCsv(rows: number, seed = 42): string {
	const next = random(seed);
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
	const lines = [GENERATED_HEADER];
	for (let i = 0; i < rows; i++) {
		const salary = 40_000 + Math.floor(next() * 260_000);
		const country = pick(countries);
		lines.push(`${2020 + Math.floor(next() * 6)},${pick(levels)},${pick(types)},${pick(titles)},${salary},USD,${salary},${country},${pick(remote)},${country},${pick(sizes)}`);
	}
	return lines.join('\n') + '\n';
}
