// The one search effect the islands share (header box, search page, ticket form suggestions): waits until the
// customer pauses typing, drops answers to queries that were replaced, and reports a search that failed. The
// search code itself (Pagefind's glue and the query layer) loads with the first query, not with the island.
// With `report`, a search that ends with no result or no click is reported (failed-search.ts).
import { useEffect, useState } from 'react';
import { watchAnswer } from './failed-search.ts';
import type { MatchLevel, SearchHit } from './pagefind.ts';

export interface ArticleSearchOptions {
  /** Hits to load in full. */
  limit: number;
  /** Milliseconds of quiet typing before searching. */
  debounceMs: number;
  /** Shorter queries (trimmed) search nothing: the result is null. */
  minLength?: number;
  /** Pagefind filters, e.g. `{ category: ['fax'] }`; empty lists are left out. Pass state, not a new object. */
  filters?: Readonly<Record<string, readonly string[]>>;
  /** False while the caller is not ready to search (e.g. before reading the URL): nothing happens. */
  enabled?: boolean;
  /** Report failed searches as coming from this island ('page': the search page, 'box': the header box). */
  report?: 'page' | 'box';
}

export interface ArticleSearch {
  /** The hits for the latest query, or null when the query is too short (or none has arrived yet). */
  hits: SearchHit[] | null;
  /** 'all': pages with every meaningful word; 'most': no page has them all, these match most (relaxed). */
  match: MatchLevel;
  /** True when the search index could not be loaded or queried; cleared by the next answer. */
  failed: boolean;
}

/** Searches the articles for `query` once typing pauses; the latest query's hits win. */
export function useArticleSearch(query: string, options: ArticleSearchOptions): ArticleSearch {
  const { limit, debounceMs, minLength = 1, filters, enabled = true, report } = options;
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  /** The query `hits` answer (the typed one may already be newer). */
  const [answered, setAnswered] = useState('');
  const [match, setMatch] = useState<MatchLevel>('all');
  const [failed, setFailed] = useState(false);
  const q = query.trim();

  useEffect(() => {
    if (!enabled) return;
    if (q.length < minLength) {
      setHits(null);
      return;
    }
    let current = true;
    const active = Object.fromEntries(
      Object.entries(filters ?? {})
        .filter(([, values]) => values.length > 0)
        .map(([name, values]) => [name, [...values]]),
    );
    const search = Object.keys(active).length > 0 ? { filters: active } : {};
    import('./pagefind.ts')
      .then(({ searchLayered }) => searchLayered(q, { limit, debounceMs, ...search }))
      .then((found) => {
        if (!current || found === null) return;
        setHits(found.hits);
        setAnswered(q);
        setMatch(found.match);
        setFailed(false);
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [enabled, q, minLength, limit, debounceMs, filters]);

  // Each new answer restarts the watch: only the answer the reader stopped at can count as failed.
  useEffect(() => {
    if (!report || hits === null || answered === '') return;
    return watchAnswer(answered, hits.length, report);
  }, [report, hits, answered]);

  return { hits, match, failed };
}
