import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '../datasets';
import type { Connector } from '../db/connector';
import { connectorWithDatasets } from '../db/node-datasets';
import { careerPathWages } from '../queries/career-path-wages';
import { occupationOutlook } from '../queries/occupation-outlook';
import { salaryLadder } from '../queries/salary-ladder';
import { borrowedOccupations, pathSteps } from './career-steps';
import { CAREER_CODES, FAMILIES, wagesView } from './careers';
import { outlookBars, outlookPeriods, stepBars } from './careers-charts';

let conn: Connector;
beforeAll(async () => {
	conn = await connectorWithDatasets(datasets.map((d) => d.name), [path.resolve('data') + path.sep]);
}, 120_000);

describe('career path steps', () => {
	it('flags exactly the steps that share the SOC code of the step before, on the chart', async () => {
		const steps = await careerPathWages(conn, 2024);
		const flagged = FAMILIES.flatMap((f) => pathSteps(steps, [], f)).filter((s) => s.sameOccupationAs);
		expect(flagged.map((s) => [s.role, s.soc_code, s.sameOccupationAs!.step])).toEqual([
			['Lead or senior developer', '15-1252', 1],
			['Senior or lead data scientist', '15-2051', 1]
		]);
		const bars = stepBars(pathSteps(steps, [], 'Software engineering'), 'Software engineering');
		expect(bars.map((b) => b.valueLabel)).toEqual(['$133,080 OEWS', '$133,080 OEWS', '$171,200 OEWS', '$206,420 OEWS']);
		expect(bars.map((b) => b.note)).toEqual([null, 'Same OEWS occupation as step 1: pay not told apart', null, null]);
	});

	it('shows for each step the ladder query’s median and n for its family × level, and says when n is under 100', async () => {
		const steps = await careerPathWages(conn, 2024);
		const ladder = await salaryLadder(conn, 'US');
		for (const family of FAMILIES)
			for (const step of pathSteps(steps, ladder, family)) {
				const levels = step.experience_levels.split(';');
				expect(step.survey.map((r) => r.experience_level), step.role).toEqual(levels);
				for (const r of step.survey) {
					const query = ladder.find((l) => l.job_family === step.job_family && l.experience_level === r.experience_level)!;
					expect([r.median, r.n], `${step.role} ${r.experience_level}`).toEqual([query.median, query.n]);
				}
			}
		const software = stepBars(pathSteps(steps, ladder, 'Software engineering'), 'Software engineering');
		expect(software[1].marks.map((m) => [m.label, m.valueLabel])).toEqual([['Survey Senior (n = 8,421)', '$185,600']]);
		const infra = stepBars(pathSteps(steps, ladder, 'Infrastructure & DevOps'), 'Infrastructure & DevOps');
		expect(infra[2].marks.map((m) => [m.label, m.valueLabel, m.thin])).toEqual([
			['Survey Senior (n = 4,392)', '$150,000', false],
			['Survey Executive (only n = 73)', '$181,000', true]
		]);
	});

	it('lands every step on an occupation the wage chart draws, Chief Executives added for the four chiefs', async () => {
		const view = await wagesView(conn, 2024);
		const codes = view.wages.map((w) => w.occ_code);
		for (const step of view.steps) expect(codes, step.role).toContain(step.soc_code);
		expect(borrowedOccupations(view.steps, CAREER_CODES)).toEqual([
			{ code: '11-1011', title: 'Chief Executives', roles: ['Chief information security officer', 'Chief data officer', 'Chief information officer', 'Chief technology officer'] }
		]);
	});
});

describe('projected growth', () => {
	it('groups bars by projection period, newest first, each period its own colour', async () => {
		const rows = await occupationOutlook(conn);
		const periods = outlookPeriods(rows);
		expect(periods.map((p) => p.period)).toEqual(['2024-34', '2023-33', '2022-32', '2020-30']);
		expect(new Set(periods.map((p) => p.color)).size).toBe(periods.length);
		const bars = outlookBars(rows);
		const periodOf = (key: string) => rows.find((r) => r.occupation === key)!.projection_period;
		expect(bars.map((b) => periodOf(b.key))).toEqual(['2024-34', '2024-34', '2024-34', '2024-34', '2023-33', '2022-32', '2022-32', '2020-30']);
		expect(bars.slice(0, 2).map((b) => b.valueLabel)).toEqual(['+34% (2024-34)', '+28.5% (2024-34)']);
		for (const bar of bars) expect(bar.color).toBe(periods.find((p) => p.period === periodOf(bar.key))!.color);
	});
});
