/** One cold load of the overview: times in ms since navigation start, bytes as transferred (compressed). */
export interface LoadSample {
	/** App JS the prerendered HTML links to (needed for first paint and hydration), compressed bytes. */
	initialJs: number;
	firstChartPainted: number | null;
	hydrated: number | null;
	duckdbReady: number | null;
	bytes: { appJs: number; duckdbJs: number; wasm: number; data: number; other: number };
	wasmFiles: number;
}

export function median(values: (number | null)[]): number | null {
	const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v)} ms`);
const kb = (v: number | null) => (v === null ? 'n/a' : `${(v / 1024).toFixed(1)} KB`);

/** The BENCHMARKS.md text for one run of the benchmark. */
export function renderReport(
	samples: LoadSample[],
	meta: { machine: string; date: string; runs: number },
	pages: Record<string, (number | null)[]>,
	clicks: Record<string, number[]>
): string {
	const timeRow = (label: string, pick: (s: LoadSample) => number | null, target = '') =>
		`| ${label} | ${ms(median(samples.map(pick)))} | ${samples.map((s) => ms(pick(s))).join(', ')} | ${target} |`;
	const byteRow = (label: string, pick: (s: LoadSample) => number) => `| ${label} | ${kb(median(samples.map(pick)))} |`;
	return `# Benchmarks

Produced by \`npm run bench\` (bench/run.ts): production build served by \`vite preview\` with the precompressed
assets, ${meta.runs} cold loads of \`/\` in Debian's headless Chromium, each in a fresh browser context (empty cache).

- Machine: ${meta.machine}
- Date: ${meta.date}

## Overview page, cold load (median of ${meta.runs})

| measure | median | all runs | target |
|---|---|---|---|
${timeRow('navigation → first chart painted', (s) => s.firstChartPainted, '≤ 1000 ms')}
${timeRow('navigation → page interactive (hydrated)', (s) => s.hydrated)}
${timeRow('navigation → DuckDB ready (engine started, data attached)', (s) => s.duckdbReady)}

## Bytes transferred per cold load (as sent, gzip where the server compresses; median)

| kind | bytes |
|---|---|
${byteRow("app's own JavaScript, all of it (target ≤ 200 KB)", (s) => s.bytes.appJs)}
${byteRow("…of which linked by the first page's HTML", (s) => s.initialJs)}
${byteRow('DuckDB-WASM worker JavaScript', (s) => s.bytes.duckdbJs)}
${byteRow('wasm', (s) => s.bytes.wasm)}
${byteRow('data (Arrow files)', (s) => s.bytes.data)}
${byteRow('other (HTML, CSS, JSON, icons)', (s) => s.bytes.other)}

## Other pages, cold load: navigation → first chart painted (median)

| page | median | all runs | target |
|---|---|---|---|
${Object.entries(pages)
	.map(([page, values]) => `| ${page} | ${ms(median(values))} | ${values.map(ms).join(', ')} | ≤ 1000 ms |`)
	.join('\n')}

## Interaction latency: click → every linked chart repainted (median of 10 clicks, engine warm)

| interaction | median | all clicks | target |
|---|---|---|---|
${Object.entries(clicks)
	.map(([name, values]) => `| ${name} | ${ms(median(values))} | ${values.map(ms).join(', ')} | ≤ 100 ms |`)
	.join('\n')}

Wasm files fetched per load: ${[...new Set(samples.map((s) => s.wasmFiles))].join(', ')} (target: exactly 1).

"First chart painted" is the first contentful paint, counted only when the prerendered HTML already holds the bar
chart's SVG (it does: the default view is computed at build time by the same query functions). DuckDB-WASM starts after
that paint and answers every later selection.
`;
}
