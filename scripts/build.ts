// `npm run build`: `astro build` (arguments passed through) with the memory settings a large knowledge base needs.
// MIMALLOC_PURGE_DELAY=0: Vite's bundler (Rolldown, native code with its own allocator, mimalloc) frees its
// module graph after bundling, but mimalloc kept those pages; at 5,000 articles that was about 0.8 GB held
// through prerendering and Pagefind indexing (bench/results.md). The allocator reads it once at start-up, so it
// is set here, in the environment of a new process, not in astro.config.mjs.
import { spawnSync } from 'node:child_process';

// npm runs scripts from the project root, where Astro's CLI is (its bin is not an export to resolve).
const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...process.argv.slice(2)], {
  env: { MIMALLOC_PURGE_DELAY: '0', ...process.env },
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
