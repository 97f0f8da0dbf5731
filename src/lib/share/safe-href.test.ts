import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href';

describe('links from data', () => {
	it.each([
		['https://www.gartner.com/en/newsroom/x', 'https://www.gartner.com/en/newsroom/x'],
		['http://example.org/a b', 'http://example.org/a%20b'],
		['/data#upload', '/data#upload']
	])('keeps %s', (url, href) => expect(safeHref(url)).toBe(href));

	it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>1</script>', 'vbscript:x', '//evil.example/x', '/\\evil.example', 'file:///etc/passwd', 'see /data', '', null])(
		'refuses %s',
		(url) => expect(safeHref(url)).toBeNull()
	);
});
