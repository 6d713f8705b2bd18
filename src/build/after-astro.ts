// What `npm run build` does once `astro build` has exited (scripts/build.ts): the Pagefind index, then the brotli
// and gzip copies of every compressible file, Pagefind's scripts included. Running them in the build script's own
// small process, after Astro's, keeps Astro's memory (3.2 GB at 10,000 articles) from adding to Pagefind's
// (1.9 GB). The integration tells scripts/build.ts where Astro wrote the client files (whatever --outDir or
// adapter), and warns when `astro build` runs alone, without these steps.
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { indexSite } from './pagefind.ts';
import { precompressSite } from './precompress.ts';

/** The file scripts/build.ts names for Astro to write its client folder's path into. */
export const CLIENT_DIR_FILE_ENV = 'DIALTONE_CLIENT_DIR_FILE';

export function handOffToBuildScript(): AstroIntegration {
  return {
    name: 'dialtone:after-astro',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const file = process.env[CLIENT_DIR_FILE_ENV];
        if (file) writeFileSync(file, fileURLToPath(dir));
        else logger.warn('`astro build` alone writes no search index and no compressed copies: use `npm run build`');
      },
    },
  };
}

/** A line the way Astro's logger prints it, so build logs (and the memory benchmark's phases) read on. */
export type BuildLog = (source: string, message: string) => void;

/** Indexes the built pages, then compresses every text file (the index's own scripts included). */
export async function finishSite(clientDir: string, log: BuildLog): Promise<void> {
  log('dialtone:pagefind', 'indexing the built pages');
  const pages = await indexSite(clientDir);
  log('dialtone:pagefind', `Pagefind indexed ${pages} pages`);
  const started = performance.now();
  const { copies, files } = await precompressSite(clientDir);
  log(
    'dialtone:precompress',
    `wrote ${copies} brotli and gzip copies of ${files} files in ${Math.round(performance.now() - started)} ms`,
  );
}
