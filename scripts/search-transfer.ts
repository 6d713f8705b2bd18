// What a customer's browser downloads to search, for `npm run bench`: the built site's client files served
// gzip-compressed by a small static server that counts every response (so the index chunks and WebAssembly
// Pagefind fetches count too), and Chromium loading /search/?q=... with an empty cache until the results show.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

interface Counter {
  bytes: number;
  requests: number;
}

function serve(clientDir: string, counter: Counter): Promise<{ server: Server; url: string }> {
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(clientDir, pathname);
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(clientDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    let body = cache.get(file);
    if (!body) {
      body = gzipSync(readFileSync(file));
      cache.set(file, body);
    }
    counter.bytes += body.length;
    counter.requests += 1;
    if (process.env.SEARCH_TRANSFER_LOG) console.log(`${body.length}\t${pathname}`);
    res.writeHead(200, {
      'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
      'Content-Encoding': 'gzip',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

export interface SearchTransfer {
  query: string;
  bytes: number;
  requests: number;
  /** Navigation start to results on the page, median of the runs. */
  ms: number;
}

/** Opens a site's search with `query` and resolves when its results are on the page. */
export type SearchDriver = (page: Page, baseUrl: string, query: string) => Promise<void>;

/** Ours: /search/?q=... and the status line saying what was found. */
export const searchPageDriver: SearchDriver = async (page, baseUrl, query) => {
  await page.goto(`${baseUrl}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('.search-page [role="status"]', { hasText: /for “/ }).waitFor({ timeout: 30_000 });
};

/** The search page plus its first query, from an empty cache, for each query (median time of `runs`). */
export async function measureSearchTransfer(
  clientDir: string,
  queries: string[],
  runs = 3,
  driver: SearchDriver = searchPageDriver,
): Promise<SearchTransfer[]> {
  const counter: Counter = { bytes: 0, requests: 0 };
  const { server, url } = await serve(path.resolve(clientDir), counter);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const out: SearchTransfer[] = [];
  try {
    for (const query of queries) {
      const times: number[] = [];
      let bytes = 0;
      let requests = 0;
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        counter.bytes = 0;
        counter.requests = 0;
        const start = performance.now();
        await driver(page, url, query);
        times.push(performance.now() - start);
        // Late requests (e.g. fragments for results below the fold) still count.
        await page.waitForLoadState('networkidle');
        bytes = counter.bytes;
        requests = counter.requests;
        await context.close();
      }
      times.sort((a, b) => a - b);
      out.push({ query, bytes, requests, ms: times[Math.floor(times.length / 2)]! });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}
