// Search in the customer's words: normalising, recognising codes, dropping filler, expanding synonyms,
// planning Pagefind queries and fusing their results. Pure; the browser glue is src/islands/pagefind.ts.
export { normalise, stem, tokenize } from './normalise.ts';
export { isStopWord, negations, stopWords } from './stop-words.ts';
export { meaningfulWords, phraseKeys } from './phrases.ts';
export {
  synonymEntry,
  synonymTable,
  synonymsJsonSchema,
  validateSynonyms,
  validateSynonymsText,
  type SynonymEntry,
  type SynonymTable,
  type SynonymsValidation,
} from './synonyms.ts';
export { buildLexicon, type SearchLexicon } from './lexicon.ts';
export { planSearch, subQueryWeights, type PlannedCode, type SearchPlan, type SubQuery } from './plan.ts';
export { fuseRankings, specificity, type FuseOptions, type Fused, type Ranking } from './fuse.ts';
export { fuseLayered, layeredTuning, matchLevel, rankingsFor, subQueriesToRun, type ResultRef } from './layered.ts';
