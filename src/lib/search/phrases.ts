// How a synonym phrase is compared with a customer's words (kept apart from the table's zod schema, so the
// browser's search code does not load zod).
import { stem, tokenize } from './normalise.ts';
import { functionWords, negations, stopWords } from './stop-words.ts';

/**
 * The words of a phrase that must be in a query for it to match, stemmed: all but grammar words ("keep my
 * number" needs keep and number; "can't hear anything I say" needs not, hear, anything and say).
 */
export function phraseKeys(phrase: string): string[] {
  const keys = tokenize(phrase)
    .filter((w) => !functionWords.has(w))
    .map((w) => (negations.has(w) ? 'not' : stem(w)));
  return [...new Set(keys)];
}

/** The words of a search that Pagefind will look for (anything else is filler). */
export function meaningfulWords(search: string): string[] {
  return tokenize(search).filter((w) => !stopWords.has(w));
}
