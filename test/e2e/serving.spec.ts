// How the built server (`npm start`) serves the build, as a CDN would: every built file has a Cache-Control from
// the rule table (content-hashed ones for a year, the rest revalidated after a minute with an ETag), and text
// comes compressed (brotli, else gzip) to clients that accept it, with Vary: Accept-Encoding and the same bytes
// once decoded. Raw HTTP (node:http), so nothing decodes or adds headers behind the test's back.
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, staticResponseHeaders } from '../../src/lib/http/static-headers.ts';
import { baseURL } from '../../playwright.config.ts';

const CLIENT = 'dist/client';

function get(target: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(new URL(target, baseURL), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject).end();
    },
  );
}

const builtFiles = () =>
  readdirSync(CLIENT, { recursive: true, encoding: 'utf8' })
    .map((f) => `/${f.split(path.sep).join('/')}`)
    .filter((f) => !/\.(br|gz)$/.test(f) && f !== '/_headers' && !readdirSafe(f));
const readdirSafe = (site: string) => {
  try {
    readdirSync(path.join(CLIENT, site));
    return true;
  } catch {
    return false;
  }
};

test('every built file has a Cache-Control from the rule table', () => {
  const missing = builtFiles().filter((file) => !staticResponseHeaders(file, 'GET')['Cache-Control']);
  expect(missing, 'add their folder to a rule in src/lib/http/static-headers.ts').toEqual([]);
});

test('pages, data and bundles come compressed when accepted, the same bytes once decoded', async () => {
  const bundle = builtFiles().find((f) => f.startsWith('/_astro/') && f.endsWith('.js'))!;
  for (const target of ['/', '/kb/registration/phone-wont-register/', '/status/', '/api/v2/summary.json', bundle]) {
    const plain = await get(target, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding'], target).toBeUndefined();
    expect(plain.headers.vary, target).toBe('Accept-Encoding');
    const br = await get(target, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding'], target).toBe('br');
    expect(br.headers['content-type'], target).toBe(plain.headers['content-type']);
    expect(br.body.length, target).toBeLessThan(plain.body.length);
    expect(brotliDecompressSync(br.body).equals(plain.body), target).toBe(true);
    const gz = await get(target, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding'], target).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body), target).toBe(true);
  }
});

test('pages revalidate after a minute with an ETag (304 when unchanged); hashed files are immutable', async () => {
  for (const [target, encoding] of [
    ['/status/', 'br'],
    ['/api/v2/summary.json', 'identity'],
  ] as const) {
    const first = await get(target, { 'accept-encoding': encoding });
    expect(first.headers['cache-control'], target).toBe(CACHE_REVALIDATE);
    const etag = String(first.headers.etag);
    expect(etag, target).toMatch(/^(W\/)?"/);
    const again = await get(target, { 'accept-encoding': encoding, 'if-none-match': etag });
    expect(again.status, target).toBe(304);
    expect(again.body.length, target).toBe(0);
  }
  const fragment = builtFiles().find((f) => f.startsWith('/pagefind/fragment/'))!;
  expect((await get(fragment)).headers['cache-control']).toBe(CACHE_IMMUTABLE);
  expect((await get('/pagefind/pagefind.js')).headers['cache-control']).toBe(CACHE_REVALIDATE);
});
