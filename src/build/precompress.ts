// Writes a brotli (.br) and a gzip (.gz) copy beside every compressible built file (HTML, CSS, JS, JSON, feeds,
// SVG; src/lib/http/compression.ts) after the build and the Pagefind index (src/build/after-astro.ts), so `npm start` sends compressed
// responses without compressing anything per request (src/server/static-headers.ts picks the copy). Content-
// hashed assets (/_astro/, Pagefind's scripts) get brotli's best and slowest quality: a handful of files, each
// downloaded once per visitor per deploy. Pages get quality 6, within a tenth of the best and 30 times faster,
// so a 5,000-article build spends seconds here, not minutes. Pagefind's index files are gzipped by Pagefind.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { compressibleType, ENCODING_SUFFIX, MIN_COMPRESS_BYTES } from '../lib/http/compression.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Files compressed at once: enough to keep zlib's thread pool busy. */
const IN_FLIGHT = 8;
/** A copy is kept only when it saves at least this share of the original. */
const MIN_SAVING = 0.1;

function brotliQuality(relative: string): number {
  const hashed = relative.startsWith(`_astro${path.sep}`) || relative.startsWith(`pagefind${path.sep}`);
  return hashed ? constants.BROTLI_MAX_QUALITY : 6;
}

async function precompressFile(root: string, relative: string): Promise<number> {
  const file = path.join(root, relative);
  const original = await readFile(file);
  if (original.length < MIN_COMPRESS_BYTES) return 0;
  const [br, gz] = await Promise.all([
    brotli(original, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: brotliQuality(relative),
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    }),
    gzipped(original, { level: 9 }),
  ]);
  let written = 0;
  for (const [copy, suffix] of [
    [br, ENCODING_SUFFIX.br],
    [gz, ENCODING_SUFFIX.gzip],
  ] as const) {
    if (copy.length > original.length * (1 - MIN_SAVING)) continue;
    await writeFile(file + suffix, copy);
    written++;
  }
  return written;
}

/** Writes the copies for every compressible file under `root`; returns how many copies of how many files. */
export async function precompressSite(root: string): Promise<{ copies: number; files: number }> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && compressibleType(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  let next = 0;
  let copies = 0;
  const worker = async () => {
    while (next < files.length) {
      // Awaited first: `copies += await ...` would read `copies` before the await and lose other workers' counts.
      const written = await precompressFile(root, files[next++]!);
      copies += written;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { copies, files: files.length };
}
