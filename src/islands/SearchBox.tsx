// Header and home search: a plain GET form to /search/ (works without JavaScript) that, once hydrated,
// becomes an ARIA 1.2 combobox listing the best matches as you type (arrows, Enter, Escape). The pages mount
// it with client:interaction: React loads on the first focus or keystroke, so text typed while it loads is
// already in the input when hydration ends, and is taken from there.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from './pagefind.ts';
import './SearchBox.css';
import { useArticleSearch } from './use-article-search.ts';

interface Props {
  id: string;
  large?: boolean;
}

export default function SearchBox({ id, large = false }: Props) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useArticleSearch(query, { limit: 6, debounceMs: 150, minLength: 2, report: 'box' });
  const hits: SearchHit[] = search.hits ?? [];
  // Until hydrated this is a plain search form; combobox semantics only once the script can honour them.
  const [hydrated, setHydrated] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setHydrated(true);
    const typed = inputRef.current?.value;
    if (typed) setQuery(typed);
  }, []);
  const listId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  // Results that arrive after Escape closed the list for this text do not reopen it.
  const dismissed = useRef('');

  // New suggestions open the list with none chosen yet.
  useEffect(() => {
    if (search.hits === null) return;
    setActive(-1);
    setOpen(dismissed.current !== query);
  }, [search.hits]);

  const expanded = open && hits.length > 0;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (hits.length ? (i + 1) % hits.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (hits.length ? (i <= 0 ? hits.length - 1 : i - 1) : -1));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      const hit = hits[active];
      if (hit) window.location.assign(hit.url);
    } else if (event.key === 'Escape') {
      // The browser would clear a type=search input on Escape: close the list first, clear on a second Escape.
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        dismissed.current = query;
      } else setQuery('');
      setActive(-1);
    }
  }

  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <div className={large ? 'searchbox large' : 'searchbox'}>
      <form role="search" action="/search/" method="get" ref={formRef} aria-label="Help articles">
        <label className="sr-only" htmlFor={id}>
          Search help articles
        </label>
        <input
          id={id}
          ref={inputRef}
          name="q"
          type="search"
          placeholder="e.g. phone won't register, SIP 403"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => hits.length > 0 && setOpen(true)}
          {...(hydrated && {
            role: 'combobox',
            'aria-autocomplete': 'list' as const,
            'aria-expanded': expanded,
            'aria-controls': listId,
            'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
          })}
        />
        <button className="button" type="submit">
          Search
        </button>
      </form>
      <ul role="listbox" id={listId} aria-label="Suggested articles" hidden={!expanded}>
        {hits.map((hit, i) => (
          <li
            key={hit.url}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => window.location.assign(hit.url)}
          >
            {hit.title}
            {hit.summary && <small>{hit.summary}</small>}
          </li>
        ))}
      </ul>
      <div role="status" className="sr-only">
        {search.failed
          ? 'Search is unavailable right now; press Enter to browse all articles.'
          : query.trim().length >= 2 && open
            ? `${hits.length} suggestion${hits.length === 1 ? '' : 's'}; use the arrow keys to choose, Enter to open.`
            : ''}
      </div>
    </div>
  );
}
