import { expect, test } from './fixtures';
import { downloadFrom } from './downloads';

const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test('a chart exports as SVG with its title and source, and as PNG at 1×, 2× and 3840 px, not blank', async ({ page }, testInfo) => {
	await page.goto('/');
	await expect(page.locator('[data-chart="segment-bars"] .bar')).toHaveCount(5);
	const svg = await downloadFrom(page, 'segment-bars', 'Download SVG', testInfo.outputPath('chart.svg'));
	expect(svg.name).toBe('segment-bars.svg');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return { error: doc.querySelector('parsererror')?.textContent ?? null, text: doc.documentElement.textContent, width: Number(doc.documentElement.getAttribute('width')) };
	}, svg.bytes.toString('utf8'));
	expect(parsed.error).toBeNull();
	expect(parsed.text).toContain('Spending by segment, 2026');
	expect(parsed.text).toContain('Source: Gartner');
	expect(parsed.text).toContain('Feb 2026');
	expect(parsed.text).toMatch(/exported \d{4}-\d{2}-\d{2}/);
	expect(parsed.text).toContain('IT Services');

	const one = pngSize((await downloadFrom(page, 'segment-bars', 'Download PNG (1×)', testInfo.outputPath('1x.png'))).bytes);
	const two = await downloadFrom(page, 'segment-bars', 'Download PNG (2×)', testInfo.outputPath('2x.png'));
	const wide = await downloadFrom(page, 'segment-bars', 'Download PNG (3840 px wide)', testInfo.outputPath('4k.png'));
	expect(one.width).toBe(parsed.width);
	expect(pngSize(two.bytes).width).toBe(2 * one.width);
	expect(pngSize(wide.bytes).width).toBe(3840);
	const colours = await page.evaluate(async (base64) => {
		const image = new Image();
		image.src = `data:image/png;base64,${base64}`;
		await image.decode();
		const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
		const context = canvas.getContext('2d')!;
		context.drawImage(image, 0, 0);
		const pixels = context.getImageData(0, 0, image.width, image.height).data;
		const seen = new Set<number>();
		for (let i = 0; i < pixels.length; i += 4 * 7) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
		return seen.size;
	}, two.bytes.toString('base64'));
	expect(colours).toBeGreaterThan(20);
});

test('slide exports are exactly 16:9 (1920×1080, 3840×2160), colours are chosen, not inherited, and web-only hints stay on the web', async ({ page }, testInfo) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/spending');
	await expect(page.locator('[data-chart="growth-heatmap"] .cell')).toHaveCount(40);
	const slide = await downloadFrom(page, 'growth-heatmap', 'Download slide PNG (16:9, 3840×2160)', testInfo.outputPath('slide.png'));
	expect(slide.name).toBe('growth-heatmap-16x9-3840.png');
	expect(pngSize(slide.bytes)).toEqual({ width: 3840, height: 2160 });
	const small = await downloadFrom(page, 'growth-heatmap', 'Download slide PNG (16:9, 1920×1080)', testInfo.outputPath('slide-small.png'));
	expect(pngSize(small.bytes)).toEqual({ width: 1920, height: 1080 });
	// The page is dark; the export is light unless dark is chosen.
	const corner = (bytes: Buffer) =>
		page.evaluate(async (base64) => {
			const image = new Image();
			image.src = `data:image/png;base64,${base64}`;
			await image.decode();
			const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			return Array.from(context.getImageData(2, 2, 1, 1).data);
		}, bytes.toString('base64'));
	const [r, g, b, a] = await corner(small.bytes);
	expect(Math.min(r, g, b)).toBeGreaterThan(200);
	expect(a).toBe(255);
	const frame = page.locator('[data-chart="growth-heatmap"]');
	await frame.locator('summary', { hasText: 'Share' }).click();
	await frame.locator('[data-export-colours]').selectOption('dark');
	await frame.locator('summary', { hasText: 'Share' }).click();
	const dark = await downloadFrom(page, 'growth-heatmap', 'Download slide PNG (16:9, 1920×1080)', testInfo.outputPath('slide-dark.png'));
	// The embed code pins the colours chosen.
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await frame.locator('summary', { hasText: 'Share' }).click();
	await frame.getByRole('button', { name: 'Copy embed code' }).click();
	await expect(frame.locator('.share [role="status"]')).toHaveText('Embed code copied');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('/embed/growth-heatmap?theme=dark');
	await frame.locator('summary', { hasText: 'Share' }).click();
	expect(dark.name).toBe('growth-heatmap-dark-16x9-1920.png');
	expect(Math.max(...(await corner(dark.bytes)).slice(0, 3))).toBeLessThan(60);
	await frame.locator('summary', { hasText: 'Share' }).click();
	await frame.locator('[data-export-colours]').selectOption('transparent');
	await frame.locator('summary', { hasText: 'Share' }).click();
	const clear = await downloadFrom(page, 'growth-heatmap', 'Download PNG (1×)', testInfo.outputPath('clear.png'));
	expect((await corner(clear.bytes))[3]).toBe(0);
	const svg = (await downloadFrom(page, 'growth-heatmap', 'Download SVG', testInfo.outputPath('heatmap.svg'))).bytes.toString('utf8');
	expect(svg).toContain('% change on the previous year');
	expect(svg).not.toContain('click a cell');
});
