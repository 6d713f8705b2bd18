// `npm run bench -- --only memory`: where our build's memory goes. One cold `npm run build` at --memory-size
// articles (5,000 by default) under the RSS sampler; the build's own log lines mark its phases, and each phase gets
// the peak resident memory of the whole tree, of Node (Astro's process, then scripts/build.ts's own) and of
// Pagefind's indexing binary.
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
  { name: 'Vite build: pages bundled', marker: /Building server entrypoints/ },
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
  /** peak of Node (Astro's process with esbuild, then scripts/build.ts) and of Pagefind's binary within the phase */
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
    '| phase | starts at | lasts | peak RSS (tree) | Node | Pagefind |',
    '| --- | --- | --- | --- | --- | --- |',
    ...phases.map(
      (p) =>
        `| ${p.name} | ${seconds(p.startMs)} | ${seconds(p.ms)} | ${gb(p.peak)} | ${gb(p.node)} | ${gb(p.other)} |`,
    ),
  ].join('\n');
}

/** What the phases showed when this was investigated (issue 13), printed under the table for the reader. */
export const MEMORY_FINDINGS = `What the phases showed (investigated at 5,000 and 10,000 articles, with \`process.memoryUsage()\` sampled
inside the build through \`--import\`, and with V8's heap capped), and what changed:
- **Not the content layer's data store**: the whole Node process is 0.6-0.7 GB when the content layer has
  synced 10,000 articles. **Not V8's heap**: 0.5-1.2 GB; \`--max-old-space-size=2048\` changed nothing.
- **The articles as Vite modules**: each MDX article was a module of the bundle (\`render(entry)\`), so Vite 8's
  bundler Rolldown (native code, its own allocator) held every compiled article: about 0.42 GB per 1,000
  articles, 5.1 GB at 10,000 while bundling, and 3.2-3.6 GB kept through prerendering. Now the content loader
  registers no module per article and the article page compiles its body while it renders, with the same
  compiler and settings (src/data/article-content.ts): the bundle no longer grows with the articles, the
  built pages are byte for byte the same, and bundling takes 2 s instead of 45 s at 10,000.
- **Pagefind** (its binary) takes 1.0 GB at 5,000 and 1.9-2.0 GB at 10,000. It ran in \`astro:build:done\`,
  on top of Astro's process; \`npm run build\` now runs it (and the brotli and gzip copies) after Astro has
  exited (src/build/after-astro.ts), so the two no longer add up.
- \`MIMALLOC_PURGE_DELAY=0\` (scripts/build.ts) returns the bundler's freed pages to the system: it took the
  old build from 3.8 to 3.0 GB at 5,000 and from 6.4 to 5.1 GB at 10,000. With the articles out of the bundle
  it no longer moves the peak (without it: 1.73 GB at 5,000, 2.09 GB at 10,000, within the runs' noise).

Before (30 Nov 2026, 10,000 articles): 5.11 GB peak (bundling) and 5.10 GB (Pagefind beside Astro), 172.5 s.`;

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
