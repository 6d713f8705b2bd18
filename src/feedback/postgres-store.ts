// Feedback in the outbox's PostgreSQL database: its own tables and version row (dialtone_feedback_schema),
// migrated on open under an advisory lock of its own, so servers starting together migrate once.
import pg from 'pg';
import { openMigratedPool, redactUrl } from '../storage/postgres.ts';
import type { FailedSearch, FeedbackStore, Vote } from './store.ts';

/** Each step takes the database from the version before it to its own (index + 1). */
const POSTGRES_FEEDBACK_MIGRATIONS = [
  `CREATE TABLE dialtone_feedback_votes (
    id bigserial PRIMARY KEY,
    article text NOT NULL,
    helpful boolean NOT NULL,
    reason text,
    comment text,
    at bigint NOT NULL
  );
  CREATE INDEX dialtone_feedback_votes_at ON dialtone_feedback_votes (at);
  CREATE TABLE dialtone_failed_searches (
    id bigserial PRIMARY KEY,
    query text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('no-result', 'no-click')),
    source text,
    at bigint NOT NULL
  );
  CREATE INDEX dialtone_failed_searches_at ON dialtone_failed_searches (at);`,
];

/** Not the outbox's lock: the two migrate independently. */
const MIGRATION_LOCK = 4_242_017_002;

type Row = Record<string, string | number | boolean | null>;

export class PostgresFeedbackStore implements FeedbackStore {
  readonly location: string;
  readonly #pool: pg.Pool;

  private constructor(url: string, pool: pg.Pool) {
    this.location = redactUrl(url);
    this.#pool = pool;
  }

  /** Connects (a small pool: feedback is light) and migrates the feedback tables forward. */
  static async open(url: string, options: { max?: number } = {}): Promise<PostgresFeedbackStore> {
    const pool = await openMigratedPool(url, options.max ?? 4, {
      what: 'feedback tables',
      lock: MIGRATION_LOCK,
      versionTable: 'dialtone_feedback_schema',
      steps: POSTGRES_FEEDBACK_MIGRATIONS,
    });
    return new PostgresFeedbackStore(url, pool);
  }

  async addVote(vote: Vote): Promise<void> {
    await this.#pool.query(
      'INSERT INTO dialtone_feedback_votes (article, helpful, reason, comment, at) VALUES ($1, $2, $3, $4, $5)',
      [vote.article, vote.helpful, vote.reason ?? null, vote.comment ?? null, Date.parse(vote.at)],
    );
  }

  async addFailedSearch(search: FailedSearch): Promise<void> {
    await this.#pool.query(
      'INSERT INTO dialtone_failed_searches (query, outcome, source, at) VALUES ($1, $2, $3, $4)',
      [search.query, search.outcome, search.source ?? null, Date.parse(search.at)],
    );
  }

  async votesSince(since: Date): Promise<Vote[]> {
    const { rows } = await this.#pool.query<Row>(
      'SELECT * FROM dialtone_feedback_votes WHERE at >= $1 ORDER BY at, id',
      [since.getTime()],
    );
    return rows.map((row) => ({
      article: String(row.article),
      helpful: row.helpful === true,
      ...(row.reason !== null && { reason: String(row.reason) as Vote['reason'] }),
      ...(row.comment !== null && { comment: String(row.comment) }),
      at: new Date(Number(row.at)).toISOString(),
    }));
  }

  async failedSearchesSince(since: Date): Promise<FailedSearch[]> {
    const { rows } = await this.#pool.query<Row>(
      'SELECT * FROM dialtone_failed_searches WHERE at >= $1 ORDER BY at, id',
      [since.getTime()],
    );
    return rows.map((row) => ({
      query: String(row.query),
      outcome: row.outcome as FailedSearch['outcome'],
      ...(row.source !== null && { source: row.source as 'page' | 'box' }),
      at: new Date(Number(row.at)).toISOString(),
    }));
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
