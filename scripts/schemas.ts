// `npm run schemas`: regenerates content/schemas/*.json from the zod schemas (incidents, support policy,
// error codes, troubleshooter trees, search synonyms) that are stale. `--check` only reports them (exit 1), as check:content does.
import { readFileSync, writeFileSync } from 'node:fs';
import { contentSchemas, staleSchemas } from '../src/build/json-schemas.ts';

const dir = 'content/schemas';
const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

if (process.argv.includes('--check')) {
  const stale = staleSchemas(dir, read);
  for (const line of stale) console.error(line);
  process.exit(stale.length > 0 ? 1 : 0);
}
// Only stale files are written, so an up-to-date file keeps its formatting.
const stale = new Set(staleSchemas(dir, read).map((line) => line.slice(dir.length + 1).split(':')[0]));
for (const [name, generate] of contentSchemas) {
  if (!stale.has(name)) continue;
  writeFileSync(`${dir}/${name}`, `${JSON.stringify(generate(), null, 2)}\n`);
  console.log(`wrote ${dir}/${name}`);
}
if (stale.size === 0) console.log(`${dir}: every schema is up to date`);
