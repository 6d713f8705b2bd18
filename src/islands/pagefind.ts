// A thin typed wrapper over Pagefind's browser API (the bundle Pagefind writes to /pagefind/ at build time),
// and the layered search the search page and the header box use (plan and fusion: src/lib/search).
import { fuseLayered, matchLevel, rankingsFor, subQueriesToRun, type ResultRef } from '../lib/search/layered.ts';
import type { SearchLexicon } from '../lib/search/lexicon.ts';
import { planSearch } from '../lib/search/plan.ts';
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; summary?: string };
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindHit {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
  /** Which meta fields (title, summary) held a searched word. */
  matchedMetaFields?: string[];
}

interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    query: string | null,
    options?: { filters?: Record<string, string[]> },
  ) => Promise<{ results: PagefindHit[] }>;
  debouncedSearch: (
    query: string,
    options?: { filters?: Record<string, string[]> },
    timeoutMs?: number,
  ) => Promise<{ results: PagefindHit[] } | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<PagefindApi> | undefined;

export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    // Titles and the symptom phrases carry most of the meaning of a short playbook: favour them.
    await api.options({ ranking: { termFrequency: 0.6, pageLength: 0.4, termSaturation: 1.2 } });
    await api.init();
    return api;
  })();
  return loading;
}

export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  summary: string;
  subResults: PagefindSubResult[];
}

/** The top `limit` hits for `query`, loaded in full. Null when a newer debounced query replaced this one. */
export async function searchArticles(
  query: string,
  { limit = 8, filters, debounceMs }: { limit?: number; filters?: Record<string, string[]>; debounceMs?: number } = {},
): Promise<SearchHit[] | null> {
  const pagefind = await loadPagefind();
  const search =
    debounceMs === undefined
      ? await pagefind.search(query, filters ? { filters } : {})
      : await pagefind.debouncedSearch(query, filters ? { filters } : {}, debounceMs);
  if (!search) return null;
  return loadHits(search.results.slice(0, limit));
}

async function loadHits(results: PagefindHit[]): Promise<SearchHit[]> {
  const data = await Promise.all(results.map((r) => r.data()));
  return data.map((d) => ({
    url: d.url,
    title: d.meta.title ?? d.url,
    excerpt: d.excerpt,
    summary: d.meta.summary ?? '',
    subResults: d.sub_results.filter((s) => s.url !== d.url).slice(0, 3),
  }));
}

const emptyLexicon: SearchLexicon = { pages: 0, codes: { sip: [], q850: [] }, synonyms: [] };
let lexiconLoading: Promise<SearchLexicon> | undefined;

/** The code names and synonym table (/search/lexicon.json), fetched once; search still works without them. */
function loadLexicon(): Promise<SearchLexicon> {
  lexiconLoading ??= fetch('/search/lexicon.json')
    .then((response) => (response.ok ? (response.json() as Promise<SearchLexicon>) : emptyLexicon))
    .catch(() => {
      lexiconLoading = undefined;
      return emptyLexicon;
    });
  return lexiconLoading;
}

/** 'all': the pages have every meaningful word; 'most': none did, these come from relaxed sub-queries. */
export type MatchLevel = 'all' | 'most' | 'none';

export interface LayeredResults {
  hits: SearchHit[];
  match: MatchLevel;
}

let latest = 0;

/**
 * Search in the customer's words: the full query (every meaningful word) first; when it finds fewer than a
 * handful, also the relaxed sub-queries (codes, synonyms,
 * word pairs, single words), each run by Pagefind and fused into one list (reciprocal-rank fusion), with a
 * named code's own page first. Null when a newer debounced search replaced this one.
 */
export async function searchLayered(
  query: string,
  { limit = 8, filters, debounceMs }: { limit?: number; filters?: Record<string, string[]>; debounceMs?: number } = {},
): Promise<LayeredResults | null> {
  const mine = ++latest;
  if (debounceMs !== undefined) await new Promise((resolve) => setTimeout(resolve, debounceMs));
  if (debounceMs !== undefined && mine !== latest) return null;
  // The lexicon (codes, synonyms; about 4 KB gzip, fetched once) comes with the index: a synonym phrase in
  // the text is worth searching for whatever the full query finds.
  const [pagefind, lexicon] = await Promise.all([loadPagefind(), loadLexicon()]);
  const plan = planSearch(query, lexicon);
  const search = async (q: string) => (await pagefind.search(q, filters ? { filters } : {})).results;

  // The codes the text named run whatever the full query finds: start them together.
  const named = new Map(subQueriesToRun(plan, Infinity).map((s) => [s.query, search(s.query)]));
  const full = plan.full ? await search(plan.full) : [];
  const subQueries = subQueriesToRun(plan, full.length);
  if (subQueries.length === 0) {
    const hits = await loadHits(full.slice(0, limit));
    return { hits, match: matchLevel(plan, full.length, hits.length) };
  }
  const lists = await Promise.all(subQueries.map((s) => named.get(s.query) ?? search(s.query)));
  if (debounceMs !== undefined && mine !== latest) return null;

  const byId = new Map<string, PagefindHit>();
  for (const r of [...full, ...lists.flat()]) if (!byId.has(r.id)) byId.set(r.id, r);
  const refs = (results: PagefindHit[]): ResultRef[] =>
    results.map((r) => ({
      id: r.id,
      metaMatch: r.matchedMetaFields?.some((f) => f === 'title' || f === 'summary') ?? false,
    }));
  const rankings = rankingsFor(refs(full), subQueries, lists.map(refs), lexicon.pages);

  // A code's own page goes first: it is among the first results of the code's sub-query.
  const pinned: string[] = [];
  for (const code of plan.codes) {
    const results = lists[subQueries.findIndex((s) => s.kind === 'code' && s.query === code.query.toLowerCase())] ?? [];
    for (const r of results.slice(0, 3)) {
      if ((await r.data()).url === code.url) {
        pinned.push(r.id);
        break;
      }
    }
  }
  const fused = fuseLayered(rankings, pinned);
  const hits = await loadHits(fused.slice(0, limit).map((f) => byId.get(f.id)!));
  return { hits, match: matchLevel(plan, full.length, hits.length) };
}
