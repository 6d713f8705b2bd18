// `npm run build` end to end over the fixture content: Astro builds the pages (articles compiled as each page
// renders, src/data/article-content.ts), then, once Astro's process has exited, scripts/build.ts writes the
// Pagefind index and the brotli and gzip copies (src/build/after-astro.ts). The browser tests use what this
// writes to dist/; here a build into a folder of its own checks the steps and their order.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUILD_MS = 300_000;
const ARTICLE = 'kb/registration/phone-wont-register/index.html';

// Inside the project: the prerendered server code resolves its packages from node_modules.
mkdirSync('test-results', { recursive: true });
const outDir = mkdtempSync(path.join('test-results', 'build-'));
const client = path.join(outDir, 'client');
let output = '';
let status: number | null = null;

beforeAll(async () => {
  const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
    env: {
      ...process.env,
      CONTENT_DIR: 'test/fixtures/content-good',
      STATUS_NOW: '2026-11-24T15:00:00Z',
      // The fixture has no support/ articles, which the footer links to.
      LINK_CHECK: 'warn',
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  status = await new Promise((resolve) => child.on('close', resolve));
}, BUILD_MS);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const lineOf = (pattern: RegExp) => output.split('\n').findIndex((line) => pattern.test(line));

describe('npm run build', () => {
  it('builds, then indexes the pages with Pagefind and compresses them after Astro has finished', () => {
    expect(status, output.slice(-3000)).toBe(0);
    const astroDone = lineOf(/\[build\] Complete!/);
    const indexed = lineOf(/\[dialtone:pagefind\] Pagefind indexed \d+ pages/);
    const compressed = lineOf(/\[dialtone:precompress\] wrote \d+ brotli and gzip copies/);
    expect(astroDone).toBeGreaterThan(-1);
    expect(indexed).toBeGreaterThan(astroDone);
    expect(compressed).toBeGreaterThan(indexed);
    expect(output).not.toMatch(/`astro build` alone writes no search index/);
  });

  it('indexes exactly the pages marked data-pagefind-body', () => {
    const marked = readdirSync(client, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.html') && readFileSync(path.join(client, file), 'utf8').includes('data-pagefind-body'),
    );
    expect(marked).toContain(ARTICLE);
    const entry = JSON.parse(readFileSync(path.join(client, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages.en?.page_count).toBe(marked.length);
  });

  it("writes compressed copies of Pagefind's own scripts as well as of the pages", () => {
    for (const file of ['pagefind/pagefind.js', ARTICLE]) {
      expect(existsSync(path.join(client, `${file}.br`)), file).toBe(true);
      expect(existsSync(path.join(client, `${file}.gz`)), file).toBe(true);
    }
    const copies = readdirSync(client, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(br|gz)$/.test(file));
    expect(output).toContain(`wrote ${copies.length} brotli and gzip copies`);
  });

  it("renders an article's MDX body with the playbook components and its table of contents", () => {
    const html = readFileSync(path.join(client, ARTICLE), 'utf8');
    expect(html).toMatch(/<ol class="steps"[^>]*>/);
    expect(html).toMatch(/<h3 id="check-do-the-sip-username-and-password-match-the-portal"[^>]*>/);
    expect(html).toContain('<a href="/kb/account/reset-sip-password/">I need a new SIP password</a>');
    expect(html).toMatch(/<section class="escalate"[^>]*>/);
    expect(html).toMatch(/<a href="#check-in-this-order"[^>]*>Check, in this order<\/a>/);
  });
});
