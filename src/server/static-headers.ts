// The Node server's side of the static response headers: wraps the adapter's request handler so every file it
// serves (prerendered pages, /api/v2 JSON, feeds, calendar, badge, bundles, Pagefind's index) gets the headers
// of the rule table in src/lib/http/static-headers.ts (CORS, Cache-Control), CORS preflights for public data get
// their answer, and a client that accepts brotli or gzip gets the copy the build wrote beside the file
// (src/build/precompress.ts), with `Vary: Accept-Encoding`. The adapter's own file server (`send`) still does
// the rest (ETag, Last-Modified, 304, ranges, HEAD) on whichever file is sent. Astro middleware does not run for
// prerendered files, and @astrojs/node's `staticHeaders` only carries CSP: hence a wrapper, put around the
// adapter's handler at build time by src/build/static-headers.ts.
import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { chooseEncoding, compressibleType, ENCODING_SUFFIX, type Encoding } from '../lib/http/compression.ts';
import { preflightAnswer, staticResponseHeaders } from '../lib/http/static-headers.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, ...rest: never[]) => unknown;

/** The site path of a request target, without query or fragment. */
function sitePath(url: string | undefined): string {
  return (url ?? '/').split(/[?#]/, 1)[0] || '/';
}

interface CompressedFile {
  /** The file's site path as built (a folder's index.html named). */
  file: string;
  type: string;
  encodings: Encoding[];
}

/**
 * Finds the built file a site path serves and the compressed copies beside it, once per path (the files do not
 * change while the server runs: a new build means a new server).
 */
function compressedCopies(clientDir: string): (sitePath: string) => CompressedFile | undefined {
  const known = new Map<string, CompressedFile | undefined>();
  const root = path.resolve(clientDir);
  return (site) => {
    if (known.has(site)) return known.get(site);
    let found: CompressedFile | undefined;
    let decoded: string | undefined;
    try {
      decoded = decodeURI(site);
    } catch {
      decoded = undefined;
    }
    if (decoded !== undefined) {
      let file = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
      const onDisk = path.resolve(root, `.${file}`);
      const inside = onDisk.startsWith(root + path.sep);
      // A folder asked for without its slash (trailingSlash 'ignore'): the adapter serves its index.html.
      if (inside && !path.extname(file) && existsSync(onDisk) && statSync(onDisk).isDirectory()) {
        file = `${file}/index.html`;
      }
      const type = compressibleType(file);
      const full = path.resolve(root, `.${file}`);
      if (inside && type && existsSync(full)) {
        const encodings = (Object.keys(ENCODING_SUFFIX) as Encoding[]).filter((e) =>
          existsSync(full + ENCODING_SUFFIX[e]),
        );
        if (encodings.length > 0) found = { file, type, encodings };
      }
    }
    // Bounded by the number of paths that exist, plus a cap for the ones that do not.
    if (found || known.size < 10_000) known.set(site, found);
    return found;
  };
}

export function withStaticHeaders<H extends NodeHandler>(handler: H, clientDir?: string): H {
  const copies = clientDir ? compressedCopies(clientDir) : () => undefined;
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
    if (method === 'GET' || method === 'HEAD') {
      const compressed = copies(path);
      if (compressed) {
        res.setHeader('Vary', 'Accept-Encoding');
        const accepted = req.headers['accept-encoding'];
        const encoding = chooseEncoding(Array.isArray(accepted) ? accepted.join(',') : accepted, compressed.encodings);
        if (encoding) {
          // `send` serves the copy as it would the file (ETag and Last-Modified of the copy, 304s, ranges), with
          // the original's type: it keeps a Content-Type already set.
          res.setHeader('Content-Type', compressed.type);
          res.setHeader('Content-Encoding', encoding);
          req.url = encodeURI(compressed.file + ENCODING_SUFFIX[encoding]);
        }
      }
    }
    return handler(req, res, ...rest);
  };
  return wrapped as H;
}
