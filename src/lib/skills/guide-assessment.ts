/**
 * The guide's "Quick DIY Skill Assessment" and its nine learning fields, quoted as the guide prints them (typos
 * kept: "Excercise", "skills skills"). Nothing here scores anything: the person rates, the page sorts their ratings.
 */
export const GUIDE = {
	title: 'Mastering Technology Management: Complete Guide for Technology Leaders',
	author: 'Igor K',
	published: '2024-05-31',
	section: 'Part 2: Upskilling and Career Advancement for Technology Management Professionals',
	/** Lines of the project's copy of the guide (the same copy data/guide_figures.csv cites). */
	lines: { fields: '264–274', assessment: '320–345' }
} as const;

export const ASSESSMENT_TITLE = 'Quick DIY Skill Assessment Excercise';
export const REQUIREMENTS = 'Objective self-assessment.';
export const STEP_1 = 'Write down these six core tech leadership skills skills and rank yourself (1-5) on each skill:';
export const SKILLS = [
	'Strategic Thinking',
	'Problem-Solving',
	'Communication',
	'Team Building',
	'Adaptability',
	'Ethical and Data-Driven Decision-Making'
] as const;
export type Skill = (typeof SKILLS)[number];
export const STEP_2 = 'Identify strengths and areas with the most growth potential.';
export const STEP_3_QUESTIONS = [
	'Which of these skills do you believe are the toughest to master?',
	'Are there any we haven’t mentioned that you think are vital?',
	'If there are, what are they (write them down under the ones we listed)?'
] as const;
export const STEP_4 = 'Pick one ‘growth’ skill and commit to one specific action to improve it in the next month.';

export const FIELDS_INTRO = 'So the only way to develop skills on short notice is to learn from experts in fields you are about to tackle. For your reference, there are 9 of them:';
export const FIELDS = [
	'Leadership and Teambuilding',
	'Business Fundamentals',
	'Technology Strategy and Business Goals',
	'Personal Development',
	'Product Development',
	'Information Management',
	'Finance and Funding',
	'Data Science and Analytics',
	'Digital Trends and Innovation'
] as const;

/** A person's answers: ratings 1–5, the discussion, the one growth skill with its action and date, the fields chosen. */
export interface Assessment {
	ratings: Partial<Record<Skill, number>>;
	answers: string[];
	otherSkills: string;
	growthSkill: Skill | '';
	action: string;
	by: string;
	fields: string[];
}

export const emptyAssessment = (): Assessment => ({ ratings: {}, answers: STEP_3_QUESTIONS.map(() => ''), otherSkills: '', growthSkill: '', action: '', by: '', fields: [] });

/**
 * Step 2 by the person's own numbers: the skills rated highest are the strengths, the lowest the growth areas (all of
 * them when tied). No weighting, no score: only the ratings, sorted.
 */
export function strengthsAndGrowth(ratings: Assessment['ratings']): { strengths: Skill[]; growth: Skill[]; complete: boolean } {
	const rated = SKILLS.filter((s) => typeof ratings[s] === 'number');
	if (rated.length < SKILLS.length) return { strengths: [], growth: [], complete: false };
	const values = rated.map((s) => ratings[s]!);
	const top = Math.max(...values);
	const bottom = Math.min(...values);
	if (top === bottom) return { strengths: [], growth: [...rated], complete: true };
	return { strengths: rated.filter((s) => ratings[s] === top), growth: rated.filter((s) => ratings[s] === bottom), complete: true };
}

/** The assessment as text, for a person's own notes (the export). */
export function assessmentText(a: Assessment, today: string): string {
	const { strengths, growth } = strengthsAndGrowth(a.ratings);
	return [
		`${ASSESSMENT_TITLE} (from “${GUIDE.title}”, ${GUIDE.author}, ${GUIDE.published}), my answers of ${today}`,
		'',
		'Step 1, ratings (1-5):',
		...SKILLS.map((s) => `  ${s}: ${a.ratings[s] ?? 'not rated'}`),
		'',
		`Step 2, strengths: ${strengths.join(', ') || '—'}`,
		`Step 2, growth areas: ${growth.join(', ') || '—'}`,
		'',
		'Step 3:',
		...STEP_3_QUESTIONS.map((q, i) => `  ${q}\n    ${a.answers[i] || '—'}`),
		`  Other vital skills: ${a.otherSkills || '—'}`,
		'',
		`Step 4, growth skill: ${a.growthSkill || '—'}`,
		`  Action: ${a.action || '—'}`,
		`  By: ${a.by || '—'}`,
		`  Fields to learn from: ${a.fields.join(', ') || '—'}`
	].join('\n');
}
