// Searches that failed the reader, reported to POST /api/feedback: no result once typing has paused, or results
// that nobody clicked for a while. The server keeps the query normalised and without personal data; the browser
// sends only the query and the outcome, once per query and page.
import type { SearchOutcome } from '../lib/feedback/schema.ts';
import { feedbackEndpoint } from './feedback-endpoint.ts';

/** Quiet time after an empty answer: the reader stopped typing on a query that finds nothing. */
export const NO_RESULT_QUIET_MS = 2_000;
/** Time results may sit unclicked before the search counts as "no click". */
export const NO_CLICK_MS = 30_000;

const reported = new Set<string>();

export function reportFailedSearch(query: string, outcome: SearchOutcome, source: 'page' | 'box'): void {
  const endpoint = feedbackEndpoint();
  const key = `${outcome}:${query.trim().toLowerCase()}`;
  if (!endpoint || reported.has(key)) return;
  reported.add(key);
  fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'search', query, outcome, source }),
    keepalive: true,
  }).catch(() => {
    // Feedback is optional: a static-only deployment or a network blip loses one report, nothing else.
  });
}

/**
 * Watches one answer: reports it as failed after the wait unless the reader clicks a link or a suggestion
 * meanwhile. Returns the cleanup (a newer answer, or the island going away, cancels it).
 */
export function watchAnswer(query: string, hitCount: number, source: 'page' | 'box'): () => void {
  const outcome: SearchOutcome = hitCount === 0 ? 'no-result' : 'no-click';
  let clicked = false;
  const onClick = (event: Event) => {
    if (event.target instanceof Element && event.target.closest('a[href], [role="option"]')) clicked = true;
  };
  document.addEventListener('click', onClick, true);
  const timer = setTimeout(
    () => {
      if (!clicked) reportFailedSearch(query, outcome, source);
    },
    outcome === 'no-result' ? NO_RESULT_QUIET_MS : NO_CLICK_MS,
  );
  return () => {
    clearTimeout(timer);
    document.removeEventListener('click', onClick, true);
  };
}
