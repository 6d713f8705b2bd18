// Merging the ranked lists of several Pagefind searches into one: reciprocal-rank fusion (RRF), from
// G. V. Cormack, C. L. A. Clarke and S. Buettcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
// Rank Learning Methods", SIGIR 2009. A page scores sum(weight / (k + rank)) over the lists it appears in, so
// a page found by many sub-queries (it matches more of what was typed) rises, and no single list's raw scores
// (not comparable between Pagefind searches) can dominate. Two additions: each list has a weight (the full
// query and synonyms count more than one word; a word found on most pages counts less, see `specificity`),
// and a page whose title or summary matched in a list counts `metaBoost` more there.

export interface Ranking {
  /** Page ids, best first (Pagefind's own order for one search). */
  ids: readonly string[];
  weight: number;
  /** Ids whose title or summary matched in this search (Pagefind's matchedMetaFields). */
  metaMatches?: ReadonlySet<string>;
}

export interface Fused {
  id: string;
  score: number;
  /** In how many of the rankings the page appears. */
  lists: number;
}

export interface FuseOptions {
  /** RRF's k: larger flattens the difference between ranks. Cormack et al. use 60. */
  k?: number;
  metaBoost?: number;
  /** Ids to put first whatever their score (a code's own page), in this order. */
  pinned?: readonly string[];
}

export function fuseRankings(rankings: readonly Ranking[], options: FuseOptions = {}): Fused[] {
  const { k = 60, metaBoost = 0.5, pinned = [] } = options;
  const byId = new Map<string, Fused>();
  for (const ranking of rankings) {
    ranking.ids.forEach((id, index) => {
      const boost = ranking.metaMatches?.has(id) ? 1 + metaBoost : 1;
      const entry = byId.get(id) ?? { id, score: 0, lists: 0 };
      entry.score += (ranking.weight * boost) / (k + index + 1);
      entry.lists += 1;
      byId.set(id, entry);
    });
  }
  const order = (id: string) => {
    const at = pinned.indexOf(id);
    return at < 0 ? pinned.length : at;
  };
  return [...byId.values()].sort(
    (a, b) => order(a.id) - order(b.id) || b.score - a.score || b.lists - a.lists || a.id.localeCompare(b.id),
  );
}

/**
 * How much a word's results say, from how many of the index's pages it is on: 1 for a word on one page, near 0
 * for a word on every page ("calls"). An inverse document frequency, log(1 + N/n) / log(1 + N).
 */
export function specificity(found: number, pages: number): number {
  if (found <= 0 || pages <= 1) return 1;
  return Math.log(1 + pages / Math.min(found, pages)) / Math.log(1 + pages);
}
