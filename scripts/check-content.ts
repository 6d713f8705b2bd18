// `npm run check:content [ROOT]`: validates everything support teams edit under the content root (CONTENT_DIR,
// default content/) with the same module the build uses, and prints one line per problem: file, line, field
// and fix. Exit 1 when anything is wrong.
import { checkContentFolder } from '../src/content-io.ts';
import { CONTENT_SECTIONS } from '../src/lib/content/index.ts';

const check = checkContentFolder(process.argv[2]);
for (const section of CONTENT_SECTIONS) {
  const errors = check.bySection[section];
  if (errors.length === 0) console.log(`✓ ${section}`);
  for (const line of errors) console.error(line);
}
process.exit(check.errors.length > 0 ? 1 : 0);
