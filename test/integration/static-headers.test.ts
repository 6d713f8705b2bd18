// The static response headers outside the pure table: the committed headers files for static hosts match the
// table, and the server wrapper sends them (and answers preflights) on a real HTTP server.
import { spawnSync } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  it('adds nothing to pages, the ticket endpoint or other methods', async () => {
    expect((await send('GET', '/status/')).headers).not.toHaveProperty('access-control-allow-origin');
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
