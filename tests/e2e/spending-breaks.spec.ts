import { expect, test } from './fixtures';

test('the 2019–2026 lines break where Gartner restated a base, and say where with both bases', async ({ page }) => {
	await page.goto('/spending');
	const note = page.locator('[data-chart="segments-years"] [data-restatements]');
	await expect(note).toContainText('Lines break at 9 restated bases');
	await note.locator('summary').click();
	await expect(note).toContainText('Communications Services 2023→2024: the Jul 2025 release’s +2.2% implies a 2023 base of about $1.23T, not the $1,491.733B shown');
	// The step from 2023 to 2024 is not drawn: no segment of that line ends at 2024.
	await expect(page.locator('[data-chart="segments-years"] [data-segment="Communications Services-2024"]')).toHaveCount(0);
	await expect(page.locator('[data-chart="segments-years"] [data-segment="Communications Services-2025"]')).toHaveCount(1);
});
