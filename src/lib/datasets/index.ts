import { careerPaths } from './career-paths';
import { educationEarnings } from './education-earnings';
import { guideFigures } from './guide-figures';
import { industries } from './industries';
import { itSpending } from './it-spending';
import { jobPostings } from './job-postings';
import { occupationOutlook } from './occupation-outlook';
import { occupations } from './occupations';
import { salarySurvey } from './salary-survey';
import type { DatasetSpec } from './types';

/** Every dataset the product ships, in catalogue order. */
export const datasets: DatasetSpec[] = [
	itSpending,
	occupations,
	occupationOutlook,
	salarySurvey,
	educationEarnings,
	jobPostings,
	industries,
	careerPaths,
	guideFigures
];
