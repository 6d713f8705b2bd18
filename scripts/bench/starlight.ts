// Starlight, for the side-by-side benchmark only: the latest @astrojs/starlight (and the Astro it asks for) is
// installed into a temporary folder with npm, never into the project; each build there is cold (no dist, no
// .astro data store, no Vite cache) and measured like ours.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchDriver } from '../search-transfer.ts';
import { measured, type MeasuredRun } from './measure.ts';

const CONFIG = `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

// Starlight's defaults: a sidebar generated from every page, Pagefind search in a dialog, Expressive Code.
export default defineConfig({ integrations: [starlight({ title: 'Example Voice Support' })] });
`;

const COLLECTIONS = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/** A Starlight project in `dir` with its packages installed; returns the versions npm chose. */
export function installStarlight(dir: string): { starlight: string; astro: string } {
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'starlight-bench', private: true, type: 'module' }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(path.join(dir, 'src', 'content.config.ts'), COLLECTIONS);
  // The project's npm on the project's Node 24 (Astro needs >= 22.12): `@latest` of Starlight and the astro
  // major it peers with.
  const npm = path.resolve('node_modules', 'npm', 'bin', 'npm-cli.js');
  const install = spawnSync(
    process.execPath,
    [npm, 'install', '--no-audit', '--no-fund', '@astrojs/starlight@latest', 'astro@^7'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (install.status !== 0)
    throw new Error(`npm install in ${dir} failed:\n${(install.stdout + install.stderr).slice(-3000)}`);
  const version = (name: string) =>
    (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  return { starlight: version('@astrojs/starlight'), astro: version('astro') };
}

/** A cold build of the Starlight project in `dir`, whose docs are already in src/content/docs. */
export async function buildStarlight(dir: string): Promise<MeasuredRun> {
  for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
    rmSync(path.join(dir, cache), { recursive: true, force: true });
  }
  const run = await measured(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0) throw new Error(`Starlight build in ${dir} failed:\n${run.output.slice(-3000)}`);
  return run;
}

/** Starlight's search: the home page, the search button, the query typed into Pagefind UI, the first result. */
export const starlightSearchDriver: SearchDriver = async (page, baseUrl, query) => {
  await page.goto(`${baseUrl}/`);
  await page.locator('button[data-open-modal]').first().click();
  await page.locator('.pagefind-ui__search-input').fill(query);
  await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 30_000 });
};
