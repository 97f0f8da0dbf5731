import type { Connector } from '../db/connector';
import { careerPathWages, type CareerStepRow } from '../queries/career-path-wages';
import { educationEarnings, type EducationEarningsRow } from '../queries/education-earnings';
import { guideFigures, type GuideFigureRow } from '../queries/guide-figures';
import { occupationOutlook, type OutlookRow } from '../queries/occupation-outlook';
import { occupationWages, type OccupationWageRow } from '../queries/occupation-wages';
import { remoteCounts, salaryLadder, type LadderRow, type Region, type RemoteRow } from '../queries/salary-ladder';

export const OEWS_YEARS = [2022, 2023, 2024] as const;
export const FAMILIES = ['Software engineering', 'Security', 'Data & ML', 'Infrastructure & DevOps', 'Management'] as const;
export const LEVELS = ['EN', 'MI', 'SE', 'EX'] as const;
export const LEVEL_NAMES: Record<string, string> = { EN: 'Entry', MI: 'Mid', SE: 'Senior', EX: 'Executive' };

/** IT occupations compared on the careers page, with all occupations as the reference. */
export const CAREER_CODES = [
	'00-0000', '11-3021', '15-1211', '15-1212', '15-1221', '15-1231', '15-1232', '15-1241', '15-1242', '15-1243',
	'15-1244', '15-1251', '15-1252', '15-1253', '15-1254', '15-1255', '15-2051'
];

export interface WagesView {
	year: number;
	wages: OccupationWageRow[];
	steps: CareerStepRow[];
}

export interface SurveyView {
	region: Region;
	ladder: LadderRow[];
	remote: RemoteRow[];
}

export interface CareersView {
	wages: WagesView;
	survey: SurveyView;
	outlook: OutlookRow[];
	education: EducationEarningsRow[];
	guide: GuideView;
}

/** The guide's own figures beside the education and remote charts. */
export interface GuideView {
	education: GuideFigureRow[];
	remote: GuideFigureRow[];
}

export async function guideView(conn: Connector): Promise<GuideView> {
	return { education: await guideFigures(conn, 'education'), remote: await guideFigures(conn, 'remote') };
}

/** The IT occupations plus every occupation a career step maps to, so a click on any step lands on a drawn row. */
export async function wagesView(conn: Connector, year: number): Promise<WagesView> {
	const steps = await careerPathWages(conn, year);
	const codes = [...new Set([...CAREER_CODES, ...steps.map((s) => s.soc_code)])];
	return { year, wages: await occupationWages(conn, { year, codes }), steps };
}

export async function surveyView(conn: Connector, region: Region): Promise<SurveyView> {
	return { region, ladder: await salaryLadder(conn, region), remote: await remoteCounts(conn, region) };
}

export async function careersView(conn: Connector, year = 2024, region: Region = 'US'): Promise<CareersView> {
	return {
		wages: await wagesView(conn, year),
		survey: await surveyView(conn, region),
		outlook: await occupationOutlook(conn),
		education: await educationEarnings(conn),
		guide: await guideView(conn)
	};
}
