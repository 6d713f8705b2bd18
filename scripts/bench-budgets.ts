// What `npm run bench` holds each page type to (issue 13), and what test/e2e/ checks the same way:
// 1. Layout shift while a page loads (PerformanceObserver 'layout-shift', buffered), summed from navigation until
//    the page has settled: at least the CLS the browser reports (its worst session window). Target < 0.02.
// 2. The JavaScript each page type makes a reader download, read from a build's dist/client (no browser): the
//    islands a page starts on load, idle or when visible, and the module scripts it loads, each with every
//    chunk it imports statically (what the browser fetches before the island runs; dynamic imports load later, on
//    demand). Islands that wait for the customer (client:interaction) are counted apart. Gzip sizes (level 9).
//    Budgets: article <= 25 KB beyond the React runtime, ticket form step 1 <= 80 KB in total, home and status
//    0 KB required to read.
// test/e2e/layout-shift.spec.ts and js-budgets.spec.ts fail over a target; `npm run bench` prints both tables.
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../test/integration/support/free-port.ts';

export const CLS_TARGET = 0.02;

export interface LayoutShift {
  value: number;
  /** The elements that moved, as tag#id.class. */
  sources: string[];
}

/** Starts recording layout shifts (not those right after input) before any of the page's own scripts run. */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Array<{ value: number; sources: string[] }> = [];
    (window as unknown as { __layoutShifts: typeof shifts }).__layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{
        value: number;
        hadRecentInput: boolean;
        sources?: Array<{ node?: Node | null }>;
      }>) {
        if (entry.hadRecentInput) continue;
        const sources = (entry.sources ?? []).map(({ node }) =>
          node instanceof Element
            ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${[...node.classList].map((c) => `.${c}`).join('')}`
            : (node?.nodeName ?? '?'),
        );
        shifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts recorded so far, once two more frames have been laid out. */
export async function layoutShiftsSoFar(page: Page): Promise<LayoutShift[]> {
  return page.evaluate(
    () =>
      new Promise<LayoutShift[]>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve((window as unknown as { __layoutShifts: LayoutShift[] }).__layoutShifts)),
        ),
      ),
  );
}

/** The page types, at their URLs, with what "loaded" means for each. */
const CLS_PAGES: Array<{ type: string; path: string; settled: (page: Page) => Promise<unknown> }> = [
  { type: 'home', path: '/', settled: async () => {} },
  {
    type: 'article',
    path: '/kb/registration/phone-wont-register/',
    settled: (page) => page.waitForSelector('.troubleshooter'),
  },
  { type: 'status', path: '/status/', settled: async () => {} },
  {
    type: 'search',
    path: `/search/?q=${encodeURIComponent("phone won't register")}`,
    settled: (page) => page.waitForSelector('.search-results > li'),
  },
  { type: 'ticket form', path: '/support/new/', settled: (page) => page.waitForSelector('.ticket-form') },
];

/**
 * Layout shift per page type on a desktop and a phone screen, loading each page from the build's own server
 * (`outDir`/server/entry.mjs, as `npm start` serves it) in Debian's Chromium.
 */
export async function printLayoutShift(outDir: string): Promise<string[]> {
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(outDir, 'server', 'entry.mjs')], {
    // Its ticket outbox in the build folder, not the project's .data/.
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ASTRO_NODE_LOGGING: 'disabled',
      OUTBOX_PATH: path.join(outDir, 'bench-outbox.sqlite'),
    },
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const over: string[] = [];
  try {
    for (let tries = 0; ; tries++) {
      try {
        await fetch(`${origin}/`);
        break;
      } catch (error) {
        if (tries > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    console.log('| page type | desktop 1280x720 | phone 412x823 |');
    console.log('| --- | --- | --- |');
    for (const { type, path: target, settled } of CLS_PAGES) {
      const cells: string[] = [];
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 412, height: 823 },
      ]) {
        const page = await browser.newPage({ viewport });
        await recordLayoutShifts(page);
        await page.goto(origin + target, { waitUntil: 'load' });
        await settled(page);
        await page.waitForLoadState('networkidle');
        const total = (await layoutShiftsSoFar(page)).reduce((sum, shift) => sum + shift.value, 0);
        await page.close();
        cells.push(total.toFixed(3));
        if (total >= CLS_TARGET) over.push(`${type} at ${viewport.width}x${viewport.height}: CLS ${total.toFixed(3)}`);
      }
      console.log(`| ${type} | ${cells.join(' | ')} |`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(over.length === 0 ? `\nevery page type under CLS ${CLS_TARGET}` : `\nOVER:\n${over.join('\n')}`);
  return over;
}

export interface PageJavaScript {
  /** The page type, and the built page measured (the heaviest of its type). */
  type: string;
  page: string;
  /** Gzip bytes of every file loaded before the page's islands run. */
  required: number;
  /** The part of `required` that is React's client runtime (the renderer and what it imports). */
  runtime: number;
  /** Gzip bytes more on the first focus or keystroke in a client:interaction island (header search). */
  onInteraction: number;
  /** The files counted in `required`. */
  files: string[];
}

export interface JsBudget {
  type: string;
  /** Gzip bytes allowed. */
  limit: number;
  measure: 'required' | 'beyond runtime';
}

export const JS_BUDGETS: readonly JsBudget[] = [
  { type: 'home', limit: 0, measure: 'required' },
  { type: 'status', limit: 0, measure: 'required' },
  { type: 'article', limit: 25 * 1024, measure: 'beyond runtime' },
  { type: 'ticket form (step 1)', limit: 80 * 1024, measure: 'required' },
];

const EAGER_DIRECTIVES = new Set(['load', 'idle', 'visible', 'media', 'only']);

/** Static imports in a built (minified) chunk: `import"./x.js"`, `import{a}from"./x.js"`; not `import("./x.js")`. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => m[1]!);
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

export function measureJavaScript(clientDir: string) {
  const gzipped = new Map<string, number>();
  const size = (url: string) => {
    let bytes = gzipped.get(url);
    if (bytes === undefined) {
      bytes = gzipSync(readFileSync(path.join(clientDir, url)), { level: 9 }).length;
      gzipped.set(url, bytes);
    }
    return bytes;
  };
  /** A site URL of a script and every chunk it imports statically, transitively. */
  const closure = (entry: string, into = new Set<string>()): Set<string> => {
    if (into.has(entry)) return into;
    into.add(entry);
    const code = readFileSync(path.join(clientDir, entry), 'utf8');
    for (const specifier of staticImports(code)) closure(path.posix.join(path.posix.dirname(entry), specifier), into);
    return into;
  };
  const sum = (files: Iterable<string>) => [...files].reduce((total, file) => total + size(file), 0);

  function page(type: string, htmlFile: string): PageJavaScript {
    const html = readFileSync(path.join(clientDir, htmlFile), 'utf8');
    const required = new Set<string>();
    const runtime = new Set<string>();
    const later = new Set<string>();
    for (const [tag] of html.matchAll(/<astro-island\s[^>]*>/g)) {
      const component = attribute(tag, 'component-url');
      const renderer = attribute(tag, 'renderer-url');
      const eager = EAGER_DIRECTIVES.has(attribute(tag, 'client') ?? '');
      for (const entry of [component, renderer]) if (entry) closure(entry, eager ? required : later);
      if (eager && renderer) closure(renderer, runtime);
    }
    for (const [, src] of html.matchAll(/<script[^>]*\ssrc="(\/[^"]+\.m?js)"/g)) closure(src!, required);
    for (const file of required) later.delete(file);
    return {
      type,
      page: `/${htmlFile.replace(/index\.html$/, '')}`,
      required: sum(required),
      runtime: sum(runtime),
      onInteraction: sum(later),
      files: [...required].sort(),
    };
  }

  const articles = readdirSync(path.join(clientDir, 'kb'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.split(path.sep).length === 3 && f.endsWith('index.html'))
    .map((f) => page('article', path.join('kb', f)));
  const heaviestArticle = articles.reduce((a, b) => (b.required - b.runtime > a.required - a.runtime ? b : a));
  return [
    page('home', 'index.html'),
    heaviestArticle,
    page('status', path.join('status', 'index.html')),
    page('search', path.join('search', 'index.html')),
    page('ticket form (step 1)', path.join('support', 'new', 'index.html')),
  ];
}

/** The budgets a set of pages breaks, as sentences naming the page, the figure and the budget. */
export function overBudget(pages: readonly PageJavaScript[]): string[] {
  return JS_BUDGETS.flatMap((budget) => {
    const measured = pages.find((p) => p.type === budget.type);
    if (!measured) return [`${budget.type}: no such page in the build`];
    const value = budget.measure === 'required' ? measured.required : measured.required - measured.runtime;
    return value > budget.limit
      ? [
          `${budget.type} (${measured.page}): ${kb(value)} gzip ${budget.measure === 'required' ? 'to read' : 'beyond the React runtime'}, budget ${kb(budget.limit)} (${measured.files.join(', ')})`,
        ]
      : [];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The table `npm run bench` prints for a build's dist/client. */
export function printJsBudgets(clientDir: string): string[] {
  const pages = measureJavaScript(clientDir);
  console.log('| page type | page | JS to read (gzip) | beyond React runtime | on first search focus | budget |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const p of pages) {
    const budget = JS_BUDGETS.find((b) => b.type === p.type);
    const limit = budget ? `${budget.measure === 'required' ? 'total' : 'beyond runtime'} <= ${kb(budget.limit)}` : '-';
    console.log(
      `| ${p.type} | ${p.page} | ${kb(p.required)} | ${kb(p.required - p.runtime)} | +${kb(p.onInteraction)} | ${limit} |`,
    );
  }
  const over = overBudget(pages);
  console.log(
    over.length === 0 ? '\nevery page type is within its JavaScript budget' : `\nOVER BUDGET:\n${over.join('\n')}`,
  );
  return over;
}

// `node scripts/bench-budgets.ts [dist]`: both tables for a build already made.
if (import.meta.main) {
  const outDir = process.argv[2] ?? 'dist';
  console.log('## Layout shift while loading\n');
  const moved = await printLayoutShift(outDir);
  console.log('\n## JavaScript per page type\n');
  const over = printJsBudgets(path.join(outDir, 'client'));
  process.exitCode = moved.length + over.length > 0 ? 1 : 0;
}
