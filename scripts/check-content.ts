// `npm run check:content`: validates everything support teams edit under content/, with the same schemas
// as the build, and prints one line per problem: file, field and fix. Exit 1 when anything is wrong.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkArticleSet, articleIdFromPath, type ArticleRef } from '../src/lib/articles/consistency.ts';
import { validateArticleSource } from '../src/lib/articles/validate.ts';
import { validateIncidentsText } from '../src/lib/status/schema.ts';
import { staleSchemas } from '../src/build/json-schemas.ts';

const root = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
const articlesDir = path.join(root, 'articles');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => path.join(dir, f))
    .sort();
}

function checkArticles(): string[] {
  const errors: string[] = [];
  const refs: ArticleRef[] = [];
  for (const file of mdxFiles(articlesDir)) {
    const result = validateArticleSource(file, readFileSync(file, 'utf8'));
    if (!result.ok) errors.push(...result.errors);
    else refs.push({ id: articleIdFromPath(path.relative(articlesDir, file)), file, data: result.data });
  }
  return [...errors, ...checkArticleSet(refs)];
}

/** components, incidents and maintenance: the same validation as the build and `npm run status -- validate`. */
function checkIncidents(): string[] {
  const file = path.join(root, 'incidents.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return [
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? error}); the status page needs it`,
    ];
  }
  const result = validateIncidentsText(text, file);
  return result.ok ? [] : result.errors;
}

/** The committed JSON Schemas match the zod schemas (only where the content has a schemas folder). */
function checkSchemas(): string[] {
  const dir = path.join(root, 'schemas');
  return existsSync(dir) ? staleSchemas(dir, (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null)) : [];
}

const checks: [string, () => string[]][] = [
  ['articles', checkArticles],
  ['incidents', checkIncidents],
  ['schemas', checkSchemas],
];

let failed = false;
for (const [name, check] of checks) {
  const errors = check();
  if (errors.length > 0) {
    failed = true;
    for (const line of errors) console.error(line);
  } else {
    console.log(`✓ ${name}`);
  }
}
process.exit(failed ? 1 : 0);
