// One way to open the SQLite file the outbox, feedback and subscriptions share, and to migrate a store's own
// tables forward under its own version table.
import { closeSync, existsSync, fdatasync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Opens (and creates: folder 0700, file 0600, as it holds personal data) the file; `:memory:` for tests.
 * `syncOnCommit: false` leaves the fsync to the caller (`WalSync`, after COMMIT): see there.
 */
export function openSqliteFile(path: string, options: { syncOnCommit?: boolean } = {}): DatabaseSync {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  }
  const db = new DatabaseSync(path);
  const synchronous = (options.syncOnCommit ?? true) ? 'FULL' : 'NORMAL';
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA busy_timeout = 5000;`);
  return db;
}

/**
 * Makes every transaction committed so far on a file durable, without blocking the event loop: the fsync of
 * the write-ahead log that `synchronous = FULL` makes inside COMMIT (where node:sqlite runs it on the main
 * thread, stopping every other request), done here on libuv's thread pool instead. A commit in WAL mode only
 * appends to the log, so syncing the log is all FULL adds; a checkpoint syncs the log and the database itself
 * in either mode, so a log restarted after a checkpoint holds nothing older left to sync.
 *
 * The log is opened once, after `db` has opened the file in WAL mode (which creates it). SQLite removes the log
 * only when the last connection closes or the journal mode changes, neither of which can happen while `db` is
 * open, so this descriptor stays the file SQLite writes until `close()`.
 */
export class WalSync {
  readonly #fd: number | undefined;

  constructor(path: string, db: DatabaseSync) {
    if (path === ':memory:') return;
    if (!db.isOpen) throw new Error(`${path}: open the database before its write-ahead log`);
    this.#fd = openSync(`${path}-wal`, 'r');
  }

  sync(): Promise<void> {
    const fd = this.#fd;
    if (fd === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
  }
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
