// `npm run bench -- --only memory`: where our build's memory goes. One cold build at --memory-size articles
// (5,000 by default) under the RSS sampler; the build's own log lines mark its phases, and each phase gets the
// peak resident memory of the whole tree, of Astro's Node process and of Pagefind's indexing binary.
import path from 'node:path';
import { buildOurs } from './builds.ts';
import type { BenchContext } from './context.ts';
import { corpusFrom, writeOurContent } from './corpus-files.ts';
import type { MeasuredRun, Sample } from './measure.ts';
import { gb, seconds } from './util.ts';

/** Phases in the order the build prints them; each starts at the first line matching its marker. */
export const BUILD_PHASES: { name: string; marker: RegExp }[] = [
  { name: 'start-up, config, integrations', marker: /^/ },
  { name: 'content layer: glob, parse, validate, data store', marker: /\[content\] Syncing content/ },
  { name: 'types, build info', marker: /\[content\] Synced content/ },
  { name: 'Vite build: MDX compiled and bundled', marker: /Building server entrypoints/ },
  { name: 'prerender: every page rendered to HTML', marker: /prerendering static routes/ },
  { name: 'sitemap, link check', marker: /Rearranging server assets/ },
  { name: 'Astro finishes and exits', marker: /\[dialtone:link-check\]/ },
  // scripts/build.ts, in its own process once Astro's has exited (src/build/after-astro.ts)
  { name: 'Pagefind index', marker: /\[dialtone:pagefind\] indexing/ },
  { name: 'brotli and gzip copies', marker: /\[dialtone:pagefind\] Pagefind indexed/ },
  { name: 'finish', marker: /\[dialtone:precompress\]/ },
];

/** Pagefind's indexing binary (`pagefind_extended`, shown as `pagefind_extend`); the rest is Astro's Node. */
const pagefindRss = (s: Sample) =>
  Object.entries(s.byName)
    .filter(([name]) => name.startsWith('pagefind'))
    .reduce((sum, [, bytes]) => sum + bytes, 0);

export interface PhaseMemory {
  name: string;
  startMs: number;
  ms: number;
  peak: number;
  /** peak of Astro's Node process (with esbuild) and of Pagefind's binary within the phase */
  node: number;
  other: number;
}

export function phaseMemory(run: MeasuredRun, phases = BUILD_PHASES): PhaseMemory[] {
  let from = 0;
  const starts = phases.map((phase) => {
    const line = run.lines.findIndex((l, i) => i >= from && phase.marker.test(l.text));
    if (line === -1) return undefined;
    from = line;
    return run.lines[line]!.t;
  });
  const out: PhaseMemory[] = [];
  phases.forEach((phase, i) => {
    const start = i === 0 ? 0 : starts[i];
    if (start === undefined) return;
    const end = starts.slice(i + 1).find((t) => t !== undefined) ?? run.ms;
    // A phase shorter than the sampling interval gets the sample taken just before it ended.
    const within: Sample[] = run.samples.filter((s) => s.t >= start && s.t <= end);
    const before = run.samples.filter((s) => s.t <= end).at(-1);
    if (within.length === 0 && before) within.push(before);
    const max = (f: (s: Sample) => number) => Math.max(0, ...within.map(f));
    out.push({
      name: phase.name,
      startMs: start,
      ms: end - start,
      peak: max((s) => s.rss),
      node: max((s) => s.rss - pagefindRss(s)),
      other: max(pagefindRss),
    });
  });
  return out;
}

export function phaseTable(phases: PhaseMemory[]): string {
  return [
    '| phase | starts at | lasts | peak RSS (tree) | Astro (Node) | Pagefind |',
    '| --- | --- | --- | --- | --- | --- |',
    ...phases.map(
      (p) =>
        `| ${p.name} | ${seconds(p.startMs)} | ${seconds(p.ms)} | ${gb(p.peak)} | ${gb(p.node)} | ${gb(p.other)} |`,
    ),
  ].join('\n');
}

/** What the phases showed when this was investigated (issue 13), printed under the tables for the reader. */
export const MEMORY_FINDINGS = `What the phases show (investigated at 5,000 and 10,000 articles, with \`process.memoryUsage()\` sampled
inside the build through \`--import\`, and with V8's heap capped):
- **Not the content layer's data store**: the whole Node process is 0.6-0.7 GB when the content layer has
  synced 10,000 articles.
- **Not V8's heap**: it stays at 0.5-1.2 GB, and \`--max-old-space-size=2048\` did not lower the peak at 5,000.
- **Native memory in the Vite build**: Rust code inside the Node process, Vite 8's bundler Rolldown (with its
  own allocator, mimalloc; it holds every compiled article in its module graph) and the MDX compiler
  (satteri): about 0.42 GB per 1,000 articles, the peak of the build. After bundling, mimalloc kept the freed pages (about 0.8 GB at 5,000, 1.3 GB at 10,000) through
  prerendering and Pagefind: \`npm run build\` now sets \`MIMALLOC_PURGE_DELAY=0\` (scripts/build.ts), which
  returns them (5,000: 3.8 -> 3.0 GB peak; 10,000: 6.4 -> 5.1 GB).
- **Pagefind** (its binary, driven by the Node API in \`astro:build:done\`) adds 1.0 GB at 5,000 and 1.9 GB at
  10,000 on top of the Astro process, which is still alive while it indexes.
10,000 articles are therefore still above 4 GB (5.1 GB, in the bundling phase). What would bring them under it:
keeping the articles out of Rolldown's graph (rendering MDX once in the content layer instead of bundling one
module per article), and running Pagefind's CLI after \`astro build\` exits so its 1.9 GB no longer adds to
Astro's 3.2 GB.`;

export async function memorySection(ctx: BenchContext): Promise<string> {
  const n = ctx.options.memorySize;
  const contentDir = path.join(ctx.work, `memory-${n}`);
  writeOurContent(contentDir, 'content', corpusFrom('content', ctx.seed, n));
  const outDir = path.join(ctx.outRoot, `dist-memory-${n}`);
  ctx.log(`memory: building ${n} articles with npm run build`);
  const ours = await buildOurs(contentDir, outDir);
  const phases = phaseMemory(ours);
  const top = phases.reduce((a, b) => (b.peak > a.peak ? b : a));
  return [
    `## Where our build's memory goes: ${n.toLocaleString('en-US')} articles\n`,
    `\`npm run build\` (scripts/build.ts), one cold build: ${seconds(ours.ms)}, peak ${gb(ours.peakRss)} ` +
      `(target: under 4 GB at 10,000), highest in "${top.name}". Phases are marked by the build's own log lines; ` +
      'RSS is sampled every 200 ms over the process tree.\n',
    phaseTable(phases),
    '',
    MEMORY_FINDINGS,
  ].join('\n');
}
