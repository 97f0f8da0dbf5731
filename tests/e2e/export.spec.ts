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
