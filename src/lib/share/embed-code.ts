import { HEIGHT_MESSAGE, MAX_EMBED_HEIGHT } from '../pages/embeds';

/**
 * The HTML a presenter pastes: an iframe, and a script that sets its height from the embed's messages. It accepts a
 * message only from the embed's own origin and from that iframe's window, and caps the height.
 */
export function embedCode(origin: string, pathAndQuery: string, title: string, width: number | null = null): string {
	const src = `${origin}${pathAndQuery}`;
	// A fixed width still shrinks on a narrower screen; no width fills the host's column.
	const size = width ? `width:${Math.round(width)}px;max-width:100%` : 'width:100%';
	const safeTitle = title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
	return [
		`<iframe src="${src.replace(/"/g, '&quot;')}" title="${safeTitle}" style="${size};height:480px;border:0" loading="lazy"></iframe>`,
		`<script>(function(f,o){addEventListener("message",function(e){var d=e.data;if(e.origin!==o||e.source!==f.contentWindow||!d||d.type!==${JSON.stringify(HEIGHT_MESSAGE)})return;var h=Math.min(Math.max(Number(d.height)||0,120),${MAX_EMBED_HEIGHT});f.style.height=h+"px";});})(document.currentScript.previousElementSibling,${JSON.stringify(origin)});</script>`
	].join('\n');
}

/** The embed's own URL: the view's state, with the presenter's choices pinned (a viewer's dark mode changes nothing). */
export function embedPath(chart: string, search: string, options: { theme: string; plain: boolean }): string {
	const params = new URLSearchParams(search);
	params.set('theme', options.theme);
	if (options.plain) params.set('plain', '1');
	else params.delete('plain');
	return `/embed/${chart}?${params}`;
}
