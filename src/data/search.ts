// What the search layer needs from the checked content: the lexicon the browser fetches on its first search
// (code names, the synonym table, how many pages are indexed).
import { buildLexicon, type SearchLexicon } from '../lib/search/lexicon.ts';
import { publishedArticles } from './articles.ts';
import { codeReference } from './codes.ts';
import { siteContent } from './content.ts';

export async function searchLexicon(): Promise<SearchLexicon> {
  const codes = codeReference();
  const articles = await publishedArticles();
  return buildLexicon(codes, siteContent().synonyms, articles.length + codes.sip.length + codes.q850.length);
}
