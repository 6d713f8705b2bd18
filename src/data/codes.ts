// The error-code reference for pages: codes.json from the checked content (cross-checked with the articles).
import { equivalentCodes, refOf, type CodeEntry, type CodeKind } from '../lib/codes/refs.ts';
import type { CodeReference } from '../lib/codes/schema.ts';
import { publishedArticles, type Article } from './articles.ts';
import { siteContent } from './content.ts';

export function codeReference(): CodeReference {
  return siteContent().codes;
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
  const codes = codeReference();
  const articles = await publishedArticles();
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
