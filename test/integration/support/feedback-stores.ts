// The feedback stores the contract suite runs against, each in a throwaway database shared with an outbox.
import { PostgresFeedbackStore } from '../../../src/feedback/postgres-store.ts';
import { SqliteFeedbackStore } from '../../../src/feedback/sqlite-store.ts';
import type { FeedbackStore } from '../../../src/feedback/store.ts';
import { engineKinds, type EngineKind } from './engines.ts';

export type FeedbackStoreKind = EngineKind<FeedbackStore>;

export function feedbackStoreKinds(): FeedbackStoreKind[] {
  return engineKinds<FeedbackStore>({
    sqlite: (file) => new SqliteFeedbackStore(file),
    postgres: (url) => PostgresFeedbackStore.open(url),
    prefix: 'feedback',
  });
}
