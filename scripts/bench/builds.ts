// One cold build of our site over a content root, measured: the content-layer cache and Vite's caches are
// removed first (a build as CI does it from a clone), then `npm run build -- --force` (scripts/build.ts, with its
// memory settings) runs under the RSS sampler.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measured, type MeasuredRun } from './measure.ts';

/** The cache folder astro.config.mjs gives a CONTENT_DIR build (kept in step with it). */
export function contentCacheDir(contentDir: string): string {
  const hash = createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 12);
  return path.join(tmpdir(), 'dialtone-astro-cache', hash);
}

/** Builds our site from `contentDir` into `outDir`; throws with the output's tail when the build fails. */
export async function buildOurs(
  contentDir: string,
  outDir: string,
  { env = {} }: { env?: NodeJS.ProcessEnv } = {},
): Promise<MeasuredRun> {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(contentCacheDir(contentDir), { recursive: true, force: true });
  rmSync(path.join('node_modules', '.vite'), { recursive: true, force: true });
  const run = await measured(process.execPath, ['scripts/build.ts', '--force', '--outDir', outDir], {
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  if (run.status !== 0) throw new Error(`build of ${contentDir} failed:\n${run.output.slice(-3000)}`);
  return run;
}

/** The HTML pages a build wrote under `dir` (what pages/s counts). */
export function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f));
}
