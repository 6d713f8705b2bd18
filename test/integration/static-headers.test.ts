// The static response headers outside the pure table: the committed headers files for static hosts match the
// table, and the server wrapper sends them (and answers preflights, and picks the build's compressed copies)
// on a real HTTP server.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStaticHeaders } from '../../src/server/static-headers.ts';

describe('headers files for static hosts', () => {
  it('public/_headers and vercel.json are what the rule table renders', () => {
    const result = spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/static-headers.ts', '--check'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('withStaticHeaders around a Node handler', () => {
  let server: Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer(
      withStaticHeaders((req, res) => {
        seen.push(`${req.method} ${req.url}`);
        res.writeHead(req.method === 'POST' ? 405 : 200, { 'content-type': 'text/plain' });
        res.end('body');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function send(method: string, target: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      });
      req.on('error', reject).end();
    });
  }

  it('adds Access-Control-Allow-Origin to GET and HEAD of public data (query strings ignored), and keeps the answer', async () => {
    for (const [method, target] of [
      ['GET', '/api/v2/summary.json'],
      ['HEAD', '/status/feed.atom'],
      ['GET', '/status/badge.svg?style=flat'],
    ] as const) {
      const response = await send(method, target, { origin: 'https://intranet.example' });
      expect(response.status, target).toBe(200);
      expect(response.headers['access-control-allow-origin'], target).toBe('*');
      expect(response.headers['content-type']).toBe('text/plain');
    }
  });

  it('adds no CORS to pages, and nothing to the ticket endpoint or other methods', async () => {
    expect((await send('GET', '/status/')).headers).not.toHaveProperty('access-control-allow-origin');
    expect((await send('GET', '/status/')).headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    expect((await send('POST', '/api/tickets')).headers).not.toHaveProperty('cache-control');
    expect((await send('POST', '/api/tickets')).headers).not.toHaveProperty('access-control-allow-origin');
    const post = await send('POST', '/api/v2/summary.json');
    expect(post.status).toBe(405);
    expect(post.headers).not.toHaveProperty('access-control-allow-origin');
  });

  it('answers the preflight of public data itself, and passes other OPTIONS on', async () => {
    seen.length = 0;
    const preflight = await send('OPTIONS', '/api/v2/status.json', {
      origin: 'https://intranet.example',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'x-requested-with',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'x-requested-with',
    });
    expect(seen).toEqual([]);
    await send('OPTIONS', '/api/tickets');
    expect(seen).toEqual(['OPTIONS /api/tickets']);
  });
});

describe('withStaticHeaders and the compressed copies the build writes', () => {
  let server: Server;
  let port: number;
  let client: string;
  const seen: string[] = [];
  beforeAll(async () => {
    client = mkdtempSync(path.join(tmpdir(), 'dialtone-client-'));
    mkdirSync(path.join(client, 'status'));
    mkdirSync(path.join(client, 'kb'));
    for (const [file, text] of [
      ['status/index.html', '<p>status</p>'],
      ['status/index.html.br', 'brotli bytes'],
      ['status/index.html.gz', 'gzip bytes'],
      ['kb/tiny.html', '<p>too small to compress</p>'],
    ] as const) {
      writeFileSync(path.join(client, file), text);
    }
    server = createServer(
      withStaticHeaders((req, res) => {
        seen.push(req.url ?? '');
        res.end('body');
      }, client),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(client, { recursive: true, force: true });
  });

  /** What the wrapped handler was asked to serve, and the headers the wrapper set. */
  function get(target: string, acceptEncoding?: string, method = 'GET') {
    seen.length = 0;
    return new Promise<{ served: string; headers: Record<string, unknown> }>((resolve, reject) => {
      const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
      const req = request({ host: '127.0.0.1', port, method, path: target, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ served: seen[0] ?? '', headers: res.headers }));
      });
      req.on('error', reject).end();
    });
  }

  it('serves the brotli copy to a browser, gzip to a client without brotli, with the page type and Vary', async () => {
    const browser = await get('/status/', 'gzip, deflate, br, zstd');
    expect(browser.served).toBe('/status/index.html.br');
    expect(browser.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': 'text/html; charset=utf-8',
      vary: 'Accept-Encoding',
    });
    const gzipOnly = await get('/status/', 'gzip');
    expect(gzipOnly.served).toBe('/status/index.html.gz');
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect((await get('/status', 'br')).served).toBe('/status/index.html.br');
    expect((await get('/status/index.html', 'br', 'HEAD')).served).toBe('/status/index.html.br');
  });

  it('passes the request on as it came when the client accepts neither, still saying the answer varies', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/status/?from=feed', accept);
      expect(plain.served, accept).toBe('/status/?from=feed');
      expect(plain.headers, accept).not.toHaveProperty('content-encoding');
      expect(plain.headers.vary, accept).toBe('Accept-Encoding');
    }
  });

  it('leaves files without copies, paths outside the folder and other methods alone', async () => {
    for (const target of ['/kb/tiny.html', '/kb/missing.html', '/../status/index.html', '/%E0%A4%A/']) {
      const response = await get(target, 'br');
      expect(response.headers, target).not.toHaveProperty('content-encoding');
      expect(response.headers, target).not.toHaveProperty('vary');
    }
    const post = await get('/status/', 'br', 'POST');
    expect(post.served).toBe('/status/');
    expect(post.headers).not.toHaveProperty('content-encoding');
  });
});
