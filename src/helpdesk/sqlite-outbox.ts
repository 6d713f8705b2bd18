// The embedded outbox: one SQLite file (node:sqlite, WAL, fsync on commit), shared safely by the processes of one
// machine. The schema carries a version (PRAGMA user_version) and migrates forward when opened.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { openSqliteFile, WalSync } from '../storage/sqlite.ts';
import { WalCheckpointer } from '../storage/sqlite-checkpoint.ts';
import type { DerivedTicket, Ticket } from '../lib/ticket/index.ts';
import { createGroupCommit } from './group-commit.ts';
import {
  DEFAULT_OUTBOX_PATH,
  NEW_TICKET_COLUMNS,
  newReference,
  newTicket,
  storedTicketFromRow,
  RECOVERED_ERROR,
  type Claim,
  type DeliveryState,
  type Outbox,
  type Retry,
  type StoredTicket,
  type StoreOptions,
  type StoreResult,
} from './outbox.ts';

/** Each step takes a file from the version before it to its own; the index is the version it makes, minus 1. */
export const SQLITE_MIGRATIONS = [
  // 1: the first release.
  `CREATE TABLE IF NOT EXISTS tickets (
    reference TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    delivery_key TEXT NOT NULL,
    ticket_json TEXT NOT NULL,
    derived_json TEXT NOT NULL,
    priority TEXT NOT NULL,
    category TEXT NOT NULL,
    subject TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    first_response_due TEXT NOT NULL,
    resolution_due TEXT,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    maybe_created INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_error TEXT,
    external_id TEXT,
    external_url TEXT,
    stored_at TEXT NOT NULL,
    delivered_at TEXT
  );
  CREATE INDEX IF NOT EXISTS tickets_due ON tickets (state, next_attempt_at);`,
  // 2: leases (several loops on one file), delivery by priority, the request hash behind 409.
  `ALTER TABLE tickets ADD COLUMN claimed_by TEXT;
  ALTER TABLE tickets ADD COLUMN lease_until INTEGER;
  ALTER TABLE tickets ADD COLUMN request_hash TEXT;
  ALTER TABLE tickets ADD COLUMN priority_rank INTEGER NOT NULL DEFAULT 2;
  UPDATE tickets SET priority_rank = CASE priority
    WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END;
  -- A claim made by the first release has no lease: expired, so the next loop takes it back (looking first).
  UPDATE tickets SET lease_until = 0 WHERE state = 'sending';
  CREATE INDEX tickets_queue ON tickets (state, priority_rank, next_attempt_at);
  CREATE INDEX tickets_lease ON tickets (state, lease_until);`,
  // 3: the queue and lease indexes hold only the rows waiting or being sent (as PostgreSQL's do): a delivered
  // ticket, nearly every row, costs no index entries beyond its reference and key.
  `DROP INDEX IF EXISTS tickets_due;
  DROP INDEX IF EXISTS tickets_queue;
  DROP INDEX IF EXISTS tickets_lease;
  CREATE INDEX tickets_queue ON tickets (priority_rank) WHERE state IN ('pending', 'failed');
  CREATE INDEX tickets_lease ON tickets (lease_until) WHERE state = 'sending';`,
];

export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.length;

const INSERT_TICKET = `INSERT INTO tickets (${NEW_TICKET_COLUMNS.join(', ')})
  VALUES (${NEW_TICKET_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (idempotency_key) DO NOTHING`;

type Row = Record<string, string | number | null>;
type Pending = { ticket: Ticket; derived: DerivedTicket; now: Date; inbox: boolean };

export class SqliteOutbox implements Outbox {
  readonly location: string;
  readonly #db: DatabaseSync;
  readonly #wal: WalSync;
  readonly #checkpointer: WalCheckpointer;
  readonly #group = createGroupCommit((batch: Pending[]) => this.#commitBatch(batch), { maxInFlight: 4 });
  /** Compiled once per statement text: preparing costs more than running these small statements. */
  readonly #statements = new Map<string, StatementSync>();

  /** Opens (and creates: folder 0700, file 0600, as tickets hold personal data) the file; `:memory:` for tests. */
  constructor(path: string = DEFAULT_OUTBOX_PATH) {
    this.location = path;
    // Durable before we answer, like synchronous = FULL, but with the log's fsync off the event loop (#durable).
    this.#db = openSqliteFile(path, { syncOnCommit: false });
    this.#migrate();
    this.#wal = new WalSync(path, this.#db);
    this.#checkpointer = new WalCheckpointer(path, this.#db);
  }

  #migrate(): void {
    const version = () =>
      Number((this.#db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (version() === SQLITE_SCHEMA_VERSION) return;
    // IMMEDIATE: a second process opening the same file waits, then sees the migrated version.
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      let current = version();
      if (current > SQLITE_SCHEMA_VERSION) {
        throw new Error(
          `${this.location}: outbox schema version ${current} is newer than this server knows (${SQLITE_SCHEMA_VERSION}): run the newer release, or restore a backup`,
        );
      }
      // A file of the first release has the table but no version.
      if (current === 0 && this.#db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'tickets'").get()) current = 1;
      for (const step of SQLITE_MIGRATIONS.slice(current)) this.#db.exec(step);
      this.#db.exec(`PRAGMA user_version = ${SQLITE_SCHEMA_VERSION}`);
      this.#db.exec('COMMIT');
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  store(ticket: Ticket, derived: DerivedTicket, now: Date, options: StoreOptions = {}): Promise<StoreResult> {
    return this.#group.submit({ ticket, derived, now, inbox: options.inbox ?? false });
  }

  /** Every write resolves only after this: its transaction is on disk, not just in the page cache. */
  async #durable(): Promise<void> {
    await this.#wal.sync();
    this.#checkpointer.committed();
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) this.#statements.set(sql, (statement = this.#db.prepare(sql)));
    return statement;
  }

  /** Every ticket that arrived since the last commit, in one transaction: one fsync for all of them. */
  async #commitBatch(batch: Pending[]) {
    if (batch.length > 1) {
      try {
        this.#statement('BEGIN IMMEDIATE').run();
        const results = batch.map((pending) => this.#insert(pending));
        this.#statement('COMMIT').run();
        await this.#durable();
        return results;
      } catch {
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
        // One bad apple (or a busy file): store them one by one, so each gets its own answer.
      }
    }
    const results = batch.map((pending) => {
      try {
        return this.#insert(pending);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
    await this.#durable();
    return results;
  }

  #insert({ ticket, derived, now, inbox }: Pending): StoreResult {
    const insert = this.#statement(INSERT_TICKET);
    for (let tries = 0; ; tries++) {
      const { values, stored } = newTicket(newReference(derived.submittedAt), ticket, derived, now, inbox);
      try {
        if (insert.run(...values).changes === 1) return { stored, created: true };
        // The key is stored already (a retry, or another process got there first): answer with that ticket.
        return { stored: this.#byKey(ticket.idempotencyKey)!, created: false };
      } catch (error) {
        // A reference already taken (1 in 33 million a day): draw another one.
        if (tries < 5 && /UNIQUE constraint failed: tickets\.reference/.test(String(error))) continue;
        throw error;
      }
    }
  }

  async findByKey(idempotencyKey: string): Promise<StoredTicket | undefined> {
    return this.#byKey(idempotencyKey);
  }

  async get(reference: string): Promise<StoredTicket | undefined> {
    return storedTicketFromRow(this.#statement('SELECT * FROM tickets WHERE reference = ?').get(reference) as Row);
  }

  async list(options: { state?: DeliveryState; limit?: number } = {}): Promise<StoredTicket[]> {
    const where = options.state ? 'WHERE state = ?' : '';
    const params = options.state ? [options.state] : [];
    const rows = this.#statement(`SELECT * FROM tickets ${where} ORDER BY stored_at DESC, rowid DESC LIMIT ?`).all(
      ...params,
      options.limit ?? -1,
    ) as Row[];
    return rows.map((row) => storedTicketFromRow(row)!);
  }

  async claimNext({ now, owner, leaseMs }: Claim): Promise<StoredTicket | undefined> {
    // One statement, so one write lock: two processes never lease the same row.
    const row = this.#statement(
      `UPDATE tickets SET state = 'sending', attempts = attempts + 1, claimed_by = ?, lease_until = ?
        WHERE rowid = (
          SELECT rowid FROM tickets WHERE state IN ('pending', 'failed') AND next_attempt_at <= ?
          ORDER BY priority_rank, rowid LIMIT 1)
        RETURNING *`,
    ).get(owner, now.getTime() + leaseMs, now.getTime()) as Row | undefined;
    // The lease is on disk before anything is sent: after a crash, recovery knows to look before creating.
    if (row) await this.#durable();
    return storedTicketFromRow(row);
  }

  async renewLease(reference: string, owner: string, until: Date): Promise<boolean> {
    const result = this.#statement(
      `UPDATE tickets SET lease_until = ? WHERE reference = ? AND state = 'sending' AND claimed_by = ?`,
    ).run(until.getTime(), reference, owner);
    await this.#durable();
    return result.changes === 1;
  }

  async recover({ now, owner, retryAt }: { now: Date; owner: string; retryAt: Date }): Promise<number> {
    const result = this.#statement(
      `UPDATE tickets SET state = 'pending', maybe_created = 1, next_attempt_at = ?, claimed_by = NULL,
          lease_until = NULL, last_error = ?
        WHERE state = 'sending' AND (lease_until <= ? OR claimed_by = ?)`,
    ).run(retryAt.getTime(), RECOVERED_ERROR, now.getTime(), owner);
    if (result.changes > 0) await this.#durable();
    return Number(result.changes);
  }

  async nextAttemptTime(): Promise<number | undefined> {
    const row = this.#statement(
      `SELECT MIN(next) AS next FROM (
        SELECT MIN(next_attempt_at) AS next FROM tickets WHERE state IN ('pending', 'failed')
        UNION ALL SELECT MIN(lease_until) FROM tickets WHERE state = 'sending')`,
    ).get() as { next: number | null };
    return row.next ?? undefined;
  }

  async markDelivered(
    reference: string,
    receipt: { externalId: string; externalUrl?: string | undefined },
    now: Date,
  ): Promise<void> {
    // Whoever holds the lease now, the ticket exists in the helpdesk: record it (a later holder looks first
    // and finds the same one).
    this.#statement(
      `UPDATE tickets SET state = 'delivered', external_id = ?, external_url = ?, delivered_at = ?,
        next_attempt_at = NULL, last_error = NULL, claimed_by = NULL, lease_until = NULL
        WHERE reference = ? AND state != 'delivered'`,
    ).run(receipt.externalId, receipt.externalUrl ?? null, now.toISOString(), reference);
    await this.#durable();
  }

  async markRetry(reference: string, owner: string, retry: Retry): Promise<void> {
    this.#statement(
      `UPDATE tickets SET state = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL, lease_until = NULL,
        maybe_created = MAX(maybe_created, ?) WHERE reference = ? AND state = 'sending' AND claimed_by = ?`,
    ).run(retry.state, retry.error.slice(0, 2000), retry.at.getTime(), retry.maybeCreated ? 1 : 0, reference, owner);
    await this.#durable();
  }

  async retryNow(reference: string, now: Date): Promise<boolean> {
    const result = this.#statement(
      `UPDATE tickets SET
          maybe_created = CASE WHEN state = 'sending' THEN 1 ELSE maybe_created END,
          state = CASE WHEN state = 'sending' THEN 'pending' ELSE state END,
          claimed_by = NULL, lease_until = NULL, next_attempt_at = ?
        WHERE reference = ? AND (state IN ('pending', 'failed') OR (state = 'sending' AND lease_until <= ?))`,
    ).run(now.getTime(), reference, now.getTime());
    await this.#durable();
    return result.changes === 1;
  }

  async close(): Promise<void> {
    await this.#group.drain();
    await this.#checkpointer.close();
    if (this.#db.isOpen) {
      this.#wal.close();
      this.#db.close();
    }
  }

  #byKey(idempotencyKey: string): StoredTicket | undefined {
    return storedTicketFromRow(
      this.#statement('SELECT * FROM tickets WHERE idempotency_key = ?').get(idempotencyKey) as Row,
    );
  }
}
