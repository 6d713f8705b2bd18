// Feedback in the outbox's SQLite file: its own tables, its own version (feedback_schema, since PRAGMA
// user_version belongs to the outbox), migrated forward when opened. A second connection to the same file: WAL
// lets it write beside the delivery loop.
import type { DatabaseSync } from 'node:sqlite';
import { migrateSqlite, openSqliteFile } from '../storage/sqlite.ts';
import { type FailedSearch, type FeedbackStore, type Vote } from './store.ts';

/** Each step takes the file from the version before it to its own (index + 1). */
export const SQLITE_FEEDBACK_MIGRATIONS = [
  `CREATE TABLE feedback_votes (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    reason TEXT,
    comment TEXT,
    at INTEGER NOT NULL
  );
  CREATE INDEX feedback_votes_at ON feedback_votes (at);
  CREATE TABLE failed_searches (
    id INTEGER PRIMARY KEY,
    query TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('no-result', 'no-click')),
    source TEXT,
    at INTEGER NOT NULL
  );
  CREATE INDEX failed_searches_at ON failed_searches (at);`,
];

type Row = Record<string, string | number | null>;

export class SqliteFeedbackStore implements FeedbackStore {
  readonly location: string;
  readonly #db: DatabaseSync;

  /** Opens (creating, 0600 in a 0700 folder, like the outbox) the file; `:memory:` for tests. */
  constructor(path: string) {
    this.location = path;
    this.#db = openSqliteFile(path);
    migrateSqlite(this.#db, path, {
      what: 'feedback',
      versionTable: 'feedback_schema',
      steps: SQLITE_FEEDBACK_MIGRATIONS,
    });
  }

  async addVote(vote: Vote): Promise<void> {
    this.#db
      .prepare('INSERT INTO feedback_votes (article, helpful, reason, comment, at) VALUES (?, ?, ?, ?, ?)')
      .run(vote.article, vote.helpful ? 1 : 0, vote.reason ?? null, vote.comment ?? null, Date.parse(vote.at));
  }

  async addFailedSearch(search: FailedSearch): Promise<void> {
    this.#db
      .prepare('INSERT INTO failed_searches (query, outcome, source, at) VALUES (?, ?, ?, ?)')
      .run(search.query, search.outcome, search.source ?? null, Date.parse(search.at));
  }

  async votesSince(since: Date): Promise<Vote[]> {
    const rows = this.#db
      .prepare('SELECT * FROM feedback_votes WHERE at >= ? ORDER BY at, id')
      .all(since.getTime()) as Row[];
    return rows.map((row) => ({
      article: String(row.article),
      helpful: Number(row.helpful) === 1,
      ...(row.reason !== null && { reason: String(row.reason) as Vote['reason'] }),
      ...(row.comment !== null && { comment: String(row.comment) }),
      at: new Date(Number(row.at)).toISOString(),
    }));
  }

  async failedSearchesSince(since: Date): Promise<FailedSearch[]> {
    const rows = this.#db
      .prepare('SELECT * FROM failed_searches WHERE at >= ? ORDER BY at, id')
      .all(since.getTime()) as Row[];
    return rows.map((row) => ({
      query: String(row.query),
      outcome: row.outcome as FailedSearch['outcome'],
      ...(row.source !== null && { source: row.source as 'page' | 'box' }),
      at: new Date(Number(row.at)).toISOString(),
    }));
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
