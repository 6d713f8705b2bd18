// The feedback store beside the outbox: a postgres:// URL (OUTBOX_URL) or the SQLite file (OUTBOX_PATH).
import { PostgresFeedbackStore } from './postgres-store.ts';
import { SqliteFeedbackStore } from './sqlite-store.ts';
import type { FeedbackStore } from './store.ts';

/** PostgreSQL opens asynchronously (connect, migrate): calls made meanwhile wait for it. */
export function openFeedbackStore(location: string): { store: FeedbackStore; ready: Promise<void> } {
  if (!/^postgres(ql)?:\/\//.test(location)) {
    return { store: new SqliteFeedbackStore(location), ready: Promise.resolve() };
  }
  const opening = PostgresFeedbackStore.open(location);
  opening.catch(() => {}); // reported through `ready`
  const store: FeedbackStore = {
    location: location.replace(/:[^:@/]*@/, '@'),
    addVote: async (vote) => (await opening).addVote(vote),
    addFailedSearch: async (search) => (await opening).addFailedSearch(search),
    votesSince: async (since) => (await opening).votesSince(since),
    failedSearchesSince: async (since) => (await opening).failedSearchesSince(since),
    close: async () => (await opening.catch(() => undefined))?.close(),
  };
  return { store, ready: opening.then(() => undefined) };
}
