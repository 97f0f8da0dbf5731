import { expect, test } from './fixtures';

test('a long query can be cancelled and the console keeps working', async ({ page }) => {
	await page.goto('/explore');
	await expect(page.locator('[data-engine="ready"]')).toBeVisible({ timeout: 60_000 });
	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText('SELECT sum(a.range * b.range) AS total FROM range(200000) a, range(200000) b');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.locator('[data-status]')).toHaveText('Running…');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.locator('[data-query-error]')).toContainText('Query cancelled', { timeout: 20_000 });
	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText('SELECT 42 AS answer');
	await page.keyboard.press('ControlOrMeta+Enter');
	await expect(page.locator('[data-big-number]')).toContainText('42');
});
