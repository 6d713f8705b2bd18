import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressibleType } from '../../../src/lib/http/compression.ts';

describe('which encoding a request gets', () => {
  it('prefers brotli, then gzip, among the copies that exist', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
  });

  it('honours q-values: q=0 refuses, and a refused wildcard leaves only what is named', () => {
    expect(chooseEncoding('br;q=0, gzip;q=0.8', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br; q=0, gzip;q=0', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('*;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('BR;Q=1', ['br'])).toBe('br');
  });

  it('sends the file as it is to a client that accepts neither, or says nothing', () => {
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('deflate', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding('br', [])).toBeUndefined();
  });
});

describe('which files are compressed', () => {
  it('text formats, with the type the server sends; not images or Pagefind’s own gzipped files', () => {
    expect(compressibleType('/kb/index.html')).toBe('text/html; charset=utf-8');
    expect(compressibleType('/_astro/client.CzWaolnw.js')).toBe('text/javascript; charset=utf-8');
    expect(compressibleType('/status/feed.RSS')).toBe('application/rss+xml');
    expect(compressibleType('/api/v2/summary.json')).toBe('application/json; charset=utf-8');
    expect(compressibleType('/pagefind/fragment/en_1.pf_fragment')).toBeUndefined();
    expect(compressibleType('/pagefind/wasm.en.pagefind')).toBeUndefined();
    expect(compressibleType('/favicon.png')).toBeUndefined();
    expect(compressibleType('/README')).toBeUndefined();
  });
});
