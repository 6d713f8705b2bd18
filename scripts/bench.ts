// `npm run bench`: the size, speed and memory targets, measured in one run (never in timed tests). Sections, each
// in scripts/bench/ and runnable alone with --only (comma-separated):
//   kb          the knowledge base at --sizes (sample articles + variants): page sizes flat, build time per article
//   status      the status page's 14 KB budget and the rebuild after an incident update
//   search      search page + first query transfer on the --search-size build (gzip counted at the server)
//   lighthouse  Lighthouse 13 mobile, median of --lighthouse-runs, on each page type of the shipped content
//   starlight   our site and Starlight (latest, in a temporary folder) on the same seeded corpus at
//               --starlight-sizes, alternately and cold: time, pages/s, peak RSS, dist, article gzip, search bytes
//   memory      where our build's memory goes at --memory-size articles, by build phase and process
//   budgets     layout shift while each page type loads (< 0.02) and the JavaScript each needs (budgets)
//   endpoint    POST /api/tickets under load (autocannon, SQLite and PostgreSQL): durable 202s per second and
//               latency beside the validation-only rate; tickets lost or duplicated through a failing GitHub
// Options: --large (adds 10,000 to starlight and measures memory at 10,000), --seed 1, --sizes 30,600, --runs 3,
// --search-size 1000, --starlight-sizes 1000,5000, --starlight-runs 1, --memory-size 5000, --lighthouse-runs 3,
// --clients 32, --requests 5000, --endpoint-runs 5 (endpoint), --results FILE (default bench/results.md when starlight or lighthouse ran).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printJsBudgets, printLayoutShift } from './bench-budgets.ts';
import { benchEndpoint } from './bench-endpoint.ts';
import { buildOurs } from './bench/builds.ts';
import type { BenchContext } from './bench/context.ts';
import { kbSection, statusSection } from './bench/kb.ts';
import { lighthouseSection } from './bench/lighthouse.ts';
import { memorySection } from './bench/memory.ts';
import { load, loadNote, machine } from './bench/report.ts';
import { searchSection } from './bench/search.ts';
import { sideBySideSection } from './bench/side-by-side.ts';

const SECTIONS = ['kb', 'status', 'budgets', 'search', 'endpoint', 'lighthouse', 'starlight', 'memory'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: SECTIONS.join(',') },
    large: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    sizes: { type: 'string', default: '30,600' },
    runs: { type: 'string', default: '3' },
    'search-size': { type: 'string', default: '1000' },
    'starlight-sizes': { type: 'string' },
    'starlight-runs': { type: 'string', default: '1' },
    'memory-size': { type: 'string' },
    'lighthouse-runs': { type: 'string', default: '3' },
    clients: { type: 'string', default: '32' },
    requests: { type: 'string', default: '5000' },
    'endpoint-runs': { type: 'string', default: '5' },
    results: { type: 'string' },
  },
});
const only = values.only.split(',').map((s) => s.trim()) as Section[];
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  console.error(`--only ${unknown.join(',')}: no such section; use any of ${SECTIONS.join(', ')} (comma-separated)`);
  process.exit(2);
}
const numbers = (text: string) => text.split(',').map(Number);
const ctx: BenchContext = {
  work: mkdtempSync(path.join(tmpdir(), 'dialtone-bench-')),
  outRoot: (mkdirSync('bench-results', { recursive: true }), mkdtempSync(path.join('bench-results', 'dist-'))),
  seed: Number(values.seed),
  large: values.large,
  log: (line) => console.error(line),
  options: {
    sizes: numbers(values.sizes),
    runs: Number(values.runs),
    searchSize: Number(values['search-size']),
    starlightSizes: numbers(values['starlight-sizes'] ?? (values.large ? '1000,5000,10000' : '1000,5000')),
    starlightRuns: Number(values['starlight-runs']),
    memorySize: Number(values['memory-size'] ?? (values.large ? '10000' : '5000')),
    lighthouseRuns: Number(values['lighthouse-runs']),
  },
};

// Also when a build fails: remove the copies, and rebuild the content-layer cache (it points at the deleted
// copies now) from content/, so a plain `npm run build` works afterwards.
process.on('exit', () => {
  rmSync(ctx.work, { recursive: true, force: true });
  rmSync(ctx.outRoot, { recursive: true, force: true });
  const { CONTENT_DIR: _benchCopy, ...projectEnv } = process.env;
  spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync', '--force'], {
    env: { ...projectEnv, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
});

async function lighthouse(): Promise<string> {
  const outDir = path.join(ctx.outRoot, 'dist-lighthouse');
  ctx.log('lighthouse: building the shipped content');
  await buildOurs('content', outDir);
  const article = '/kb/registration/phone-wont-register/';
  const result = await lighthouseSection(
    outDir,
    path.join(ctx.work, 'outbox.sqlite'),
    article,
    ctx.options.lighthouseRuns,
  );
  return [
    `## Lighthouse 13, mobile (Debian's Chromium), median of ${ctx.options.lighthouseRuns}, against \`npm start\`'s server\n`,
    result.table,
    `\nTarget: 100 in every category on every page type. ${result.verdict}.`,
  ].join('\n');
}

/** Layout shift and JavaScript per page type on the shipped content (the tables print as they are measured). */
async function budgets(): Promise<string> {
  const outDir = path.join(ctx.outRoot, 'dist-budgets');
  await buildOurs('content', outDir);
  console.log('\n## Layout shift while loading (the shipped content, the built server, Chromium)\n');
  await printLayoutShift(outDir);
  console.log('\n## JavaScript per page type (the shipped content)\n');
  printJsBudgets(path.join(outDir, 'client'));
  return '(budgets: see the tables above)';
}

/** The ticket endpoint under load, against the project's own build (`npm run build` first). */
async function endpoint(): Promise<string> {
  await benchEndpoint({
    runs: Number(values['endpoint-runs']),
    connections: Number(values.clients),
    amount: Number(values.requests),
  });
  return '(endpoint: see the tables above)';
}

const run: Record<Section, () => Promise<string>> = {
  kb: () => kbSection(ctx),
  status: () => statusSection(ctx),
  budgets,
  endpoint,
  search: () => searchSection(ctx),
  lighthouse,
  starlight: () => sideBySideSection(ctx),
  memory: () => memorySection(ctx),
};

const before = loadavg();
const started = performance.now();
const report = [
  `# npm run bench: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Machine: ${machine()}; ${load()} before the run.`,
  '',
  loadNote(before, cpus().length),
];
const timings: string[] = [];
for (const section of SECTIONS.filter((s) => only.includes(s))) {
  const start = performance.now();
  ctx.log(`# ${section}`);
  const text = await run[section]();
  timings.push(`${section} ${((performance.now() - start) / 60_000).toFixed(1)} min`);
  console.log(`\n${text}\n`);
  report.push('', text);
}
report.push(
  '',
  `Took ${((performance.now() - started) / 60_000).toFixed(1)} min (${timings.join(', ')}); ${load()} after.`,
  '',
);
console.log(report.at(-2));
const results =
  values.results ?? (only.includes('starlight') || only.includes('lighthouse') ? 'bench/results.md' : undefined);
if (results) {
  mkdirSync(path.dirname(results), { recursive: true });
  writeFileSync(results, report.join('\n'));
  console.log(`report written to ${results}`);
}
