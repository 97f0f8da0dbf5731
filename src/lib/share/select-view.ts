import { goto } from '$app/navigation';
import { page } from '$app/state';
import { searchWith } from './url-state';

/** Changes some of the view's URL parameters in place: no reload, focus and scroll kept; marked for the bench. */
export function selectView(changes: Record<string, string | number | null>): Promise<void> {
	performance.mark('select');
	return goto(searchWith(page.url, changes), { keepFocus: true, noScroll: true });
}
