// `npm run check:content`: validates everything support teams edit under content/, with the same schemas
// as the build, and prints one line per problem: file, field and fix. Exit 1 when anything is wrong.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkArticleSet, articleIdFromPath, type ArticleRef } from '../src/lib/articles/consistency.ts';
import type { ArticleFrontmatter } from '../src/lib/articles/schema.ts';
import { validateArticleSource } from '../src/lib/articles/validate.ts';
import { checkCodesText } from '../src/lib/codes/cross-check.ts';
import { validateCodesText } from '../src/lib/codes/validate.ts';
import { checkTreeFile } from '../src/lib/troubleshooter/validate.ts';
import { validatePolicyText } from '../src/lib/policy/validate.ts';
import { validateIncidentsText } from '../src/lib/status/schema.ts';
import { unknownNoticeComponents } from '../src/lib/ticket/incident-notices.ts';
import { staleSchemas } from '../src/build/json-schemas.ts';
import { readText } from './read-text.ts';

const root = process.argv[2] ?? process.env.CONTENT_DIR ?? 'content';
const articlesDir = path.join(root, 'articles');

function filesEndingIn(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f))
    .sort();
}

// Every article is read once; the codes and troubleshooter checks reuse what it found.
const articleErrors: string[] = [];
const validArticles: (ArticleRef & { data: ArticleFrontmatter })[] = [];
const articleFiles = filesEndingIn(articlesDir, '.mdx');
for (const file of articleFiles) {
  const result = validateArticleSource(file, readFileSync(file, 'utf8'));
  if (!result.ok) articleErrors.push(...result.errors);
  else validArticles.push({ id: articleIdFromPath(path.relative(articlesDir, file)), file, data: result.data });
}
const articleIds = new Set(articleFiles.map((f) => articleIdFromPath(path.relative(articlesDir, f))));

function checkArticles(): string[] {
  return [...articleErrors, ...checkArticleSet(validArticles)];
}

function checkCodes(): string[] {
  const file = path.join(root, 'codes.json');
  if (!existsSync(file)) return [`${file}: missing; the error-code reference lives here (see the README)`];
  const text = readFileSync(file, 'utf8');
  // Articles that did not parse would look missing to the cross-check: it waits until the articles are valid.
  const result =
    articleErrors.length > 0
      ? validateCodesText(text, file)
      : checkCodesText(
          text,
          file,
          validArticles.map((a) => ({ id: a.id, file: a.file, codes: a.data.codes, draft: a.data.draft })),
        );
  return result.ok ? [] : result.errors;
}

function checkTroubleshooters(): string[] {
  return filesEndingIn(articlesDir, '.troubleshooter.json').flatMap((file) => {
    const result = checkTreeFile(readFileSync(file, 'utf8'), file, articleIds);
    return result.ok ? [] : result.errors;
  });
}

/** components, incidents and maintenance: the same validation as the build and `npm run status -- validate`. */
function checkIncidents(): string[] {
  const file = path.join(root, 'incidents.json');
  const read = readText(file);
  if (!read.ok) return [`${read.error}; the status page needs it`];
  const result = validateIncidentsText(read.text, file);
  return result.ok ? unknownNoticeComponents(result.data, file) : result.errors;
}

/** Severities, business hours, holidays and contacts: what triage, the SLA clock and the form read. */
function checkPolicy(): string[] {
  const file = path.join(root, 'support-policy.json');
  if (!existsSync(file)) return [`${file}: missing; the support policy (priorities, hours, contacts) lives here`];
  const result = validatePolicyText(readFileSync(file, 'utf8'), file);
  return result.ok ? [] : result.errors;
}

/** The committed JSON Schemas match the zod schemas (only where the content has a schemas folder). */
function checkSchemas(): string[] {
  const dir = path.join(root, 'schemas');
  return existsSync(dir) ? staleSchemas(dir, (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null)) : [];
}

const checks: [string, () => string[]][] = [
  ['articles', checkArticles],
  ['codes', checkCodes],
  ['troubleshooters', checkTroubleshooters],
  ['incidents', checkIncidents],
  ['policy', checkPolicy],
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
