// `npm run check:workflows`: every GitHub Actions workflow under .github/workflows/ validated against the
// workflow schema (@action-validator/core, shipped in the npm package: nothing downloaded), so a broken
// workflow fails `npm run check` before it is pushed. One line per problem: file, path in the YAML, what is wrong.
import { validateWorkflow } from '@action-validator/core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = '.github/workflows';
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => path.join(dir, f))
  : [];

interface Issue {
  path?: string;
  title?: string;
  detail?: string;
  states?: { errors: Issue[] }[];
}

/** The innermost reasons: a `oneOf` that failed says why for each alternative; the details are what to fix. */
function reasons(issue: Issue): string[] {
  const nested = issue.states?.flatMap((state) => state.errors.flatMap(reasons)) ?? [];
  if (nested.length > 0) return nested;
  return [`${issue.path || '/'}: ${issue.detail ?? issue.title ?? 'invalid'}`];
}

let failures = 0;
for (const file of files) {
  const result = validateWorkflow(readFileSync(file, 'utf8')) as { errors: Issue[] };
  const lines = [...new Set(result.errors.flatMap(reasons))];
  for (const line of lines) console.error(`${file}: ${line}`);
  if (lines.length > 0) failures++;
  else console.log(`✓ ${file}`);
}
if (files.length === 0) console.log(`no workflows under ${dir}`);
process.exit(failures > 0 ? 1 : 0);
