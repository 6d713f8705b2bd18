// What the search layer reads from content/: the synonym table (content/search-synonyms.json, validated once;
// anything wrong fails the build with the lines `validateSynonymsText` gives) and the lexicon the browser
// fetches on its first search.
import { readFileSync } from 'node:fs';
import { contentPath } from '../build/content-dir.ts';
import { buildLexicon, type SearchLexicon } from '../lib/search/lexicon.ts';
import { validateSynonymsText, type SynonymTable } from '../lib/search/synonyms.ts';
import { publishedArticles } from './articles.ts';
import { codeReference } from './codes.ts';

export const synonymsFile = 'content/search-synonyms.json';

let synonyms: SynonymTable | undefined;

export function searchSynonyms(): SynonymTable {
  if (synonyms) return synonyms;
  const result = validateSynonymsText(readFileSync(contentPath('search-synonyms.json'), 'utf8'), synonymsFile);
  if (!result.ok) throw new Error(`Invalid search synonyms:\n${result.errors.join('\n')}`);
  synonyms = result.synonyms;
  return synonyms;
}

/** The code names, the synonym table and the number of indexed pages (articles and code pages). */
export async function searchLexicon(): Promise<SearchLexicon> {
  const [codes, articles] = await Promise.all([codeReference(), publishedArticles()]);
  return buildLexicon(codes, searchSynonyms(), articles.length + codes.sip.length + codes.q850.length);
}
