// The layered search's decisions, pure so they are tested and tuned without a browser: which sub-queries run
// after the full query, how each result list weighs in the fusion, and what the customer is told.
import { fuseRankings, specificity, type Fused, type Ranking } from './fuse.ts';
import type { SearchPlan, SubQuery } from './plan.ts';

/** One Pagefind result as the fusion needs it. */
export interface ResultRef {
  id: string;
  /** A searched word is in the page's title or summary. */
  metaMatch: boolean;
}

/** Tuned on test/search-quality/queries.json (`npm run bench:search`). */
export const layeredTuning = {
  /** Fewer results than this for the full query, and every relaxed sub-query runs. */
  handful: 5,
  /**
   * When the full query found enough, a synonym still runs if the question held this many words of its phrase
   * ("business name doesn't appear"): shorter phrases mostly repeat the question's words, and each sub-query
   * costs index downloads.
   */
  strongPhrase: 3,
  /** The weight of the full query's list (pages with every meaningful word); sub-queries: `subQueryWeights`. */
  fullWeight: 2,
  /** RRF's k (see fuse.ts): our lists are short (a few to 60 pages), so a smaller k than 60 keeps rank 1 ahead. */
  k: 10,
  metaBoost: 0.5,
  /**
   * Fused pages scoring under this share of the best are left out: they share one common word with the
   * question and nothing else, and each shown result costs the browser a fragment download.
   */
  minShare: 0.2,
};

/**
 * The sub-queries to run once the full query found `fullCount` pages: all of them when it found fewer than a
 * handful; otherwise the codes the text named (their pages go first) and the synonym phrases it holds: a
 * customer's phrase ("business name doesn't appear") says more than the pages that merely share its words.
 * Word and pair sub-queries wait: pages with every word are already there.
 */
export function subQueriesToRun(plan: SearchPlan, fullCount: number): SubQuery[] {
  if (fullCount < layeredTuning.handful) return plan.relaxed;
  return plan.relaxed.filter(
    (s) => s.kind === 'code' || (s.kind === 'synonym' && (s.strength ?? 0) >= layeredTuning.strongPhrase),
  );
}

/**
 * The ranked lists to fuse: the full query's, then each sub-query's. A word's or a pair's weight shrinks with
 * the number of pages it is on (`specificity`): "calls" finds every page and says nothing. `pages` is the size
 * of the index.
 */
export function rankingsFor(
  full: readonly ResultRef[],
  subQueries: readonly SubQuery[],
  results: readonly (readonly ResultRef[])[],
  pages: number,
): Ranking[] {
  const ranking = (refs: readonly ResultRef[], weight: number): Ranking => ({
    ids: refs.map((r) => r.id),
    weight,
    metaMatches: new Set(refs.filter((r) => r.metaMatch).map((r) => r.id)),
  });
  const rankings: Ranking[] = [];
  if (full.length > 0) rankings.push(ranking(full, layeredTuning.fullWeight));
  subQueries.forEach((s, i) => {
    const refs = results[i] ?? [];
    if (refs.length === 0) return;
    const weight = s.kind === 'term' || s.kind === 'pair' ? s.weight * specificity(refs.length, pages) : s.weight;
    rankings.push(ranking(refs, weight));
  });
  return rankings;
}

/** The fused list, pinned pages first, without the pages scoring under `minShare` of the best. */
export function fuseLayered(rankings: readonly Ranking[], pinned: readonly string[] = []): Fused[] {
  const fused = fuseRankings(rankings, { k: layeredTuning.k, metaBoost: layeredTuning.metaBoost, pinned });
  const best = Math.max(0, ...fused.map((f) => f.score));
  return fused.filter((f) => pinned.includes(f.id) || f.score >= layeredTuning.minShare * best);
}

/**
 * What to tell the customer: 'all' when pages hold every meaningful word (or only a code was typed), 'most'
 * when the results come from relaxed sub-queries only, 'none' when nothing matched.
 */
export function matchLevel(plan: SearchPlan, fullCount: number, shown: number): 'all' | 'most' | 'none' {
  if (shown === 0) return 'none';
  return fullCount > 0 || plan.full === '' ? 'all' : 'most';
}
