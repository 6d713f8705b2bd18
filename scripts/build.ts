// `npm run build`: `astro build` (arguments passed through) with the memory settings a large knowledge base
// needs, then, once Astro's process has exited, the Pagefind index and the compressed copies
// (src/build/after-astro.ts). Every way of building the site (npm start, CI, deploy, the benchmarks) runs this.
// MIMALLOC_PURGE_DELAY=0: Vite's bundler (Rolldown, native code with its own allocator, mimalloc) frees its
// module graph after bundling, but mimalloc kept those pages; at 5,000 articles that was about 0.8 GB held
// through prerendering when every article was a module (bench/results.md; now within the noise). The allocator
// reads it once at start-up, so it is set here, in the environment of a new process, not in astro.config.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLIENT_DIR_FILE_ENV, finishSite } from '../src/build/after-astro.ts';

const handOff = mkdtempSync(path.join(tmpdir(), 'dialtone-build-'));
const clientDirFile = path.join(handOff, 'client-dir');
// npm runs scripts from the project root, where Astro's CLI is (its bin is not an export to resolve).
const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...process.argv.slice(2)], {
  env: { MIMALLOC_PURGE_DELAY: '0', ...process.env, [CLIENT_DIR_FILE_ENV]: clientDirFile },
  stdio: 'inherit',
});
// No file when Astro failed, or built nothing (`--help`): exit as Astro did.
const clientDir = run.status === 0 && existsSync(clientDirFile) ? readFileSync(clientDirFile, 'utf8') : undefined;
rmSync(handOff, { recursive: true, force: true });
if (clientDir === undefined) process.exit(run.status ?? 1);

const time = () => new Date().toTimeString().slice(0, 8);
try {
  await finishSite(clientDir, (source, message) => console.log(`${time()} [${source}] ${message}`));
} catch (error) {
  console.error(`${time()} [build] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
