import { formatUsd } from '../charts/formats';
import { format, schemeSet2, schemeTableau10 } from 'd3';
import type { BarDatum, LineSeries, RangeDatum, StackDatum } from '../charts/types';
import { THIN_SAMPLE } from '../charts/caveats';
import type { StepDatum } from '../charts/step-bars';
import type { CareerStepRow } from '../queries/career-path-wages';
import type { EducationEarningsRow } from '../queries/education-earnings';
import type { OutlookRow } from '../queries/occupation-outlook';
import type { OccupationWageRow } from '../queries/occupation-wages';
import type { LadderRow, RemoteRow } from '../queries/salary-ladder';
import type { PathStep } from './career-steps';
import { FAMILIES, LEVEL_NAMES, LEVELS } from './careers';

const usd = formatUsd;
export const usdShort = (v: number) => (v >= 1000 ? `$${format('~r')(v / 1000)}k` : `$${v}`);
const count = format(',');

const familyColors = Object.fromEntries(FAMILIES.map((family, i) => [family, schemeTableau10[i]]));
export const familyColor = (family: string) => familyColors[family] ?? '#888';

/** OEWS wage distribution rows, highest median first, all occupations last as the reference. */
export function wageRanges(rows: OccupationWageRow[], steps: CareerStepRow[] = []): RangeDatum[] {
	const sorted = [...rows].sort((a, b) => (a.occ_code === '00-0000' ? 1 : b.occ_code === '00-0000' ? -1 : (b.annual_median ?? 0) - (a.annual_median ?? 0)));
	return sorted.map((r) => {
		const topCoded = r.annual_p90_flag === 'top_coded';
		return {
			key: r.occ_code,
			label: r.occ_title,
			p10: r.annual_p10,
			p25: r.annual_p25,
			median: r.annual_median,
			p75: r.annual_p75,
			p90: r.annual_p90,
			topCoded,
			reference: r.occ_code === '00-0000',
			color: r.occ_code === '00-0000' ? 'var(--axis)' : '#76b7b2',
			valueLabel: r.annual_median === null ? 'n/a' : usd(r.annual_median),
			detail: [
				`SOC ${r.occ_code} · OEWS May ${r.year}`,
				`Median ${r.annual_median === null ? 'not available' : usd(r.annual_median)}`,
				`Middle half ${r.annual_p25 === null ? 'n/a' : usd(r.annual_p25)} – ${r.annual_p75_flag === 'top_coded' ? 'at or above the BLS top-coding limit' : r.annual_p75 === null ? 'n/a' : usd(r.annual_p75)}`,
				`10th–90th percentile ${r.annual_p10 === null ? 'n/a' : usd(r.annual_p10)} – ${topCoded ? 'at or above the BLS top-coding limit' : r.annual_p90 === null ? 'n/a' : usd(r.annual_p90)}`,
				`Employment ${r.employment === null ? 'not available' : count(r.employment)} (wage and salary workers)`,
				...stepRoles(steps, r.occ_code)
			]
		};
	});
}

const stepRoles = (steps: CareerStepRow[], code: string) => {
	const roles = [...new Set(steps.filter((s) => s.soc_code === code).map((s) => s.role))];
	return roles.length ? [`Career-path steps counted here: ${roles.join(', ')}`] : [];
};

/** Median salary by experience level for the compared families, one line each. */
export function ladderSeries(rows: LadderRow[], families: string[]): LineSeries[] {
	return families.map((family) => ({
		key: family,
		label: family,
		color: familyColor(family),
		points: LEVELS.flatMap((level, index) => {
			const row = rows.find((r) => r.job_family === family && r.experience_level === level);
			return row ? [{ x: index, y: row.median, forecast: false, label: `${usd(row.median)} median (n = ${count(row.n)}; middle half ${usd(row.p25)}–${usd(row.p75)})` }] : [];
		})
	}));
}
export const levelName = (index: number) => LEVEL_NAMES[LEVELS[index]] ?? '';

const answers = (r: LadderRow) => `${r.n < THIN_SAMPLE ? 'only ' : ''}n = ${count(r.n)}`;
/** A survey median for a step, named as the other source it is, with its answers (few when under 100). */
export const surveyLabel = (r: LadderRow) => `Survey ${LEVEL_NAMES[r.experience_level]}: ${usd(r.median)} (${answers(r)})`;

/** Why a step's OEWS bar is not its own pay, said on the chart; null when the step has its own occupation. */
export const sameOccupationNote = (s: PathStep) =>
	s.sameOccupationAs ? `Same OEWS occupation as step ${s.sameOccupationAs.step}: pay not told apart` : null;

/** One career path's steps: a bar of the OEWS median of each step's occupation, its survey level medians under it. */
export function stepBars(steps: PathStep[], family: string): StepDatum[] {
	return steps.map((s) => ({
		key: `${s.step}`,
		selectKey: s.soc_code,
		label: `${s.step}. ${s.role}`,
		value: s.annual_median,
		color: familyColor(family),
		valueLabel: s.annual_median === null ? (s.annual_median_flag === 'top_coded' ? '≥ top-code' : 'n/a') : `${usd(s.annual_median)} OEWS`,
		note: sameOccupationNote(s),
		marks: s.survey.map((r) => ({ key: r.experience_level, value: r.median, valueLabel: usd(r.median), label: `Survey ${LEVEL_NAMES[r.experience_level]} (${answers(r)})`, thin: r.n < THIN_SAMPLE })),
		detail: [
			`OEWS ${s.soc_code} ${s.soc_title}: ${s.annual_median === null ? 'n/a' : usd(s.annual_median)} (BLS, all wage earners in the occupation)`,
			...s.survey.map((r) => `${surveyLabel(r)}, ${s.job_family}; middle half ${usd(r.p25)}–${usd(r.p75)} (self-reported)`),
			s.why
		]
	}));
}
export const pathName = (steps: CareerStepRow[], family: string) => steps.find((s) => s.step === 1 && s.job_family === family)?.path ?? family;

export const REMOTE_PARTS = ['0', '50', '100'];
export const REMOTE_LABELS: Record<string, string> = { '0': 'On-site', '50': 'Hybrid', '100': 'Remote' };
export const REMOTE_COLORS: Record<string, string> = { '0': schemeSet2[2], '50': schemeSet2[1], '100': schemeSet2[0] };

/** On-site / hybrid / remote shares by survey year for one family (years with at least 30 answers). */
export function remoteStacks(rows: RemoteRow[], family: string): StackDatum[] {
	const years = [...new Set(rows.filter((r) => r.job_family === family).map((r) => r.work_year))].sort();
	return years
		.map((year) => {
			const parts = REMOTE_PARTS.map((key) => ({
				key,
				value: rows.find((r) => r.job_family === family && r.work_year === year && String(r.remote_ratio) === key)?.n ?? 0
			}));
			return { key: String(year), label: String(year), parts, total: parts.reduce((sum, p) => sum + p.value, 0) };
		})
		.filter((d) => d.total >= 30);
}

/** Projection periods, newest first, each with its colour: bars of different periods are never read on one scale unmarked. */
export function outlookPeriods(rows: OutlookRow[]): { period: string; color: string }[] {
	const periods = [...new Set(rows.map((r) => r.projection_period))].sort().reverse();
	return periods.map((period, i) => ({ period, color: schemeTableau10[i % 10] }));
}

/** Projected growth, grouped by projection period (newest first), fastest first within a period, coloured by period. */
export function outlookBars(rows: OutlookRow[]): BarDatum[] {
	const periods = outlookPeriods(rows);
	const rank = (r: OutlookRow) => periods.findIndex((p) => p.period === r.projection_period);
	return [...rows]
		.sort((a, b) => rank(a) - rank(b) || b.projected_growth_pct - a.projected_growth_pct)
		.map((r) => ({
			key: r.occupation,
			label: r.occupation.length > 44 ? `${r.occupation.slice(0, 42)}…` : r.occupation,
			value: r.projected_growth_pct,
			color: periods[rank(r)].color,
			valueLabel: `${r.projected_growth_pct > 0 ? '+' : ''}${r.projected_growth_pct}% (${r.projection_period})`,
			detail: [r.occupation, `Projected change ${r.projection_period}: ${r.projected_growth_pct}%`, `Median pay ${r.median_annual_wage_usd === null ? 'n/a' : usd(r.median_annual_wage_usd)}`, `Source: ${r.source_title}`]
		}));
}

export function educationBars(rows: EducationEarningsRow[]): BarDatum[] {
	return rows.map((r) => ({
		key: r.education_level,
		label: r.education_level,
		value: r.value,
		color: '#edc948',
		valueLabel: `${usd(r.value)}/week`,
		detail: [`${r.period}: ${usd(r.value)} a week`, `Source: ${r.source_title} (${r.source_pub_date})`]
	}));
}
