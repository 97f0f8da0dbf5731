import { describe, expect, it } from 'vitest';
import { assessmentText, emptyAssessment, FIELDS, SKILLS, strengthsAndGrowth } from './guide-assessment';

describe('the guide’s skill assessment', () => {
	it('quotes six skills and nine fields, as the guide lists them', () => {
		expect(SKILLS).toHaveLength(6);
		expect(FIELDS).toHaveLength(9);
		expect(FIELDS[0]).toBe('Leadership and Teambuilding');
	});

	it('sorts the person’s own ratings: highest are strengths, lowest growth areas, ties kept together', () => {
		const ratings = { 'Strategic Thinking': 4, 'Problem-Solving': 5, Communication: 2, 'Team Building': 5, Adaptability: 3, 'Ethical and Data-Driven Decision-Making': 2 };
		expect(strengthsAndGrowth(ratings)).toEqual({ strengths: ['Problem-Solving', 'Team Building'], growth: ['Communication', 'Ethical and Data-Driven Decision-Making'], complete: true });
		expect(strengthsAndGrowth({ ...ratings, Adaptability: undefined })).toMatchObject({ complete: false, strengths: [] });
		const same = Object.fromEntries(SKILLS.map((s) => [s, 3]));
		expect(strengthsAndGrowth(same)).toEqual({ strengths: [], growth: [...SKILLS], complete: true });
	});

	it('exports the answers as text, with where the exercise comes from', () => {
		const a = { ...emptyAssessment(), ratings: { Communication: 2 }, growthSkill: 'Communication' as const, action: 'Present the roadmap monthly', by: '2027-01-15', fields: ['Personal Development'] };
		const text = assessmentText(a, '2026-12-03');
		expect(text).toContain('Quick DIY Skill Assessment Excercise (from “Mastering Technology Management: Complete Guide for Technology Leaders”, Igor K, 2024-05-31), my answers of 2026-12-03');
		expect(text).toContain('  Communication: 2');
		expect(text).toContain('  Strategic Thinking: not rated');
		expect(text).toContain('Step 4, growth skill: Communication\n  Action: Present the roadmap monthly\n  By: 2027-01-15\n  Fields to learn from: Personal Development');
	});
});
