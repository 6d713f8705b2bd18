// The error-code reference for pages: content/codes.json, validated and cross-checked with the articles once.
// Anything wrong fails the build with the same lines `npm run check` prints.
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentPath } from '../build/content-dir.ts';
import { checkCodesText } from '../lib/codes/cross-check.ts';
import { equivalentCodes, refOf, type CodeEntry, type CodeKind } from '../lib/codes/refs.ts';
import type { CodeReference } from '../lib/codes/schema.ts';
import { publishedArticles, type Article } from './articles.ts';

let loaded: Promise<CodeReference> | undefined;

async function loadCodes(): Promise<CodeReference> {
  const file = contentPath('codes.json');
  const shown = path.relative(process.cwd(), file);
  const articles = (await getCollection('articles')).map((entry) => ({
    id: entry.id,
    file: entry.filePath ?? `content/articles/${entry.id}.mdx`,
    codes: entry.data.codes,
    draft: entry.data.draft,
  }));
  const result = checkCodesText(readFileSync(file, 'utf8'), shown, articles);
  if (!result.ok) throw new Error(`Invalid error-code reference:\n${result.errors.join('\n')}`);
  return result.codes;
}

export function codeReference(): Promise<CodeReference> {
  loaded ??= loadCodes();
  return loaded;
}

export interface CodePageProps {
  entry: CodeEntry;
  /** The playbooks to follow, best first. */
  playbooks: Article[];
  /** The other family's codes for the same failure. */
  equivalents: CodeEntry[];
}

/** Everything a code page shows, for each SIP code or each Q.850 cause, keyed by its number. */
export async function codePages(kind: CodeKind): Promise<{ number: number; props: CodePageProps }[]> {
  const [codes, articles] = await Promise.all([codeReference(), publishedArticles()]);
  const entries: CodeEntry[] = kind === 'sip' ? codes.sip : codes.q850;
  return entries.map((entry) => ({
    number: refOf(entry).code,
    props: {
      entry,
      playbooks: entry.articles.map((id) => articles.find((a) => a.id === id)).filter((a): a is Article => !!a),
      equivalents: equivalentCodes(codes, entry),
    },
  }));
}
