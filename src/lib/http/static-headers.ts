// Response headers for the files the site serves as built (status JSON, feeds, calendar, badge, pages), as one
// table: the Node server applies it, and the headers files for static hosts are rendered from it, so a host
// and `npm start` send the same thing: CORS on public data, and how long each file may be cached. Add a rule
// here, never in a shell.

export interface StaticHeaderRule {
  /** Why these headers, in a few words; written as a comment in the rendered headers files. */
  purpose: string;
  /** Site paths; a trailing `*` matches any rest of the path (the splat of Netlify's and Cloudflare's `_headers`). */
  paths: readonly string[];
  headers: Readonly<Record<string, string>>;
  /** Answer a CORS preflight (`OPTIONS`) for these paths: public data any page may read. */
  preflight?: boolean;
}

/** Methods the headers go with: the files are read-only, and a header on a 405 or a POST answer would mislead. */
export const HEADER_METHODS = ['GET', 'HEAD'] as const;

/** Content-hashed file names: a changed file gets a new name, so a copy is never stale. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Files rebuilt on every deploy under the same name: a minute at most, then the browser (or a CDN) asks again
 * with the ETag or Last-Modified it has and gets a body-less 304 when nothing changed. A status update reaches
 * readers within a minute of the deploy (the status page itself re-checks /api/v2/summary.json every minute).
 */
export const CACHE_REVALIDATE = 'public, max-age=60, must-revalidate';

export const staticHeaderRules: readonly StaticHeaderRule[] = [
  {
    // Astro's bundles and Pagefind's index chunks, fragments and filters carry a hash of their content in
    // their names. Pagefind's entry file, scripts and wasm keep their names and fall under the next rule.
    purpose: 'content-hashed files, cached for a year',
    paths: ['/_astro/*', '/pagefind/index/*', '/pagefind/fragment/*', '/pagefind/filter/*'],
    headers: { 'Cache-Control': CACHE_IMMUTABLE },
  },
  {
    // Every other file the build writes, listed by where it lives (no rule may overlap another's Cache-Control:
    // static hosts join or pick matching rules' values differently). A new top-level folder needs a path here;
    // the browser tests fail on any built file without a Cache-Control from this table.
    purpose: 'pages, feeds and data rebuilt on every deploy, revalidated after a minute',
    paths: [
      '/',
      '/index.html',
      '/404.html',
      '/kb/*',
      '/codes/*',
      '/search/*',
      '/status/*',
      '/support/*',
      '/api/v2/*',
      '/pagefind/pagefind*',
      '/pagefind/wasm.*',
      '/sitemap-*',
      '/favicon.svg',
    ],
    headers: { 'Cache-Control': CACHE_REVALIDATE },
  },
  {
    // Atlassian's <statuspage-widget>, aggregators, intranet dashboards, feed readers and calendars run on other
    // origins; nothing here is private and nothing is sent with credentials, so any origin may read it.
    purpose: 'public status data other sites read',
    paths: ['/api/v2/*', '/status/feed.rss', '/status/feed.atom', '/status/maintenance.ics', '/status/badge.svg'],
    headers: { 'Access-Control-Allow-Origin': '*' },
    preflight: true,
  },
];

/**
 * Pairs of rules that set the same header on paths both match: static hosts resolve such a pair differently
 * (Netlify and Cloudflare join the values, Vercel takes the last), so the table must have none.
 */
export function overlappingRules(
  rules: readonly StaticHeaderRule[] = staticHeaderRules,
): { header: string; first: string; second: string }[] {
  const prefix = (pattern: string) => (pattern.endsWith('*') ? pattern.slice(0, -1) : undefined);
  const overlap = (a: string, b: string) => {
    const [pa, pb] = [prefix(a), prefix(b)];
    if (pa !== undefined && pb !== undefined) return pa.startsWith(pb) || pb.startsWith(pa);
    if (pa !== undefined) return b.startsWith(pa);
    if (pb !== undefined) return a.startsWith(pb);
    return a === b;
  };
  const found: { header: string; first: string; second: string }[] = [];
  rules.forEach((first, i) =>
    rules.slice(i + 1).forEach((second) => {
      const shared = Object.keys(first.headers).filter((h) =>
        Object.keys(second.headers).some((other) => other.toLowerCase() === h.toLowerCase()),
      );
      for (const header of shared) {
        const a = first.paths.find((pa) => second.paths.some((pb) => overlap(pa, pb)));
        const b = a && second.paths.find((pb) => overlap(a, pb));
        if (a && b) found.push({ header, first: a, second: b });
      }
    }),
  );
  return found;
}

/** Whether a site path (no query) matches a rule's path: exact, or by prefix before a trailing `*`. */
export function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

function rulesFor(path: string, rules: readonly StaticHeaderRule[]): StaticHeaderRule[] {
  return rules.filter((rule) => rule.paths.some((pattern) => pathMatches(pattern, path)));
}

/** The headers a GET or HEAD of `path` gets (later rules win on the same header); none for other methods. */
export function staticResponseHeaders(
  path: string,
  method: string,
  rules: readonly StaticHeaderRule[] = staticHeaderRules,
): Record<string, string> {
  if (!(HEADER_METHODS as readonly string[]).includes(method.toUpperCase())) return {};
  return Object.assign({}, ...rulesFor(path, rules).map((rule) => rule.headers));
}

/** How long a browser may reuse a preflight answer: a day (browsers cap it lower anyway). */
const PREFLIGHT_MAX_AGE = 86_400;

/**
 * The answer to `OPTIONS path` when a rule allows preflight: 204 with the allowed methods and the request
 * headers the browser asked for (the data is public and read without credentials, so any header may come).
 * null: not ours to answer (the server's usual handling applies).
 */
export function preflightAnswer(
  path: string,
  requestHeaders: string | undefined,
  rules: readonly StaticHeaderRule[] = staticHeaderRules,
): { status: 204; headers: Record<string, string> } | null {
  const matching = rulesFor(path, rules);
  if (!matching.some((rule) => rule.preflight)) return null;
  const asked = (requestHeaders ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(h));
  return {
    status: 204,
    headers: {
      // The CORS rules' headers only: a cache rule for the GET says nothing about the preflight.
      ...Object.assign({}, ...matching.filter((rule) => rule.preflight).map((rule) => rule.headers)),
      'Access-Control-Allow-Methods': [...HEADER_METHODS, 'OPTIONS'].join(', '),
      ...(asked.length > 0 && { 'Access-Control-Allow-Headers': asked.join(', ') }),
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE),
    },
  };
}

/** `public/_headers` for Netlify and Cloudflare Pages (same syntax: a path line, then indented `Name: value`). */
export function netlifyHeadersFile(rules: readonly StaticHeaderRule[] = staticHeaderRules): string {
  const blocks = rules.map((rule) => {
    const lines = [`# ${rule.purpose}`];
    for (const path of rule.paths) {
      lines.push(path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`));
    }
    return lines.join('\n');
  });
  return [
    '# Generated from src/lib/http/static-headers.ts by `node scripts/static-headers.ts`: edit the table, not this file.',
    ...blocks,
  ].join('\n\n');
}

/** A `*` splat as the path-to-regexp pattern Vercel's `headers[].source` takes. */
const vercelSource = (path: string) => (path.endsWith('*') ? `${path.slice(0, -1)}(.*)` : path);

/** The `headers` block of `vercel.json`. */
export function vercelHeaders(
  rules: readonly StaticHeaderRule[] = staticHeaderRules,
): { source: string; headers: { key: string; value: string }[] }[] {
  return rules.flatMap((rule) =>
    rule.paths.map((path) => ({
      source: vercelSource(path),
      headers: Object.entries(rule.headers).map(([key, value]) => ({ key, value })),
    })),
  );
}
