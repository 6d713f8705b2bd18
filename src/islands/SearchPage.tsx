// The search page: results with sub-results by heading, filters by topic and audience, and the query in the URL
// so a search can be shared. Without JavaScript the page shows the category index instead.
// Rendered on the server as it first shows (an empty form, an empty results area) and hydrated over the same
// markup, so nothing moves when React takes over: the page's inline script marks the document with
// data-search-query before the first paint when the URL holds a query, which hides the category index and
// reserves the results' space (SearchPage.css); the island keeps that mark in step with the query.
import { useEffect, useState } from 'react';
import { ticketFormUrl } from '../lib/articles/links.ts';
import './SearchPage.css';
import { useArticleSearch } from './use-article-search.ts';

interface Props {
  categories: string[];
  audiences: string[];
}

type Filters = { category: string[]; audience: string[] };

/** On <html> while there is a query: set first by search.astro's inline script, from the URL, before paint. */
const QUERY_MARK = 'data-search-query';

function readUrl(): { query: string; filters: Filters } {
  const params = new URLSearchParams(window.location.search);
  return {
    query: params.get('q') ?? '',
    filters: { category: params.getAll('category'), audience: params.getAll('audience') },
  };
}

function writeUrl(query: string, filters: Filters) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  filters.category.forEach((c) => params.append('category', c));
  filters.audience.forEach((a) => params.append('audience', a));
  const search = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
}

const RESULTS_STEP = 6;

export default function SearchPage({ categories, audiences }: Props) {
  const [ready, setReady] = useState(false);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({ category: [], audience: [] });
  // A few results at a time, more on request: each one costs a phone a fragment download, and the answer is
  // nearly always among the first three (npm run bench:search).
  const [limit, setLimit] = useState(RESULTS_STEP);
  const { hits, match, failed } = useArticleSearch(query, {
    limit,
    debounceMs: 120,
    filters,
    enabled: ready,
    report: 'page',
  });
  useEffect(() => setLimit(RESULTS_STEP), [query, filters]);
  const error = failed ? 'Search is unavailable right now. Browse the topics below instead.' : '';

  useEffect(() => {
    const initial = readUrl();
    setQuery(initial.query);
    setFilters(initial.filters);
    setReady(true);
  }, []);

  useEffect(() => {
    if (!ready) return;
    writeUrl(query, filters);
    document.documentElement.toggleAttribute(QUERY_MARK, query.trim() !== '');
  }, [ready, query, filters]);

  function toggle(kind: keyof Filters, value: string) {
    setFilters((f) => ({
      ...f,
      [kind]: f[kind].includes(value) ? f[kind].filter((v) => v !== value) : [...f[kind], value],
    }));
  }

  return (
    <div className="search-page needs-js">
      <form role="search" onSubmit={(e) => e.preventDefault()} aria-label="Help articles">
        <label htmlFor="search-query">Describe the problem or type an error code</label>
        <div className="search-query">
          <input
            id="search-query"
            name="q"
            type="search"
            value={query}
            autoComplete="off"
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="filters">
          <FilterGroup legend="Topic" name="category" values={categories} chosen={filters.category} onToggle={toggle} />
          <FilterGroup legend="For" name="audience" values={audiences} chosen={filters.audience} onToggle={toggle} />
        </div>
      </form>
      <div className="search-results-area">
        <div role="status" aria-live="polite" className="meta search-status">
          {error || (hits === null ? '' : `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query.trim()}”`)}
          {!error && hits && hits.length > 0 && match === 'most' && (
            <p>No article has all of your words; these match most of them.</p>
          )}
        </div>
        {hits && hits.length > 0 && (
          <ol className="search-results">
            {hits.map((hit) => (
              <li key={hit.url}>
                <h2>
                  <a href={hit.url}>{hit.title}</a>
                </h2>
                {/* Pagefind's excerpts are escaped page text with <mark> around the matched words. */}
                <p dangerouslySetInnerHTML={{ __html: hit.excerpt }} />
                {hit.subResults.length > 0 && (
                  <ul>
                    {hit.subResults.map((sub) => (
                      <li key={sub.url}>
                        <a href={sub.url}>{sub.title}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
        {hits && hits.length === limit && (
          <button
            type="button"
            className="button secondary search-more"
            onClick={() => setLimit((n) => n + RESULTS_STEP)}
          >
            Show more results
          </button>
        )}
        {hits && hits.length === 0 && (
          <p>
            Nothing matched. Try fewer words, look up an <a href="/codes/">error code</a>, browse the{' '}
            <a href="/kb/">topics</a>, or <a href={ticketFormUrl({ subject: query.trim() })}>open a ticket</a>.
          </p>
        )}
      </div>
    </div>
  );
}

interface FilterGroupProps {
  legend: string;
  name: keyof Filters;
  values: string[];
  chosen: string[];
  onToggle: (kind: keyof Filters, value: string) => void;
}

function FilterGroup({ legend, name, values, chosen, onToggle }: FilterGroupProps) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value}>
          <input
            type="checkbox"
            name={name}
            value={value}
            checked={chosen.includes(value)}
            onChange={() => onToggle(name, value)}
          />{' '}
          {value}
        </label>
      ))}
    </fieldset>
  );
}
