// A customer's sentence -> what to ask Pagefind: the code pages to put first, the full query (every meaningful
// word: Pagefind ANDs them), and the relaxed sub-queries to run when the full query finds too little (each
// matched synonym's terms, each code, each meaningful word, each pair of neighbouring words), with weights
// for fuseRankings. Pure: the lexicon comes in as data.
import { findCodeMentions, isCodePrefix } from '../codes/lookup.ts';
import { codeUrl, type CodeRef } from '../codes/refs.ts';
import type { SearchLexicon } from './lexicon.ts';
import { negativeContractions, stem, tokenize } from './normalise.ts';
import { stopWords } from './stop-words.ts';
import { meaningfulWords, phraseStrength } from './phrases.ts';

export type SubQueryKind = 'code' | 'synonym' | 'pair' | 'term';

export interface SubQuery {
  /** What Pagefind searches. */
  query: string;
  /** How much a rank in this sub-query's results counts in the fused list (before word specificity). */
  weight: number;
  kind: SubQueryKind;
  /** For a synonym: how many words of its phrase the text held (see `phraseStrength`). */
  strength?: number;
}

export interface PlannedCode {
  ref: CodeRef;
  /** The code's own page, put first: `/codes/sip/403/`. */
  url: string;
  /** 'SIP 403 Forbidden', 'Q.850 3 NO_ROUTE_DESTINATION'. */
  label: string;
  /** The sub-query that finds the code's page and the playbooks that list it: '403 forbidden'. */
  query: string;
}

export interface SearchPlan {
  codes: PlannedCode[];
  /** The meaningful words, in the order typed, each once (negative contractions as the index holds them). */
  terms: string[];
  /** The full query: every meaningful word ('' when there are none, e.g. only a code was typed). */
  full: string;
  /** The synonym table entries the text matched. */
  synonyms: { phrases: string[]; terms: string[] }[];
  /** Sub-queries, strongest first: codes, synonyms, word pairs, single words. */
  relaxed: SubQuery[];
}

/**
 * Weights of the sub-query kinds in the fusion (the full query's own: layeredTuning.fullWeight). A code or a
 * synonym the text named is what the customer meant, so it outweighs the full query, whose words include the
 * conversational ones that match pages by chance ("stopped ... this morning"). Tuned with npm run bench:search.
 */
export const subQueryWeights: Record<SubQueryKind, number> = { code: 4, synonym: 4, pair: 1, term: 1 };

/** A synonym phrase of this many key words gets `subQueryWeights.synonym`; longer ones more, shorter less. */
const SYNONYM_TYPICAL_KEYS = 2;

/** The code's label, and what to search for it: number and reason phrase (SIP), or the name (Q.850: a bare
 * cause number would prefix-match other causes). Mentions only hold codes of the lexicon. */
function describe(lexicon: SearchLexicon, ref: CodeRef): { label: string; query: string } {
  if (ref.kind === 'sip') {
    const phrase = lexicon.codes.sip.find((e) => e.code === ref.code)?.phrase ?? '';
    return { label: `SIP ${ref.code} ${phrase}`.trim(), query: `${ref.code} ${phrase}` };
  }
  const name = lexicon.codes.q850.find((e) => e.cause === ref.code)?.name ?? '';
  return { label: `Q.850 ${ref.code} ${name}`.trim(), query: name || `q850 ${ref.code}` };
}

export function planSearch(text: string, lexicon: SearchLexicon): SearchPlan {
  const mentions = findCodeMentions(lexicon.codes, text);
  let rest = text;
  for (const m of [...mentions].reverse()) rest = `${rest.slice(0, m.start)} ${rest.slice(m.end)}`;
  const codes: PlannedCode[] = mentions.map(({ ref }) => {
    const { label, query } = describe(lexicon, ref);
    return { ref, url: codeUrl(ref), label, query };
  });

  const words = tokenize(rest);
  // The full query keeps "won't" as the index holds it (wont): titles say "My phone won't register". Alone
  // it says little, so the relaxed sub-queries leave it out.
  const terms = [
    ...new Set(
      tokenize(rest, { contractions: 'index' }).filter(
        (w) =>
          !stopWords.has(w) &&
          // A lone letter says nothing; a number that only starts a code ('40') would prefix-match 403/404/408.
          !/^\p{L}$/u.test(w) &&
          !isCodePrefix(lexicon.codes, w),
      ),
    ),
  ];
  const relaxedWords = terms.filter((w) => !negativeContractions.has(w));

  // How many words of its longest matching phrase the text holds: "business name doesn't appear" (4) says far
  // more than "doesn't ring" (2), so a synonym's weight grows with it.
  const matched = lexicon.synonyms.flatMap((entry) => {
    const strength = Math.max(0, ...entry.phrases.map((phrase) => phraseStrength(phrase, words)));
    return strength > 0 ? [{ entry, strength }] : [];
  });
  const synonyms = matched.map((m) => m.entry);

  const relaxed = new Map<string, SubQuery>();
  const add = (query: string, kind: SubQueryKind, weight = subQueryWeights[kind], strength?: number) => {
    const q = query.trim().toLowerCase();
    if (!q) return;
    const before = relaxed.get(q);
    if (!before || before.weight < weight) relaxed.set(q, { query: q, weight, kind, ...(strength && { strength }) });
  };
  for (const code of codes) add(code.query, 'code');
  // A synonym's terms that are only the question's own words again ("phone won't register") find nothing new.
  const asked = new Set(terms.map(stem));
  for (const { entry, strength } of matched) {
    const weight = (subQueryWeights.synonym * strength) / SYNONYM_TYPICAL_KEYS;
    for (const term of entry.terms) {
      if (meaningfulWords(term).every((w) => asked.has(stem(w)))) continue;
      add(term, 'synonym', weight, strength);
    }
  }
  for (let i = 0; i + 1 < relaxedWords.length; i++) add(`${relaxedWords[i]} ${relaxedWords[i + 1]}`, 'pair');
  for (const word of relaxedWords) add(word, 'term');

  return { codes, terms, full: terms.join(' '), synonyms, relaxed: [...relaxed.values()] };
}
