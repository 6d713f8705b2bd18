// Which built files are sent compressed, and which encoding a request gets. The build writes each compressible
// file's brotli and gzip copies beside it (src/build/precompress.ts); the Node server picks one per request
// (src/server/static-headers.ts). Pure: paths and header values in, decisions out.

/** Text formats worth compressing, with the Content-Type the server sends for them (as `send` would). */
export const COMPRESSIBLE_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** Below this, headers outweigh what compression saves. */
export const MIN_COMPRESS_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

/** The file name extension each encoding's copy gets, beside the original. */
export const ENCODING_SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/** The Content-Type of a compressible file name, or undefined (images, Pagefind's own gzipped index files). */
export function compressibleType(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : COMPRESSIBLE_TYPES[fileName.slice(dot).toLowerCase()];
}

/**
 * The encoding to send, from the request's Accept-Encoding and the copies that exist: brotli first (smaller),
 * then gzip; none when the client accepts neither (or refuses them with q=0). `*` accepts both.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (name) quality.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (encoding: Encoding) => (quality.get(encoding) ?? quality.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).find((encoding) => available.includes(encoding) && accepts(encoding));
}
