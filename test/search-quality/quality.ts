// The search-quality suite's shared half: the customer questions, how one runs on the built site's /search/ page
// (the page a customer uses, in a real browser), and the hit rates. Used by test/e2e/search-quality.spec.ts
// (fails below the target) and `npm run bench:search` (prints the rates and the misses).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export interface QualityQuery {
  /** What the customer types. */
  q: string;
  /** Pages that answer it: article ids (`call-quality/echo-on-calls`) or code pages (`codes/sip/403`). */
  expect: string[];
  /** A playbook that may not be in the build yet: skipped until one of its expected pages exists. */
  newPlaybook?: boolean;
}

export const qualityTarget = { top3: 0.95 };

const here = path.dirname(new URL(import.meta.url).pathname);

export function loadQueries(file = path.join(here, 'queries.json')): QualityQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: QualityQuery[] }).queries;
}

/** `call-quality/echo-on-calls` -> `/kb/call-quality/echo-on-calls/`; `codes/sip/403` -> `/codes/sip/403/`. */
export function expectedUrl(id: string): string {
  return id.startsWith('codes/') ? `/${id}/` : `/kb/${id}/`;
}

/** Whether the built site (dist/client) has the page, so questions for unwritten playbooks can wait. */
export function inBuild(id: string, clientDir = path.join(here, '..', '..', 'dist', 'client')): boolean {
  return existsSync(path.join(clientDir, expectedUrl(id), 'index.html'));
}

/** The result links, in order, the search page shows for `q` once it has finished searching. */
export async function searchPageResults(page: Page, baseURL: string, q: string): Promise<string[]> {
  await page.goto(`${baseURL}/search/?q=${encodeURIComponent(q)}`);
  // The status line names the query once the results (or "none") are on the page.
  await page.locator('.search-page [role="status"]', { hasText: /for “/ }).waitFor({ timeout: 15_000 });
  return page
    .locator('.search-results > li h2 a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

export interface Outcome {
  query: QualityQuery;
  results: string[];
  /** 1-based rank of the first expected page, or undefined when it is not listed. */
  rank?: number;
}

export function outcome(query: QualityQuery, results: string[]): Outcome {
  const wanted = new Set(query.expect.map(expectedUrl));
  const index = results.findIndex((url) => wanted.has(url));
  return { query, results, rank: index >= 0 ? index + 1 : undefined };
}

export interface Rates {
  total: number;
  top1: number;
  top3: number;
  empty: number;
  misses: Outcome[];
}

export function rates(outcomes: Outcome[]): Rates {
  const total = outcomes.length;
  const within = (n: number) => outcomes.filter((o) => o.rank !== undefined && o.rank <= n).length;
  return {
    total,
    top1: total ? within(1) / total : 0,
    top3: total ? within(3) / total : 0,
    empty: outcomes.filter((o) => o.results.length === 0).length,
    misses: outcomes.filter((o) => o.rank === undefined || o.rank > 3),
  };
}

export function formatRates(r: Rates): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${r.total} questions: top-1 ${pct(r.top1)}, top-3 ${pct(r.top3)} (target ${pct(qualityTarget.top3)}), zero results: ${r.empty}`,
  ];
  for (const miss of r.misses) {
    const where = miss.rank ? `rank ${miss.rank}` : miss.results.length ? 'not listed' : 'NO RESULTS';
    lines.push(`  miss (${where}): "${miss.query.q}" -> expected ${miss.query.expect.join(' or ')}`);
    lines.push(`      got: ${miss.results.slice(0, 3).join(', ') || '(nothing)'}`);
  }
  return lines.join('\n');
}
