/** Presentation properties copied from the live chart onto the exported copy, so it needs no stylesheet. */
const PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'text-decoration', 'display', 'visibility'];
// Fonts every slide tool has; the exported file then looks the same in PowerPoint, Keynote and Google Slides.
const FONT = 'Helvetica, Arial, sans-serif';

export interface ExportMeta {
	title: string;
	subtitle: string;
	source: string;
	/** e.g. "Exported 2026-11-25 from IT Market Atlas". */
	stamp: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function inlineStyles(source: Element, target: Element) {
	const computed = getComputedStyle(source);
	const style = PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
	target.setAttribute('style', `${style};font-family:${FONT}`);
	target.removeAttribute('class');
	for (let i = 0; i < source.children.length; i++) inlineStyles(source.children[i], target.children[i]);
}

function text(x: number, y: number, content: string, size: number, weight: string, color: string): SVGTextElement {
	const node = document.createElementNS(SVG_NS, 'text');
	node.setAttribute('x', String(x));
	node.setAttribute('y', String(y));
	node.setAttribute('style', `font-family:${FONT};font-size:${size}px;font-weight:${weight};fill:${color}`);
	node.textContent = content;
	return node;
}

/** Lines of at most `chars` characters, broken at spaces (SVG text does not wrap by itself). */
function wrap(content: string, chars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of content.split(' ')) {
		if (line && (line + ' ' + word).length > chars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return line ? [...lines, line] : lines;
}

/** How an export is framed: the chart's own shape, or a 16:9 slide with the chart centred on it. */
export type ExportShape = 'chart' | '16:9';
/** Background: the page's own, or none (the chart's ink as the page shows it). */
export type ExportBackground = 'page' | 'transparent';

/** Parts of a subtitle meant for the web page only ("click a cell for …"): left out of exported files. */
export function exportSubtitle(subtitle: string): string {
	return subtitle
		.split(' · ')
		.filter((part) => !/^(click|hover|tap)\b/i.test(part.trim()))
		.join(' · ');
}

/** A standalone SVG of the chart with its title, subtitle, source and export date stamped in. */
export function chartSvg(chart: SVGSVGElement, meta: ExportMeta, shape: ExportShape = 'chart', background: ExportBackground = 'page'): { svg: string; width: number; height: number } {
	const box = chart.getBoundingClientRect();
	const width = Math.round(box.width);
	const pad = 16;
	const header = 56;
	// About 6 px a character at 11 px Helvetica.
	const sourceLines = wrap(meta.source, Math.max(40, Math.floor(width / 6)));
	const footer = 30 + 14 * sourceLines.length;
	const height = Math.round(box.height) + header + footer;
	const root = getComputedStyle(document.documentElement);
	const pageBackground = root.getPropertyValue('background-color') || '#ffffff';
	const ink = root.getPropertyValue('color') || '#1b1f24';

	// A slide: the smallest 16:9 page (a whole multiple of 16 × 9, so 1920 and 3840 px are exact) holding the picture.
	const pictureWidth = width + 2 * pad;
	const outWidth = shape === '16:9' ? Math.ceil(Math.max(pictureWidth, (height * 16) / 9) / 16) * 16 : pictureWidth;
	const outHeight = shape === '16:9' ? (outWidth / 16) * 9 : height;
	const out = document.createElementNS(SVG_NS, 'svg');
	out.setAttribute('xmlns', SVG_NS);
	out.setAttribute('width', String(outWidth));
	out.setAttribute('height', String(outHeight));
	out.setAttribute('viewBox', `0 0 ${outWidth} ${outHeight}`);
	if (background === 'page') {
		const bg = document.createElementNS(SVG_NS, 'rect');
		bg.setAttribute('width', '100%');
		bg.setAttribute('height', '100%');
		bg.setAttribute('fill', pageBackground);
		out.append(bg);
	}
	const picture = document.createElementNS(SVG_NS, 'g');
	picture.setAttribute('transform', `translate(${(outWidth - pictureWidth) / 2},${(outHeight - height) / 2})`);
	out.append(picture);
	picture.append(text(pad, 24, meta.title, 18, '700', ink), text(pad, 44, exportSubtitle(meta.subtitle), 12, '400', ink));

	const copy = chart.cloneNode(true) as SVGSVGElement;
	inlineStyles(chart, copy);
	copy.setAttribute('x', String(pad));
	copy.setAttribute('y', String(header));
	copy.setAttribute('width', String(width));
	copy.setAttribute('height', String(Math.round(box.height)));
	picture.append(copy);
	sourceLines.forEach((line, i) => picture.append(text(pad, height - footer + 22 + 14 * i, line, 11, '400', ink)));
	picture.append(text(pad, height - 9, meta.stamp, 10, '400', ink));
	return { svg: new XMLSerializer().serializeToString(out), width: outWidth, height: outHeight };
}

/** The same picture as PNG, `pixelWidth` pixels wide. */
export async function chartPng(svg: string, width: number, height: number, pixelWidth: number): Promise<Blob> {
	const scale = pixelWidth / width;
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		// A transparent export stays transparent: nothing is painted under the picture.
		const context = canvas.getContext('2d')!;
		context.scale(scale, scale);
		context.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

export function saveFile(name: string, body: Blob | string, type: string) {
	const url = URL.createObjectURL(body instanceof Blob ? body : new Blob([body], { type }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
