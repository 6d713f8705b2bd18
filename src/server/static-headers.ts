// The Node server's side of the static response headers: wraps the adapter's request handler so every file it
// serves (prerendered pages, /api/v2 JSON, feeds, calendar, badge) gets the headers of the rule table in
// src/lib/http/static-headers.ts, and CORS preflights for public data get their answer. Astro middleware
// does not run for prerendered files, and @astrojs/node's `staticHeaders` only carries CSP: hence a wrapper,
// put around the adapter's handler at build time by src/build/static-headers.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { preflightAnswer, staticResponseHeaders } from '../lib/http/static-headers.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, ...rest: never[]) => unknown;

/** The site path of a request target, without query or fragment. */
function sitePath(url: string | undefined): string {
  return (url ?? '/').split(/[?#]/, 1)[0] || '/';
}

export function withStaticHeaders<H extends NodeHandler>(handler: H): H {
  const wrapped = (req: IncomingMessage, res: ServerResponse, ...rest: never[]) => {
    const path = sitePath(req.url);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      const requested = req.headers['access-control-request-headers'];
      const answer = preflightAnswer(path, Array.isArray(requested) ? requested.join(',') : requested);
      if (answer) {
        res.writeHead(answer.status, answer.headers);
        res.end();
        return undefined;
      }
    }
    // Set before the adapter answers: `send` and Astro's response writer keep headers already set.
    for (const [name, value] of Object.entries(staticResponseHeaders(path, method))) res.setHeader(name, value);
    return handler(req, res, ...rest);
  };
  return wrapped as H;
}
