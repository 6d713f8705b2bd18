// Response headers for the files the site serves as built (status JSON, feeds, calendar, badge, pages), as one
// table: the Node server applies it, and the headers files for static hosts are rendered from it, so a host
// and `npm start` send the same thing. Add a rule here (cache, compression hints, ...), never in a shell.

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

export const staticHeaderRules: readonly StaticHeaderRule[] = [
  {
    // Atlassian's <statuspage-widget>, aggregators, intranet dashboards, feed readers and calendars run on other
    // origins; nothing here is private and nothing is sent with credentials, so any origin may read it.
    purpose: 'public status data other sites read',
    paths: ['/api/v2/*', '/status/feed.rss', '/status/feed.atom', '/status/maintenance.ics', '/status/badge.svg'],
    headers: { 'Access-Control-Allow-Origin': '*' },
    preflight: true,
  },
];

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
      ...Object.assign({}, ...matching.map((rule) => rule.headers)),
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
