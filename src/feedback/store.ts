// Reader feedback, stored beside the outbox (same SQLite file or PostgreSQL database, own tables and migrations):
// votes on articles and searches that failed. One interface, two stores; nothing here identifies a reader.
import type { FeedbackReason, SearchOutcome } from '../lib/feedback/schema.ts';

export interface Vote {
  article: string;
  helpful: boolean;
  reason?: FeedbackReason | undefined;
  comment?: string | undefined;
  /** ISO instant the server received it. */
  at: string;
}

export interface FailedSearch {
  /** Normalised, personal data removed (storedQuery). */
  query: string;
  outcome: SearchOutcome;
  source?: 'page' | 'box' | undefined;
  at: string;
}

export interface FeedbackStore {
  /** Where the feedback is, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly location: string;
  addVote(vote: Vote): Promise<void>;
  addFailedSearch(search: FailedSearch): Promise<void>;
  /** Votes received at or after `since`, oldest first. */
  votesSince(since: Date): Promise<Vote[]>;
  failedSearchesSince(since: Date): Promise<FailedSearch[]>;
  close(): Promise<void>;
}
