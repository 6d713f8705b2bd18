// `npm run bench -- --only starlight`: our site and Starlight build the same generated corpus, alternately and
// cold, at each size; wall time, pages/s, peak RSS (process tree), dist size, article HTML gzip (the same
// articles on both sites), and what the search page plus a first query transfer (gzip, counted at the server).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { measureSearchTransfer, type SearchTransfer } from '../search-transfer.ts';
import { buildOurs, htmlPages } from './builds.ts';
import type { BenchContext } from './context.ts';
import { corpusFrom, writeOurContent, writeStarlightDocs } from './corpus-files.ts';
import type { MeasuredRun } from './measure.ts';
import { buildStarlight, installStarlight, starlightSearchDriver } from './starlight.ts';
import { dirSize, gb, gz, kb, mb, median, ratio, seconds } from './util.ts';

export const SEARCH_QUERY = "phone won't register";

export interface SiteFigures {
  ms: number;
  pages: number;
  pagesPerSecond: number;
  peakRss: number;
  distBytes: number;
  articleGzip: number;
  search: SearchTransfer;
}

export interface SizeFigures {
  n: number;
  ours: SiteFigures;
  starlight: SiteFigures;
}

/** Median gzip size of the same (up to) 200 articles, chosen evenly over the corpus, under `kbDir`. */
function articleGzip(kbDir: string, ids: string[]): number {
  const step = Math.max(1, Math.floor(ids.length / 200));
  return median(ids.filter((_, i) => i % step === 0).map((id) => gz(path.join(kbDir, id, 'index.html'))));
}

async function figures(
  runs: MeasuredRun[],
  siteDir: string,
  ids: string[],
  search: () => Promise<SearchTransfer[]>,
): Promise<SiteFigures> {
  const ms = median(runs.map((r) => r.ms));
  const pages = htmlPages(siteDir).length;
  return {
    ms,
    pages,
    pagesPerSecond: pages / (ms / 1000),
    peakRss: median(runs.map((r) => r.peakRss)),
    distBytes: dirSize(siteDir),
    articleGzip: articleGzip(path.join(siteDir, 'kb'), ids),
    search: (await search())[0]!,
  };
}

export async function sideBySide(options: {
  sizes: number[];
  runs: number;
  seed: number;
  work: string;
  outRoot: string;
  log: (line: string) => void;
}): Promise<{ versions: { starlight: string; astro: string }; sizes: SizeFigures[] }> {
  const { sizes, runs, seed, work, outRoot, log } = options;
  const starlightDir = path.join(work, 'starlight');
  log(`installing the latest @astrojs/starlight into ${starlightDir} (temporary)`);
  const versions = installStarlight(starlightDir);
  const docsDir = path.join(starlightDir, 'src', 'content', 'docs');
  const out: SizeFigures[] = [];
  for (const n of sizes) {
    const corpus = corpusFrom('content', seed, n);
    const ids = corpus.articles.map((a) => a.id);
    const contentDir = path.join(work, `corpus-${n}`);
    writeOurContent(contentDir, 'content', corpus);
    rmSync(docsDir, { recursive: true, force: true });
    writeStarlightDocs(docsDir, corpus.articles);
    const outDir = path.join(outRoot, `dist-corpus-${n}`);
    const ours: MeasuredRun[] = [];
    const theirs: MeasuredRun[] = [];
    for (let run = 0; run < runs; run++) {
      ours.push(await buildOurs(contentDir, outDir));
      log(`  ${n} articles, run ${run + 1}: ours ${seconds(ours.at(-1)!.ms)}, ${gb(ours.at(-1)!.peakRss)} peak`);
      theirs.push(await buildStarlight(starlightDir));
      log(
        `  ${n} articles, run ${run + 1}: Starlight ${seconds(theirs.at(-1)!.ms)}, ${gb(theirs.at(-1)!.peakRss)} peak`,
      );
    }
    const clientDir = path.join(outDir, 'client');
    const starlightDist = path.join(starlightDir, 'dist');
    out.push({
      n,
      ours: await figures(ours, clientDir, ids, () => measureSearchTransfer(clientDir, [SEARCH_QUERY], 1)),
      starlight: await figures(theirs, starlightDist, ids, () =>
        measureSearchTransfer(starlightDist, [SEARCH_QUERY], 1, starlightSearchDriver),
      ),
    });
    // Starlight's dist reaches gigabytes at 5,000 articles: not kept between sizes.
    rmSync(outDir, { recursive: true, force: true });
    rmSync(starlightDist, { recursive: true, force: true });
    rmSync(contentDir, { recursive: true, force: true });
  }
  return { versions, sizes: out };
}

/** One table per size: each figure for both sites and ours as a multiple of Starlight's. */
export function sideBySideTable(s: SizeFigures): string {
  const row = (label: string, ours: number, theirs: number, show: (x: number) => string) =>
    `| ${label} | ${show(ours)} | ${show(theirs)} | ${ratio(ours, theirs)} |`;
  const count = (x: number) => x.toLocaleString('en-US');
  return [
    `| ${count(s.n)} articles | ours | Starlight | ours ÷ Starlight |`,
    '| --- | --- | --- | --- |',
    row('build wall time (cold)', s.ours.ms, s.starlight.ms, seconds),
    row('HTML pages written', s.ours.pages, s.starlight.pages, count),
    row('pages/s', s.ours.pagesPerSecond, s.starlight.pagesPerSecond, (x) => x.toFixed(1)),
    row('peak RSS (build and Pagefind)', s.ours.peakRss, s.starlight.peakRss, gb),
    row('dist size', s.ours.distBytes, s.starlight.distBytes, mb),
    row('article HTML (median, gzip)', s.ours.articleGzip, s.starlight.articleGzip, kb),
    row(`search page + "${SEARCH_QUERY}" (gzip)`, s.ours.search.bytes, s.starlight.search.bytes, kb),
    row('search requests', s.ours.search.requests, s.starlight.search.requests, count),
  ].join('\n');
}

export async function sideBySideSection(ctx: BenchContext): Promise<string> {
  const { starlightSizes: sizes, starlightRuns: runs } = ctx.options;
  const result = await sideBySide({ sizes, runs, seed: ctx.seed, work: ctx.work, outRoot: ctx.outRoot, log: ctx.log });
  const { starlight, astro } = result.versions;
  const words = result.sizes.map(
    (s) =>
      `at ${s.n.toLocaleString('en-US')}: ${ratio(s.ours.pagesPerSecond, s.starlight.pagesPerSecond)} Starlight's pages/s, ` +
      `peak memory ${ratio(s.ours.peakRss, s.starlight.peakRss)}, dist ${ratio(s.ours.distBytes, s.starlight.distBytes)}, ` +
      `article HTML ${kb(s.ours.articleGzip)} vs ${kb(s.starlight.articleGzip)} gzip`,
  );
  return [
    `## Side by side with Starlight ${starlight} (Astro ${astro}, defaults, in a temporary folder)\n`,
    `The same corpus (seed ${ctx.seed}) for both, ${runs} cold build(s) of each per size, alternating (ours, then ` +
      `Starlight); figures are medians. "ours ÷ Starlight" below 1 means less (smaller, faster for time), above 1 ` +
      'more (for pages/s: faster). Peak RSS is the whole process tree (Astro and Pagefind), sampled every 200 ms.\n',
    ...result.sizes.flatMap((s) => [sideBySideTable(s), '']),
    `In words: ${words.join('; ')}.`,
  ].join('\n');
}
