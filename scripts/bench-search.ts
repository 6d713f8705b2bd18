// `npm run bench:search`: the search-quality suite (test/search-quality/queries.json) run in Chromium against
// the built site's own /search/ page (`npm run build` first). Prints top-1 / top-3 hit rates, the number of
// questions with zero results, and every miss with what came first instead. Exit code 1 below the target.
// Options: --all  also count questions for playbooks not in the build yet (they then miss).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import {
  formatRates,
  inBuild,
  loadQueries,
  outcome,
  qualityTarget,
  rates,
  searchPageResults,
  type Outcome,
} from '../test/search-quality/quality.ts';

const { values } = parseArgs({ options: { all: { type: 'boolean', default: false }, port: { type: 'string' } } });
if (!existsSync('dist/server/entry.mjs')) {
  console.error('dist/server/entry.mjs: no build to search: run npm run build first');
  process.exit(1);
}
const port = Number(values.port ?? 4391);
const baseURL = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['dist/server/entry.mjs'], {
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
  stdio: 'ignore',
});
process.on('exit', () => server.kill());

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${baseURL}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the built site did not start on ${baseURL}`);
}

const all = loadQueries();
const queries = values.all ? all : all.filter((q) => !q.newPlaybook || q.expect.some((id) => inBuild(id)));
await waitForServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
const outcomes: Outcome[] = [];
for (const query of queries) outcomes.push(outcome(query, await searchPageResults(page, baseURL, query.q)));
await browser.close();

const skipped = all.length - queries.length;
console.log(`## Search quality (${baseURL}/search/, Chromium)\n`);
if (skipped) console.log(`${skipped} questions wait for playbooks not in this build (--all counts them)\n`);
const r = rates(outcomes);
console.log(formatRates(r));
process.exit(r.top3 >= qualityTarget.top3 && r.empty === 0 ? 0 : 1);
