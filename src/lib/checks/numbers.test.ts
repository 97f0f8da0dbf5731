import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../db/connector';
import { nodeConnector } from '../db/node';
import { connectorWithDatasets } from '../db/node-datasets';
import { ingest } from './ingest';
import { numberProblemSql, numberSql, type NumberKind, type NumberStyle } from './numbers';
import { schemaFor } from './schemas';
import { literal } from './validate-sql';

let conn: Connector;
beforeAll(async () => {
	conn = await nodeConnector();
});

/** Runs the product's own parsing SQL over many cells at once: value and reason per cell. */
async function parse(cells: string[], kind: NumberKind, semicolonFile: boolean | NumberStyle = false) {
	const style: NumberStyle = semicolonFile === true ? 'semicolon' : semicolonFile === false ? 'point' : semicolonFile;
	const values = cells.map((c) => `(${literal(c)})`).join(', ');
	const table = await conn.query(
		`SELECT v, ${numberSql('v', kind, style)} AS n, ${numberProblemSql('v', kind, style)} AS problem FROM (VALUES ${values}) t(v)`
	);
	return table.toArray().map((r) => ({ cell: String(r.v), value: r.n as number | null, problem: r.problem as string | null }));
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A number as a spreadsheet may write it, and the value it means. */
const written = (kind: NumberKind) =>
	fc
		.record({
			whole: fc.bigInt({ min: 0n, max: 999_999_999_999n }),
			fraction: kind === 'integer' ? fc.constant('') : fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: '' }),
			negative: fc.boolean(),
			grouped: fc.boolean(),
			parens: fc.boolean(),
			symbol: fc.boolean()
		})
		.map(({ whole, fraction, negative, grouped, parens, symbol }) => {
			const digits = grouped ? group(whole.toString()) : whole.toString();
			const body = `${kind === 'money' && symbol ? '$' : ''}${digits}${fraction ? `.${fraction}` : ''}${kind === 'percent' && symbol ? '%' : ''}`;
			const cell = negative ? (parens ? `(${body})` : `-${body}`) : body;
			return { cell, value: Number(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`) };
		});

describe('spreadsheet numbers are read exactly', () => {
	it.each<NumberKind>(['integer', 'number', 'money', 'percent'])('any valid %s cell round-trips to its value', async (kind) => {
		await fc.assert(
			fc.asyncProperty(fc.array(written(kind), { minLength: 1, maxLength: 40 }), async (samples) => {
				const parsed = await parse(samples.map((s) => s.cell), kind);
				parsed.forEach((p, i) => {
					expect(p.problem, p.cell).toBeNull();
					expect(p.value === 0 ? 0 : p.value, p.cell).toBe(samples[i].value === 0 ? 0 : samples[i].value);
				});
			}),
			{ numRuns: 40 }
		);
	});
});

/** Cells that must be refused, with words the reason must contain. */
const invalid = fc.oneof(
	fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => ({ cell: `${a},${b}`, says: 'decimal comma' })),
	fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('K', 'M', 'B', 'T', 'bn')).map(([a, s]) => ({ cell: `$${a}.5${s}`, says: 'abbreviated' })),
	fc.integer({ min: 1, max: 999 }).map((a) => ({ cell: `${a}%`, says: 'percent sign' })),
	fc.integer({ min: 1, max: 999 }).map((a) => ({ cell: `€${a}`, says: 'currency symbol' })),
	fc.constantFrom('#', '*', '**').map((cell) => ({ cell, says: 'BLS symbol' })),
	fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 100, max: 999 })).map(([a, b]) => ({ cell: `${a}.${b}.${b},5`, says: 'European' })),
	fc.integer({ min: 10, max: 99 }).map((a) => ({ cell: `1,${a},456`, says: 'misplaced thousands separator' })),
	fc.stringMatching(/^[a-z]{1,8}$/).map((cell) => ({ cell, says: 'not a number' }))
);

describe('anything else is refused with the reason', () => {
	it('every invalid number cell is rejected, never guessed', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(invalid, { minLength: 1, maxLength: 40 }), async (samples) => {
				const parsed = await parse(samples.map((s) => s.cell), 'number');
				parsed.forEach((p, i) => {
					expect(p.value, p.cell).toBeNull();
					expect(p.problem, p.cell).toContain(samples[i].says);
				});
			}),
			{ numRuns: 40 }
		);
	});

	it('in a semicolon-separated file no comma is read as a thousands separator', async () => {
		const parsed = await parse(['1,234', '879,6', '1234.5'], 'number', true);
		expect(parsed.map((p) => p.value)).toEqual([null, null, 1234.5]);
		expect(parsed[0].problem).toContain('semicolon-separated');
	});

	it('an upload with any invalid value is rejected with an error naming that value, line and column', async () => {
		const data = await connectorWithDatasets(['it_spending']);
		const header = 'segment,year,spend_usd_bn,growth_pct,kind,release_date,source_title,source_url\n';
		await fc.assert(
			fc.asyncProperty(invalid, fc.integer({ min: 0, max: 5 }), async ({ cell, says }, at) => {
				const rows = Array.from({ length: 6 }, (_, i) => `S${i},2027,${i === at ? `"${cell}"` : '10'},1,forecast,2027-01,t,u\n`);
				const report = await ingest({ conn: data, schema: schemaFor('it_spending')!, file: new Blob([header + rows.join('')]), fileName: 'p.csv', mode: 'replace' });
				expect(report.preview).toBeNull();
				expect(report.errors).toHaveLength(1);
				expect(report.errors[0]).toMatchObject({ line: at + 2, column: 'spend_usd_bn', value: cell });
				// spend_usd_bn is an amount in dollars: a foreign currency is refused as such.
				expect(report.errors[0].problem).toContain(says === 'currency symbol' ? 'currency other than $' : says);
			}),
			{ numRuns: 25 }
		);
	});
});
