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

/** A standalone SVG of the chart with its title, subtitle, source and export date stamped in. */
export function chartSvg(chart: SVGSVGElement, meta: ExportMeta): { svg: string; width: number; height: number } {
	const box = chart.getBoundingClientRect();
	const width = Math.round(box.width);
	const pad = 16;
	const header = 56;
	// About 6 px a character at 11 px Helvetica.
	const sourceLines = wrap(meta.source, Math.max(40, Math.floor(width / 6)));
	const footer = 30 + 14 * sourceLines.length;
	const height = Math.round(box.height) + header + footer;
	const root = getComputedStyle(document.documentElement);
	const background = root.getPropertyValue('background-color') || '#ffffff';
	const ink = root.getPropertyValue('color') || '#1b1f24';

	const out = document.createElementNS(SVG_NS, 'svg');
	out.setAttribute('xmlns', SVG_NS);
	out.setAttribute('width', String(width + 2 * pad));
	out.setAttribute('height', String(height));
	out.setAttribute('viewBox', `0 0 ${width + 2 * pad} ${height}`);
	const bg = document.createElementNS(SVG_NS, 'rect');
	bg.setAttribute('width', '100%');
	bg.setAttribute('height', '100%');
	bg.setAttribute('fill', background);
	out.append(bg, text(pad, 24, meta.title, 18, '700', ink), text(pad, 44, meta.subtitle, 12, '400', ink));

	const copy = chart.cloneNode(true) as SVGSVGElement;
	inlineStyles(chart, copy);
	copy.setAttribute('x', String(pad));
	copy.setAttribute('y', String(header));
	copy.setAttribute('width', String(width));
	copy.setAttribute('height', String(Math.round(box.height)));
	out.append(copy);
	sourceLines.forEach((line, i) => out.append(text(pad, height - footer + 22 + 14 * i, line, 11, '400', ink)));
	out.append(text(pad, height - 9, meta.stamp, 10, '400', ink));
	return { svg: new XMLSerializer().serializeToString(out), width: width + 2 * pad, height };
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
