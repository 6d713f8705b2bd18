// `npm run bench`: the size and speed targets, measured side by side in one run (never in timed tests).
//  1. KB scale: builds the site with the sample articles plus synthetic ones at two sizes, alternating runs,
//     and compares the median gzip size of an article page and of the /kb/ index (they must not grow with
//     the number of articles) and the build time per article.
//  2. Status page budget: /status/ HTML (CSS inlined) at most 14 KB gzip, no third-party or render-blocking
//     requests; the rebuild after a one-line incident update.
//  3. Search transfer: on the --search-size article build (1,000 by default), the bytes (gzip, counted at the
//     server, Pagefind's own fetches included) and requests the search page plus its first query need, and the
//     time until results show, for a query the index answers as typed and a sentence the layered search relaxes.
//  4. POST /api/tickets under load (scripts/bench-endpoint.ts): durable 202s per second and latency beside the
//     validation-only rate, on SQLite and PostgreSQL; tickets lost or duplicated through a failing GitHub.
//  5. Layout shift while each page type loads (target < 0.02) and the JavaScript each needs (budgets), on the
//     first --sizes build: scripts/bench-budgets.ts.
// Options: --sizes 30,600  --runs 3  --sections kb,status,budgets,search,endpoint  --search-size 1000  --clients 32
// --requests 2000 (CONTENT_DIR and the output folder are temporary copies).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { printJsBudgets, printLayoutShift } from './bench-budgets.ts';
import { benchEndpoint } from './bench-endpoint.ts';
import { measureSearchTransfer } from './search-transfer.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '30,600' },
    runs: { type: 'string', default: '3' },
    sections: { type: 'string', default: 'kb,status,budgets,search,endpoint' },
    'search-size': { type: 'string', default: '1000' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '2000' },
  },
});
const sections = new Set(values.sections.split(','));
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const work = mkdtempSync(path.join(tmpdir(), 'dialtone-bench-'));
// Builds go inside the project (bench-results/ is git-ignored): the prerender step imports packages from the
// output folder, and only the project's node_modules resolves them.
mkdirSync('bench-results', { recursive: true });
const outRoot = mkdtempSync(path.join('bench-results', 'dist-'));

// Also when a build fails: remove the copies, and rebuild the content-layer cache (it points at the deleted
// copies now) from content/, so a plain `npm run build` works afterwards.
process.on('exit', () => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outRoot, { recursive: true, force: true });
  const { CONTENT_DIR: _benchCopy, ...projectEnv } = process.env;
  spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync', '--force'], {
    env: { ...projectEnv, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
});

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const gz = (file: string) => gzipSync(readFileSync(file)).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A copy of content/ with `total` articles: the real ones plus generated variants spread over categories. */
function contentWith(total: number): string {
  const dir = path.join(work, `content-${total}`);
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

function build(contentDir: string, outDir: string): number {
  rmSync(outDir, { recursive: true, force: true });
  const start = performance.now();
  // --force: no content-layer cache from an earlier run (it may point at content copies deleted since), so
  // every build is the full build CI does.
  const args = ['node_modules/astro/bin/astro.mjs', 'build', '--force', '--outDir', outDir];
  const run = spawnSync(process.execPath, args, {
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // A failed build says why (the tail of its output), instead of a bare "Command failed".
  if (run.status !== 0) throw new Error(`build of ${contentDir} failed:\n${(run.stdout + run.stderr).slice(-3000)}`);
  return performance.now() - start;
}

function articlePages(outDir: string): string[] {
  const kbDir = path.join(outDir, 'client', 'kb');
  return readdirSync(kbDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.split(path.sep).length === 3 && f.endsWith('index.html'))
    .map((f) => path.join(kbDir, f));
}

if (sections.has('kb') || sections.has('status')) benchSite();
if (sections.has('budgets')) await benchBudgets();
if (sections.has('search')) await benchSearch();
if (sections.has('endpoint')) {
  await benchEndpoint({ runs, connections: Number(values.clients), amount: Number(values.requests) });
}

function benchSite(): void {
  console.log(`## KB scale: ${sizes.join(' vs ')} articles, ${runs} alternating runs each\n`);
  const results = new Map<number, { ms: number[]; article: number; index: number; home: number }>();
  const dirs = new Map(sizes.map((n) => [n, contentWith(n)]));
  for (let run = 0; run < runs; run++) {
    for (const n of sizes) {
      const outDir = path.join(outRoot, `dist-${n}`);
      const ms = build(dirs.get(n)!, outDir);
      const entry = results.get(n) ?? { ms: [], article: 0, index: 0, home: 0 };
      entry.ms.push(ms);
      entry.article = median(articlePages(outDir).map(gz));
      entry.index = gz(path.join(outDir, 'client', 'kb', 'index.html'));
      entry.home = gz(path.join(outDir, 'client', 'index.html'));
      results.set(n, entry);
    }
  }
  console.log('| articles | build (median) | per article | article page (median gzip) | /kb/ gzip | home gzip |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const [n, r] of results) {
    const ms = median(r.ms);
    console.log(
      `| ${n} | ${(ms / 1000).toFixed(1)} s | ${(ms / n).toFixed(0)} ms | ${kb(r.article)} | ${kb(r.index)} | ${kb(r.home)} |`,
    );
  }
  const [small, large] = sizes.map((n) => results.get(n)!);
  if (small && large) {
    console.log(
      `\nratio ${sizes[1]}/${sizes[0]}: article page ${(large.article / small.article).toFixed(2)}x, /kb/ ${(large.index / small.index).toFixed(2)}x, ` +
        `home ${(large.home / small.home).toFixed(2)}x, build time per article ${(median(large.ms) / sizes[1]! / (median(small.ms) / sizes[0]!)).toFixed(2)}x`,
    );
  }

  const statusPage = path.join(outRoot, `dist-${sizes[0]}`, 'client', 'status', 'index.html');
  if (existsSync(statusPage)) {
    console.log('\n## Status page budget\n');
    const html = readFileSync(statusPage, 'utf8');
    const size = gz(statusPage);
    // Links the browser does not fetch (canonical, alternate feeds, sitemap) are not requests.
    const external = [...html.matchAll(/<(?:script|link|img)[^>]+(?:src|href)="(https?:)?\/\/[^"]+"[^>]*>/g)].filter(
      ([tag]) => !/\brel="(canonical|alternate|sitemap)"/.test(tag),
    ).length;
    const blocking = [...html.matchAll(/<script(?![^>]*type="module")(?![^>]*\basync\b)(?![^>]*\bdefer\b)[^>]*\ssrc=/g)]
      .length;
    const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"/g)].length;
    console.log(
      `/status/ HTML with inlined CSS: ${kb(size)} gzip (budget 14 KB): ${size <= 14 * 1024 ? 'within' : 'OVER'}`,
    );
    console.log(
      `third-party requests: ${external}; render-blocking scripts: ${blocking}; external stylesheets: ${stylesheets}`,
    );

    const incidentCli = path.join('scripts', 'incident.ts');
    if (existsSync(incidentCli)) {
      const dir = dirs.get(sizes[0]!)!;
      const file = path.join(dir, 'incidents.json');
      const data = JSON.parse(readFileSync(file, 'utf8')) as {
        incidents: { id: string; updates: { status: string }[] }[];
      };
      const open = data.incidents.find((i) => i.updates.at(-1)?.status !== 'resolved');
      if (open) {
        const start = performance.now();
        const update = spawnSync(
          process.execPath,
          [
            incidentCli,
            'update',
            open.id,
            '--file',
            file,
            '--status',
            'monitoring',
            '--body',
            'A fix is in place; we are watching.',
          ],
          { encoding: 'utf8' },
        );
        if (update.status !== 0) console.log(`incident update failed: ${update.stderr}`);
        build(dir, path.join(outRoot, 'dist-publish'));
        console.log(
          `publish after a one-line incident update (CLI + full build, ${sizes[0]} articles): ${((performance.now() - start) / 1000).toFixed(1)} s`,
        );
      }
    }
  }
}

async function benchBudgets(): Promise<void> {
  const outDir = path.join(outRoot, `dist-${sizes[0]}`);
  if (!existsSync(path.join(outDir, 'client', 'index.html'))) build(contentWith(sizes[0]!), outDir);
  console.log(`\n## Layout shift while loading (${sizes[0]} articles, the built server, Chromium)\n`);
  await printLayoutShift(outDir);
  console.log(`\n## JavaScript per page type (${sizes[0]} articles)\n`);
  printJsBudgets(path.join(outDir, 'client'));
}

async function benchSearch(): Promise<void> {
  console.log(`\n## Search transfer: ${values['search-size']} articles, empty cache, gzip counted at the server\n`);
  const n = Number(values['search-size']);
  const outDir = path.join(outRoot, `dist-${n}`);
  if (!existsSync(path.join(outDir, 'client', 'search', 'index.html'))) build(contentWith(n), outDir);
  const queries = [
    "phone won't register", // every word on the right page: the full query answers
    'calls keep ending on their own in the middle of a conversation', // no page has all the words: relaxed
  ];
  const measured = await measureSearchTransfer(path.join(outDir, 'client'), queries);
  console.log('| query | transfer (gzip) | requests | time to results (median) |');
  console.log('| --- | --- | --- | --- |');
  for (const m of measured) console.log(`| ${m.query} | ${kb(m.bytes)} | ${m.requests} | ${m.ms.toFixed(0)} ms |`);
  console.log('\nbudget (issue 9): at most 212 KiB for "phone won\'t register" (Starlight: 240 KiB)');
}
