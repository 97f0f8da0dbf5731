import type { Locator } from './fixtures';

/**
 * A replace that removes more than a tenth of the rows or a whole release asks for a second yes: give it. Call once
 * the preview shows; the warning is drawn with it, so it is there by then or not at all.
 */
export async function confirmRemovalIfAsked(panel: Locator): Promise<void> {
	if (await panel.locator('[data-removal]').count()) await panel.locator('[data-confirm-removal]').check();
}
