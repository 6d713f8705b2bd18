import { describe, expect, it } from 'vitest';
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  netlifyHeadersFile,
  overlappingRules,
  pathMatches,
  preflightAnswer,
  staticHeaderRules,
  staticResponseHeaders,
  vercelHeaders,
  type StaticHeaderRule,
} from '../../../src/lib/http/static-headers.ts';

const publicData = [
  '/api/v2/summary.json',
  '/api/v2/incidents/unresolved.json',
  '/status/feed.rss',
  '/status/feed.atom',
  '/status/maintenance.ics',
  '/status/badge.svg',
];

describe('the static response headers table', () => {
  it('lets any origin GET or HEAD the status JSON, feeds, calendar and badge', () => {
    for (const path of publicData) {
      for (const method of ['GET', 'HEAD', 'get']) {
        expect(staticResponseHeaders(path, method)['Access-Control-Allow-Origin'], `${method} ${path}`).toBe('*');
      }
    }
  });

  it('adds nothing to other methods, no CORS to pages, and nothing at all to the ticket endpoint', () => {
    expect(staticResponseHeaders('/api/v2/summary.json', 'POST')).toEqual({});
    for (const path of ['/status/', '/kb/', '/status/history/', '/api/v2']) {
      expect(staticResponseHeaders(path, 'GET'), path).not.toHaveProperty('Access-Control-Allow-Origin');
    }
    expect(staticResponseHeaders('/api/tickets', 'GET')).toEqual({});
  });

  it('caches content-hashed files for a year and revalidates pages, feeds and data after a minute', () => {
    const cache = (path: string) => staticResponseHeaders(path, 'GET')['Cache-Control'];
    for (const path of [
      '/_astro/client.CzWaolnw.js',
      '/pagefind/index/en_5e1d3f2.pf_index',
      '/pagefind/fragment/en_0a1b2c3.pf_fragment',
      '/pagefind/filter/en_9f8e7d6.pf_filter',
    ]) {
      expect(cache(path), path).toBe(CACHE_IMMUTABLE);
    }
    for (const path of [
      '/',
      '/kb/registration/phone-wont-register/',
      '/status/',
      '/status/feed.rss',
      '/api/v2/summary.json',
      '/search/lexicon.json',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/wasm.en.pagefind',
      '/sitemap-index.xml',
      '/404.html',
    ]) {
      expect(cache(path), path).toBe(CACHE_REVALIDATE);
    }
  });

  it('has no two rules setting one header on the same path (static hosts would join or drop values)', () => {
    expect(overlappingRules()).toEqual([]);
    const overlapping: StaticHeaderRule[] = [
      { purpose: 'a', paths: ['/status/*'], headers: { 'Cache-Control': 'no-store' } },
      { purpose: 'b', paths: ['/kb/', '/status/feed.rss'], headers: { 'cache-control': 'max-age=60' } },
      { purpose: 'c', paths: ['/status/*'], headers: { 'X-Other': '1' } },
    ];
    expect(overlappingRules(overlapping)).toEqual([
      { header: 'Cache-Control', first: '/status/*', second: '/status/feed.rss' },
    ]);
  });

  it('matches exact paths, and prefixes before a trailing *', () => {
    expect(pathMatches('/api/v2/*', '/api/v2/')).toBe(true);
    expect(pathMatches('/api/v2/*', '/api/v2x/summary.json')).toBe(false);
    expect(pathMatches('/status/feed.rss', '/status/feed.rss.bak')).toBe(false);
  });

  it('answers a CORS preflight for public data with the methods and the headers asked for', () => {
    expect(preflightAnswer('/api/v2/summary.json', 'cache-control, X-Requested-With')).toEqual({
      status: 204,
      headers: {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'cache-control, X-Requested-With',
        'Access-Control-Max-Age': '86400',
      },
    });
    // A header name that is not a token is not echoed back (no header injection through the preflight).
    expect(preflightAnswer('/status/badge.svg', 'a\r\nSet-Cookie: x')?.headers).not.toHaveProperty(
      'Access-Control-Allow-Headers',
    );
    expect(preflightAnswer('/api/tickets', 'content-type')).toBeNull();
  });

  it('later rules add to and override earlier ones, so others can extend the table', () => {
    const rules: StaticHeaderRule[] = [
      ...staticHeaderRules,
      { purpose: 'long cache', paths: ['/status/badge.svg'], headers: { 'Cache-Control': 'max-age=60' } },
    ];
    expect(staticResponseHeaders('/status/badge.svg', 'GET', rules)).toEqual({
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'max-age=60',
    });
    expect(preflightAnswer('/status/feed.rss', undefined, rules)?.headers).toMatchObject({
      'Access-Control-Allow-Origin': '*',
    });
  });

  it('renders the same table as a Netlify/Cloudflare _headers file and as vercel.json headers', () => {
    const rules: StaticHeaderRule[] = [
      { purpose: 'public', paths: ['/api/v2/*', '/status/badge.svg'], headers: { 'Access-Control-Allow-Origin': '*' } },
    ];
    expect(netlifyHeadersFile(rules).split('\n').slice(2)).toEqual([
      '# public',
      '/api/v2/*',
      '  Access-Control-Allow-Origin: *',
      '/status/badge.svg',
      '  Access-Control-Allow-Origin: *',
    ]);
    expect(vercelHeaders(rules)).toEqual([
      { source: '/api/v2/(.*)', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] },
      { source: '/status/badge.svg', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] },
    ]);
  });
});
