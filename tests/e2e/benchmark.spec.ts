import { expect, test, type Page } from './fixtures';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Generated roles (tests/fixtures/benchmark/README.md); "Platform Wrangler" and 123457 appear nowhere else.
const fixtures = path.resolve(import.meta.dirname, '../fixtures/benchmark');
const roles20 = path.join(fixtures, 'roles-20.csv');
const slow = { timeout: 60_000 };

async function openBenchmark(page: Page) {
	await page.goto('/careers/benchmark');
	await expect(page.locator('[data-engine-ready="true"]')).toBeVisible(slow);
}

test('20 template-shaped roles get their percentiles, a chart and an export; no request carries any of the file', async ({ page }) => {
	test.setTimeout(120_000);
	// Every request the page makes, with its body: none may carry the file's values.
	const sent: string[] = [];
	page.on('request', (request) => sent.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
	await openBenchmark(page);
	await page.locator('[data-roles-input]').setInputFiles(roles20);
	const results = page.locator('[data-results] tbody tr');
	await expect(results).toHaveCount(20, slow);

	const row = (title: string) => results.filter({ has: page.locator('th', { hasText: title }) }).first();
	await expect(row('Software Engineer II').locator('[data-oews-placement]')).toHaveText('≈ 46th percentile (interpolated between the published 25th percentile and median)');
	await expect(row('Software Engineer II').locator('[data-survey-placement]')).toContainText('32nd percentile of 3,391 answers');
	await expect(row('Site Reliability Engineer').locator('[data-occupation]')).toContainText('15-1244 Network and Computer Systems Administrators (by title rules)');
	await expect(row('Platform Wrangler').locator('[data-unmatched]')).toHaveText('SOC code 15-9999 is not an OEWS occupation of May 2024: pick one');
	await expect(page.locator('[data-outliers]')).toHaveAttribute('data-outliers', '6');

	// The chart: one range per matched role, each with the role's pay on it; the unmatched one is said, not drawn.
	const chart = page.locator('[data-chart="pay-benchmark"]');
	await expect(chart.locator('.row')).toHaveCount(19);
	await expect(chart.locator('.mark')).toHaveCount(19);
	await expect(chart.locator('.mark.outlier')).toHaveCount(6);
	await expect(chart.locator('[data-caveat]')).toHaveText('1 role without an occupation: not drawn');

	// Picking an occupation for it draws it.
	await row('Platform Wrangler').locator('[data-occupation]').selectOption('15-1252');
	await expect(chart.locator('.row')).toHaveCount(20);
	await expect(row('Platform Wrangler').locator('[data-oews-placement]')).toContainText('percentile');

	const downloading = page.waitForEvent('download');
	await page.locator('[data-download-results]').click();
	const csv = readFileSync(await (await downloading).path(), 'utf8').trim().split('\n');
	expect(csv[0]).toBe('line,role_title,level,location,base_pay,job_family,occupation,matched_by,oews_percentile,oews_placement,survey_percentile,survey_answers,survey_placement,outlier');
	expect(csv).toHaveLength(21);
	expect(csv.find((l) => l.startsWith('3,'))).toContain('3,Software Engineer II,MI,US,128500,Software engineering,15-1252 Software Developers,SOC code,46.2,');

	// Nothing of the file left the page: not a title, not a pay, not the file's name.
	expect(sent.length).toBeGreaterThan(0);
	for (const marker of ['Wrangler', '123457', '128500', 'roles-20']) expect(sent.filter((r) => r.includes(marker)), marker).toEqual([]);
	expect(page.url()).not.toContain('Wrangler');
});

test('a malformed roles file gets row-level errors like an upload, and nothing is compared', async ({ page }) => {
	await openBenchmark(page);
	await page.locator('[data-roles-input]').setInputFiles(path.join(fixtures, 'roles-bad.csv'));
	const errors = page.locator('[data-errors] tbody tr');
	await expect(errors).toHaveCount(3, slow);
	await expect(errors.nth(0)).toContainText('3');
	await expect(errors.nth(0)).toContainText('level');
	await expect(errors.nth(0)).toContainText('Senior');
	await expect(errors.nth(1)).toContainText('base_pay');
	await expect(errors.nth(2)).toContainText('soc_code');
	await expect(page.locator('[data-results]')).toHaveCount(0);
});

test('the roles survive a reload only when kept, and are forgotten on request', async ({ page }) => {
	test.setTimeout(120_000);
	await openBenchmark(page);
	await page.locator('[data-roles-input]').setInputFiles(roles20);
	await expect(page.locator('[data-results] tbody tr')).toHaveCount(20, slow);
	await page.reload();
	await expect(page.locator('[data-engine-ready="true"]')).toBeVisible(slow);
	await expect(page.locator('[data-results]')).toHaveCount(0);
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('benchmark')))).toEqual([]);

	await page.locator('[data-roles-input]').setInputFiles(roles20);
	await expect(page.locator('[data-results] tbody tr')).toHaveCount(20, slow);
	await page.locator('[data-keep-roles]').check();
	await page.reload();
	await expect(page.locator('[data-results] tbody tr')).toHaveCount(20, slow);
	await expect(page.locator('[data-keep-roles]')).toBeChecked();

	await page.locator('[data-forget-roles]').click();
	await expect(page.locator('[data-results]')).toHaveCount(0);
	await page.reload();
	await expect(page.locator('[data-engine-ready="true"]')).toBeVisible(slow);
	await expect(page.locator('[data-results]')).toHaveCount(0);
});

test('the skills self-assessment: strengths and growth from the ratings, kept only when asked, printed on one A4 page', async ({ page }) => {
	await page.goto('/careers/skills');
	const ratings: Record<string, number> = { 'Strategic Thinking': 4, 'Problem-Solving': 5, Communication: 2, 'Team Building': 4, Adaptability: 3, 'Ethical and Data-Driven Decision-Making': 4 };
	const rate = async () => {
		for (const [skill, value] of Object.entries(ratings)) await page.locator(`[data-skill="${skill}"]`).getByLabel(String(value), { exact: true }).check();
	};
	await rate();
	await expect(page.locator('[data-strengths]')).toHaveText('Problem-Solving');
	await expect(page.locator('[data-growth]')).toHaveText('Communication');
	await page.locator('[data-growth-skill]').selectOption('Communication');
	await page.locator('[data-action]').fill('Present the roadmap to the board monthly');
	await page.locator('[data-by]').fill('2027-01-15');

	// Not kept: a reload forgets it, and nothing was stored or put in the URL.
	expect(page.url()).not.toContain('roadmap');
	await page.reload();
	await expect(page.locator('[data-result]')).toHaveCount(0);
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('skills')))).toEqual([]);

	await rate();
	await page.locator('[data-growth-skill]').selectOption('Communication');
	await page.locator('[data-action]').fill('Present the roadmap to the board monthly');
	await page.locator('[data-by]').fill('2027-01-15');
	const answers = page.locator('.answer textarea');
	await answers.nth(0).fill('Strategic Thinking: it needs the business context I do not have yet.');
	await answers.nth(1).fill('Yes: negotiation with vendors.');
	await answers.nth(2).fill('Negotiation; budgeting.');
	await page.locator('label', { hasText: 'Personal Development' }).getByRole('checkbox').check();
	await page.locator('[data-keep-skills]').check();
	await page.reload();
	await expect(page.locator('[data-growth]')).toHaveText('Communication');
	await expect(page.locator('[data-action]')).toHaveValue('Present the roadmap to the board monthly');
	await expect(page.locator('[data-growth-skill]')).toHaveValue('Communication');
	await expect(answers.nth(1)).toHaveValue('Yes: negotiation with vendors.');

	// The printout: one A4 page with the answers and the career paths.
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages).toHaveLength(1);
});
