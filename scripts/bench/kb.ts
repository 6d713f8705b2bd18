// `--only kb` and `--only status`: the knowledge base at two sizes (the sample articles plus variants of them),
// alternating builds, comparing article page, /kb/ index and home gzip sizes (they must not grow with the number
// of articles) and build time per article; the status page's 14 KB budget and the rebuild after an update.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildOurs } from './builds.ts';
import type { BenchContext } from './context.ts';
import { gz, kb, median } from './util.ts';

/** A copy of content/ with `total` articles: the real ones plus generated variants spread over categories. */
export function contentWith(work: string, total: number): string {
  const dir = path.join(work, `content-${total}`);
  if (existsSync(dir)) return dir;
  cpSync('content', dir, { recursive: true });
  const articlesDir = path.join(dir, 'articles');
  const real = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
  for (let i = 0; real.length + i < total; i++) {
    const source = real[i % real.length]!;
    const text = readFileSync(path.join(articlesDir, source), 'utf8')
      .replace(/^title: (.*)$/m, `title: $1 (variant ${i})`)
      .replace(/^related: .*$/m, 'related: []')
      // The code reference lists the articles per code: variants would disagree with it.
      .replace(/^codes: .*$/m, 'codes: []');
    writeFileSync(path.join(articlesDir, source.replace(/\.mdx$/, `-variant-${i}.mdx`)), text);
  }
  return dir;
}

function articlePages(outDir: string): string[] {
  const kbDir = path.join(outDir, 'client', 'kb');
  return readdirSync(kbDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.split(path.sep).length === 3 && f.endsWith('index.html'))
    .map((f) => path.join(kbDir, f));
}

export async function kbSection(ctx: BenchContext): Promise<string> {
  const { sizes, runs } = ctx.options;
  const out = [`## KB scale: ${sizes.join(' vs ')} articles, ${runs} alternating runs each\n`];
  const results = new Map<number, { ms: number[]; article: number; index: number; home: number }>();
  for (let run = 0; run < runs; run++) {
    for (const n of sizes) {
      const outDir = path.join(ctx.outRoot, `dist-${n}`);
      const { ms } = await buildOurs(contentWith(ctx.work, n), outDir);
      ctx.log(`  kb: ${n} articles, run ${run + 1}: ${(ms / 1000).toFixed(1)} s`);
      const entry = results.get(n) ?? { ms: [], article: 0, index: 0, home: 0 };
      entry.ms.push(ms);
      entry.article = median(articlePages(outDir).map(gz));
      entry.index = gz(path.join(outDir, 'client', 'kb', 'index.html'));
      entry.home = gz(path.join(outDir, 'client', 'index.html'));
      results.set(n, entry);
    }
  }
  out.push('| articles | build (median) | per article | article page (median gzip) | /kb/ gzip | home gzip |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  for (const [n, r] of results) {
    const ms = median(r.ms);
    out.push(
      `| ${n} | ${(ms / 1000).toFixed(1)} s | ${(ms / n).toFixed(0)} ms | ${kb(r.article)} | ${kb(r.index)} | ${kb(r.home)} |`,
    );
  }
  const [small, large] = sizes.map((n) => results.get(n)!);
  if (small && large) {
    out.push(
      `\nratio ${sizes[1]}/${sizes[0]}: article page ${(large.article / small.article).toFixed(2)}x, /kb/ ${(large.index / small.index).toFixed(2)}x, ` +
        `home ${(large.home / small.home).toFixed(2)}x, build time per article ${(median(large.ms) / sizes[1]! / (median(small.ms) / sizes[0]!)).toFixed(2)}x`,
    );
  }
  return out.join('\n');
}

export async function statusSection(ctx: BenchContext): Promise<string> {
  const n = ctx.options.sizes[0]!;
  const outDir = path.join(ctx.outRoot, `dist-${n}`);
  const dir = contentWith(ctx.work, n);
  const statusPage = path.join(outDir, 'client', 'status', 'index.html');
  if (!existsSync(statusPage)) await buildOurs(dir, outDir);
  const out = ['## Status page budget\n'];
  const html = readFileSync(statusPage, 'utf8');
  const size = gz(statusPage);
  // Links the browser does not fetch (canonical, alternate feeds, sitemap) are not requests.
  const external = [...html.matchAll(/<(?:script|link|img)[^>]+(?:src|href)="(https?:)?\/\/[^"]+"[^>]*>/g)].filter(
    ([tag]) => !/\brel="(canonical|alternate|sitemap)"/.test(tag),
  ).length;
  const blocking = [...html.matchAll(/<script(?![^>]*type="module")(?![^>]*\basync\b)(?![^>]*\bdefer\b)[^>]*\ssrc=/g)]
    .length;
  const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"/g)].length;
  out.push(`/status/ HTML with inlined CSS: ${kb(size)} gzip (budget 14 KB): ${size <= 14 * 1024 ? 'within' : 'OVER'}`);
  out.push(
    `third-party requests: ${external}; render-blocking scripts: ${blocking}; external stylesheets: ${stylesheets}`,
  );

  const file = path.join(dir, 'incidents.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { incidents: { id: string; updates: { status: string }[] }[] };
  const open = data.incidents.find((i) => i.updates.at(-1)?.status !== 'resolved');
  if (open) {
    const start = performance.now();
    const args = ['scripts/incident.ts', 'update', open.id, '--file', file, '--status', 'monitoring'];
    const update = spawnSync(process.execPath, [...args, '--body', 'A fix is in place; we are watching.'], {
      encoding: 'utf8',
    });
    if (update.status !== 0) out.push(`incident update failed: ${update.stderr}`);
    await buildOurs(dir, path.join(ctx.outRoot, 'dist-publish'));
    out.push(
      `publish after a one-line incident update (CLI + full build, ${n} articles): ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
  }
  return out.join('\n');
}
