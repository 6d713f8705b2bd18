// What the browser needs to plan a search, small enough to fetch once on the first search: the code names
// (to recognise "SIP 403" or "cause 34") and the synonym table. Served prerendered at /search/lexicon.json.
import type { CodeNames } from '../codes/lookup.ts';
import type { CodeReference } from '../codes/schema.ts';
import type { SynonymTable } from './synonyms.ts';

export interface SearchLexicon {
  /** How many pages the search index holds: a word on most of them says little about which one is meant. */
  pages: number;
  codes: CodeNames;
  synonyms: { phrases: string[]; terms: string[] }[];
}

export function buildLexicon(codes: CodeReference, synonyms: SynonymTable, pages: number): SearchLexicon {
  return {
    pages,
    codes: {
      sip: codes.sip.map(({ code, phrase }) => ({ code, phrase })),
      q850: codes.q850.map(({ cause, name }) => ({ cause, name })),
    },
    synonyms: synonyms.synonyms.map(({ phrases, terms }) => ({ phrases, terms })),
  };
}
