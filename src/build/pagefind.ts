// The Pagefind index of the built pages (the way Starlight builds it), written into the client folder.
// Only pages marked with data-pagefind-body are indexed, so home and status pages stay out of results.
// It runs after `astro build` has exited (scripts/build.ts, through src/build/after-astro.ts), not in an Astro
// hook: at 10,000 articles Astro's process still held 3.2 GB when Pagefind's binary added its 1.9 GB
// (bench/results.md).
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Indexes the HTML under `clientDir` into `clientDir/pagefind/`; returns the number of pages indexed. */
export async function indexSite(clientDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: 'en',
    // Star codes (*67), country codes (+1) and DTMF (#) are what customers type: keep them searchable.
    includeCharacters: '*+#',
  });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: clientDir });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(clientDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
