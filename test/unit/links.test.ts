import { describe, expect, it } from 'vitest';
import { deadLinks, internalHrefs } from '../../src/lib/links/internal.ts';

describe('internalHrefs', () => {
  it('keeps root-relative links without query or fragment, and skips external ones', () => {
    const html =
      '<a href="/kb/a/">x</a><a href="/kb/b/#step">y</a><a href="https://example.com/">z</a><a href="//cdn.example.com/x">w</a><a href="/search/?q=1">s</a>';
    expect(internalHrefs(html).sort()).toEqual(['/kb/a/', '/kb/b/', '/search/']);
  });
});

describe('deadLinks', () => {
  it('reports links to missing pages with the page that has them', () => {
    const pages = new Map([
      ['/kb/a/', '<a href="/kb/b/">b</a><a href="/kb/gone/">gone</a><a href="/api/tickets">api</a>'],
      ['/kb/b/', '<a href="/kb/a/">a</a>'],
    ]);
    const exists = (p: string) => ['/kb/a/', '/kb/b/'].includes(p);
    expect(deadLinks(pages, exists, ['/api/'])).toEqual(['/kb/gone/ does not exist; linked from /kb/a/']);
  });

  it('groups the pages that link to the same missing target', () => {
    const pages = new Map(['/a/', '/b/', '/c/', '/d/', '/e/'].map((p) => [p, '<a href="/gone/">x</a>']));
    expect(deadLinks(pages, () => false)).toEqual([
      '/gone/ does not exist; linked from /a/, /b/, /c/ and 2 more pages',
    ]);
  });
});
