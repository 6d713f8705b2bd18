// `npm run bench -- --only lighthouse`: Lighthouse 13 (the npm package, run on the project's Node 24) driving
// Debian's Chromium with its default mobile settings, against the built server the way `npm start` serves it,
// on each page type: the median of 3 runs of the four category scores and LCP, TBT, CLS and transfer bytes.
// Target (issue 13): 100 performance everywhere, the other three categories at 100.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { kb, median, startBuiltServer } from './util.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface PageScore {
  page: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  transferBytes: number;
}

interface LighthouseReport {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
  runtimeError?: { message: string };
}

const CHROME_FLAGS = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run';

function lighthouseOnce(url: string): Promise<LighthouseReport> {
  const cli = path.resolve('node_modules', 'lighthouse', 'cli', 'index.js');
  const args = [
    cli,
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  // Lighthouse 13 needs Node >= 22.19: process.execPath is the project's Node 24 under `npm run bench`.
  const child = spawn(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => {
      if (status !== 0) return reject(new Error(`lighthouse ${url} exited ${status}:\n${err.slice(-2000)}`));
      const report = JSON.parse(out) as LighthouseReport;
      if (report.runtimeError) return reject(new Error(`lighthouse ${url}: ${report.runtimeError.message}`));
      resolve(report);
    });
  });
}

/** Each page `runs` times (one after another: two cores, and Lighthouse's CPU throttling assumes a quiet CPU). */
export async function lighthousePages(
  baseUrl: string,
  pages: { page: string; path: string }[],
  runs = 3,
): Promise<PageScore[]> {
  const out: PageScore[] = [];
  for (const { page, path: pagePath } of pages) {
    const reports: LighthouseReport[] = [];
    for (let run = 0; run < runs; run++) reports.push(await lighthouseOnce(baseUrl + pagePath));
    const audit = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
    out.push({
      page,
      path: pagePath,
      scores: Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round(100 * median(reports.map((r) => r.categories[c]?.score ?? 0)))]),
      ) as PageScore['scores'],
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      transferBytes: audit('total-byte-weight'),
    });
  }
  return out;
}

export function lighthouseTable(scores: PageScore[]): string {
  const rows = scores.map(
    (s) =>
      `| ${s.page} (\`${s.path}\`) | ${CATEGORIES.map((c) => s.scores[c]).join(' | ')} | ${(s.lcpMs / 1000).toFixed(2)} s | ` +
      `${s.tbtMs.toFixed(0)} ms | ${s.cls.toFixed(3)} | ${kb(s.transferBytes)} |`,
  );
  return [
    '| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | transfer |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The page types of issue 13, on a build of the shipped content in `distDir`. */
export async function lighthouseSection(distDir: string, outboxPath: string, articlePath: string, runs = 3) {
  const pages = [
    { page: 'home', path: '/' },
    { page: 'article', path: articlePath },
    { page: 'status', path: '/status/' },
    { page: 'search', path: `/search/?q=${encodeURIComponent("phone won't register")}` },
    { page: 'ticket form', path: '/support/new/' },
  ];
  const server = await startBuiltServer(distDir, outboxPath);
  try {
    const scores = await lighthousePages(server.url, pages, runs);
    const short = scores.filter((s) => CATEGORIES.some((c) => s.scores[c] < 100));
    return {
      scores,
      table: lighthouseTable(scores),
      verdict: short.length
        ? `below 100: ${short.map((s) => `${s.page} (${CATEGORIES.filter((c) => s.scores[c] < 100).join(', ')})`).join('; ')}`
        : 'every page type 100/100/100/100',
    };
  } finally {
    server.stop();
  }
}
