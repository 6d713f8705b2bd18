// `npm run schemas`: regenerates the content root's schemas/*.json from the zod schemas (incidents, support
// policy, error codes, troubleshooter trees, search synonyms) that are stale. `--check` only reports them (exit 1), as
// check:content does. Only stale files are written, so an up-to-date file keeps its formatting.
import { readContentTexts, writeStaleSchemas } from '../src/content-io.ts';
import { checkContent } from '../src/lib/content/index.ts';

if (process.argv.includes('--check')) {
  const stale = checkContent(readContentTexts()).bySection.schemas;
  for (const line of stale) console.error(line);
  process.exit(stale.length > 0 ? 1 : 0);
}
const written = writeStaleSchemas();
for (const file of written) console.log(`wrote ${file}`);
if (written.length === 0) console.log('every schema is up to date');
