import type { Connector } from '../db/connector';
import { arrowRows } from '../queries/arrow-rows';
import { guideFigures, type GuideFigureRow } from '../queries/guide-figures';
import { industryNeeds, type IndustryNeedRow } from '../queries/industry-needs';
import { postingsByDimension, postingsOverTime, type PostingRow } from '../queries/postings';

export interface IndustryProfile {
	industry: string;
	roles_in_demand: string;
	expertise_required: string | null;
	job_families: string | null;
	job_families_why: string | null;
	postings_sector: string | null;
	postings_match: string;
	source_title: string;
	source_pub_date: string;
	notes: string | null;
}

export interface IndustriesView {
	byIndustry: PostingRow[];
	byOccupation: PostingRow[];
	overTime: PostingRow[];
	profiles: IndustryProfile[];
	needs: IndustryNeedRow[];
	/** The guide's own figures beside postings over time. */
	guide: GuideFigureRow[];
}

export async function industriesView(conn: Connector): Promise<IndustriesView> {
	return {
		byIndustry: await postingsByDimension(conn, 'job_postings_tech_ytd', 'industry (NAICS):'),
		byOccupation: await postingsByDimension(conn, 'new_job_postings_tech', 'occupation:'),
		overTime: await postingsOverTime(conn),
		profiles: arrowRows<IndustryProfile>(await conn.query('SELECT * FROM industries ORDER BY industry')),
		needs: await industryNeeds(conn, 2024),
		guide: await guideFigures(conn, 'postings-time')
	};
}

/** The sector name inside a CompTIA dimension: `industry (NAICS): 52 Finance and Insurance` → `Finance and Insurance`. */
export const sectorOf = (dimension: string) => dimension.replace(/^industry( \(NAICS\))?: (\d+ )?/i, '');
