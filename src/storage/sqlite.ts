// One way to open the SQLite file the outbox, feedback and subscriptions share, and to migrate a store's own
// tables forward under its own version table.
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** Opens (and creates: folder 0700, file 0600, as it holds personal data) the file; `:memory:` for tests. */
export function openSqliteFile(path: string): DatabaseSync {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  }
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
  return db;
}

export interface SqliteMigrations {
  /** What the tables hold, for messages: "feedback", "subscriptions". */
  what: string;
  /** The table holding the version, e.g. feedback_schema. */
  versionTable: string;
  /** Each step takes the file from the version before it to its own (index + 1). */
  steps: readonly string[];
}

/** Migrates forward in one IMMEDIATE transaction (a second process waits, then sees the new version). */
export function migrateSqlite(
  db: DatabaseSync,
  location: string,
  { what, versionTable, steps }: SqliteMigrations,
): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS ${versionTable} (version INTEGER NOT NULL)`);
    const row = db.prepare(`SELECT version FROM ${versionTable}`).get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > steps.length) {
      throw new Error(
        `${location}: ${what} schema version ${current} is newer than this server knows (${steps.length}): run the newer release, or restore a backup`,
      );
    }
    for (const step of steps.slice(current)) db.exec(step);
    if (row) db.prepare(`UPDATE ${versionTable} SET version = ?`).run(steps.length);
    else db.prepare(`INSERT INTO ${versionTable} VALUES (?)`).run(steps.length);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
