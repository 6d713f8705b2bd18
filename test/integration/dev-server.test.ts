// `npm run dev` as a support writer uses it: `astro dev` over the fixture content serves an article (with its
// troubleshooter island), the status page and the ticket form, and logs no error or warning while doing it.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.ts';

const STARTUP_MS = 90_000;
const ARTICLE = '/kb/registration/phone-wont-register/';
// The islands render their first state on the server in each, and home's search box uses client:interaction.
const PAGES = [ARTICLE, '/status/', '/support/new/', '/search/', '/'];
// What a clean dev server never prints: React's hook warning, errors and warnings from Astro, Vite or Node.
const PROBLEM = /invalid hook call|error|warn|\bfailed\b|unhandled|cannot find/i;

let server: ChildProcess;
let log = '';
let origin = '';

/** Resolves once the log matches `pattern` (what has been logged so far counts), or rejects after `ms`. */
function logged(pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not log ${pattern} within ${ms} ms:\n${log}`)), ms);
    const look = () => {
      const match = log.match(pattern);
      if (!match) return;
      clearTimeout(timer);
      clearInterval(poll);
      resolve(match);
    };
    const poll = setInterval(look, 100);
    look();
  });
}

/** The writer's environment, without what Vitest sets for itself (NODE_ENV=test, VITEST_*): Vite reads those. */
function devEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST') && name !== 'TEST',
    ),
  );
}

beforeAll(async () => {
  const port = await freePort();
  // --ignore-lock: run in the foreground beside any dev server the writer has open, without its lock file.
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--host', '127.0.0.1', '--port', String(port)],
    {
      env: {
        ...devEnvironment(),
        CONTENT_DIR: 'test/fixtures/content-good',
        STATUS_NOW: '2026-11-24T15:00:00Z',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const append = (chunk: Buffer) => (log += chunk.toString('utf8'));
  server.stdout?.on('data', append);
  server.stderr?.on('data', append);
  const [, url] = await logged(/Local\s+(http:\/\/127\.0\.0\.1:\d+)\//, STARTUP_MS);
  origin = url ?? '';
}, STARTUP_MS + 5_000);

afterAll(() => {
  // The whole process group: astro dev and anything it started.
  if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
});

describe('npm run dev', () => {
  it('serves an article with its troubleshooter island, the status page, the ticket form, search and home without logging errors', async () => {
    const pages = new Map<string, string>();
    for (const page of PAGES) {
      const response = await fetch(origin + page);
      expect(response.status, page).toBe(200);
      pages.set(page, await response.text());
    }
    // The request lines come after anything logged while rendering them.
    for (const page of PAGES) await logged(new RegExp(`\\[200\\] ${page.replace(/[/]/g, '\\/')}`), 10_000);

    const article = pages.get(ARTICLE) ?? '';
    expect(article).toMatch(/<astro-island[^>]*component-url="\/src\/islands\/Troubleshooter\.tsx"/);
    expect(article).toContain('Get your phone registered');
    // The MDX body, compiled as the page renders (src/data/article-content.ts), with the playbook components.
    expect(article).toMatch(/<h3 id="check-do-the-sip-username-and-password-match-the-portal"[^>]*>/);
    expect(pages.get('/support/new/')).toContain('id="ticket-step-title"');
    expect(pages.get('/')).toMatch(/<astro-island[^>]*client="interaction"/);
    expect(log.split('\n').filter((line) => PROBLEM.test(line))).toEqual([]);
  }, 60_000);
});
