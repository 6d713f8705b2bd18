// A thin typed wrapper over Pagefind's browser API (the bundle Pagefind writes to /pagefind/ at build time).
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
  const data = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
  return data.map((d) => ({
    url: d.url,
    title: d.meta.title ?? d.url,
    excerpt: d.excerpt,
    summary: d.meta.summary ?? '',
    subResults: d.sub_results.filter((s) => s.url !== d.url).slice(0, 3),
  }));
}
