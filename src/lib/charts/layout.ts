/** Room for the longest of the labels at about `charWidth` px a character, at most `share` of the chart's width. */
export function labelRoom(width: number, labels: string[], charWidth = 7, share = 0.42): number {
	return Math.min(width * share, Math.max(0, ...labels.map((l) => l.length)) * charWidth + 14);
}
