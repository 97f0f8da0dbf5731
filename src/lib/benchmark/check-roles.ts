import type { Connector } from '../db/connector';
import { ingest, STAGED, type IngestReport, type IngestRequest } from '../checks/ingest';
import { uploadType } from '../checks/validate-sql';
import { MY_ROLES } from '../queries/pay-benchmark';
import { rolesSchema } from './roles-file';

/**
 * The tables a check of the roles file leaves in the engine: dropped after, so the rows are held once, in `my_roles`
 * (the errors stay until the next check or a forget, for their download).
 */
const STAGED_TABLES = [`VIEW IF EXISTS ${STAGED.rows}`, 'VIEW IF EXISTS upload_typed', 'TABLE IF EXISTS upload_parsed', `TABLE IF EXISTS ${STAGED.raw}`];

/**
 * Checks a roles file as uploads are checked (reader, mapping, row-level errors) and, when it passes, makes it
 * `my_roles` in this engine: the file's line, its columns, and room for an occupation the person picks. Nothing
 * leaves the engine; a failed file leaves the previous roles as they were.
 */
export async function checkRoles(conn: Connector, request: Omit<IngestRequest, 'conn' | 'schema' | 'mode'>): Promise<IngestReport> {
	const columns = rolesSchema.columns.map((c) => `"${c.name}" ${uploadType(c)}`).join(', ');
	// The check compares with a current table: an empty one the first time.
	await conn.query(`CREATE TEMP TABLE IF NOT EXISTS ${MY_ROLES} (line INTEGER, ${columns}, chosen_soc VARCHAR)`);
	try {
		const report = await ingest({ ...request, conn, schema: rolesSchema, mode: 'replace' });
		if (report.recipe && !report.errorCount && !report.problem)
			await conn.query(`CREATE OR REPLACE TEMP TABLE ${MY_ROLES} AS
				SELECT CAST(__row + 1 AS INTEGER) AS line, role_title, soc_code, level, location, CAST(base_pay AS DOUBLE) AS base_pay, NULL::VARCHAR AS chosen_soc
				FROM upload_typed ORDER BY __row`);
		return report;
	} finally {
		for (const staged of STAGED_TABLES) await conn.query(`DROP ${staged}`).catch(() => undefined);
	}
}

/** The person picked another occupation for a role (or none: back to the automatic match). */
export async function chooseOccupation(conn: Connector, line: number, occCode: string | null): Promise<void> {
	await conn.query(`UPDATE ${MY_ROLES} SET chosen_soc = ? WHERE line = ?`, [occCode, line]);
}

/** Forgets the roles: the engine holds nothing of them afterwards. */
export async function forgetRoles(conn: Connector): Promise<void> {
	await conn.query(`DROP TABLE IF EXISTS ${MY_ROLES}; DROP TABLE IF EXISTS ${STAGED.errors}`);
}
