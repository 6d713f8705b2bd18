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

/** How far after a "not" the word it negates may come: "can't make any calls" negates make, not calls 5 words on. */
const NEGATION_REACH = 3;

/**
 * How strongly a customer's words (tokenized, in order) hold a synonym phrase: the number of its key words, or 0
 * when one is missing. A negated word must be negated in the text too: "we can receive calls but can't dial
 * out" does not hold "can't receive calls".
 */
export function phraseStrength(phrase: string, words: readonly string[]): number {
  const keys = phraseKeys(phrase);
  const text = words.map((w) => (negations.has(w) ? 'not' : stem(w)));
  if (!keys.every((k) => text.includes(k))) return 0;
  const phraseWords = tokenize(phrase)
    .filter((w) => !functionWords.has(w))
    .map((w) => (negations.has(w) ? 'not' : stem(w)));
  for (let i = 0; i + 1 < phraseWords.length; i++) {
    if (phraseWords[i] !== 'not' || phraseWords[i + 1] === 'not') continue;
    const negated = phraseWords[i + 1];
    const held = text.some((w, j) => w === negated && text.slice(Math.max(0, j - NEGATION_REACH), j).includes('not'));
    if (!held) return 0;
  }
  return keys.length;
}
