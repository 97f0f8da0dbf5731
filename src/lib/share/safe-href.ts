/**
 * A link target from data (a source URL in a dataset or an upload) only when it is an http(s) address or a path of
 * this site; anything else (`javascript:`, `data:`, `//other-host`…) is shown as text, never made a link.
 */
export function safeHref(url: string | null | undefined): string | null {
	const text = (url ?? '').trim();
	if (/^\/(?![/\\])/.test(text)) return text;
	try {
		const parsed = new URL(text);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
	} catch {
		return null;
	}
}
