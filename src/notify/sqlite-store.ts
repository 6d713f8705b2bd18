// Subscribers and their messages in the embedded outbox file (node:sqlite, WAL), beside the tickets, in tables
// of their own with their own schema version (the notify_schema table; the tickets keep PRAGMA user_version).
import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { migrateSqlite, openSqliteFile } from '../storage/sqlite.ts';
import type { SubscriptionRequest } from '../lib/notify/subscription.ts';
import {
  messageFromRow,
  subscriberFromRow,
  type Channel,
  type EventPlanner,
  type MessageClaim,
  type MessageRetry,
  type MessageState,
  type NewMessage,
  type NotifyStore,
  type RecordedEvents,
  type Subscriber,
  type SubscriberState,
} from './store.ts';

/** JSON columns are stored as text. */
const json = (value: unknown) => JSON.parse(String(value));

/** Each step takes the tables from the version before it to its own (index + 1). */
export const SQLITE_NOTIFY_MIGRATIONS = [
  `CREATE TABLE notify_subscribers (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    components TEXT NOT NULL,
    maintenance INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'confirmed')),
    created_at TEXT NOT NULL,
    confirmed_at TEXT
  );
  CREATE TABLE notify_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE notify_events (key TEXT PRIMARY KEY, seen_at TEXT NOT NULL);
  CREATE TABLE notify_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipient TEXT NOT NULL,
    event_key TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    claimed_by TEXT,
    lease_until INTEGER,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (recipient, event_key)
  );
  CREATE INDEX notify_messages_due ON notify_messages (state, next_attempt_at);`,
];

type Row = Record<string, string | number | null>;

export class SqliteNotifyStore implements NotifyStore {
  readonly location: string;
  readonly #db: DatabaseSync;

  /** Opens the outbox file (created like the outbox: folder 0700, file 0600); `:memory:` for tests. */
  constructor(path: string) {
    this.location = path;
    this.#db = openSqliteFile(path);
    migrateSqlite(this.#db, path, {
      what: 'subscriptions',
      versionTable: 'notify_schema',
      steps: SQLITE_NOTIFY_MIGRATIONS,
    });
  }

  /** IMMEDIATE: the write lock first, so two processes never interleave a read and the write that follows. */
  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  async secret(): Promise<string> {
    this.#db
      .prepare(`INSERT INTO notify_settings (name, value) VALUES ('secret', ?) ON CONFLICT (name) DO NOTHING`)
      .run(randomBytes(32).toString('hex'));
    return String((this.#db.prepare(`SELECT value FROM notify_settings WHERE name = 'secret'`).get() as Row).value);
  }

  async subscribe(request: SubscriptionRequest, id: string, now: Date) {
    return this.#transaction(() => {
      const existing = this.#byEmail(request.email);
      if (existing?.state === 'confirmed') return { subscriber: existing, created: false };
      if (existing) {
        this.#db
          .prepare('UPDATE notify_subscribers SET components = ?, maintenance = ? WHERE id = ?')
          .run(JSON.stringify(request.components), request.maintenance ? 1 : 0, existing.id);
        return { subscriber: this.#byEmail(request.email)!, created: false };
      }
      this.#db
        .prepare(
          `INSERT INTO notify_subscribers (id, email, components, maintenance, state, created_at)
          VALUES (?, ?, ?, ?, 'pending', ?)`,
        )
        .run(id, request.email, JSON.stringify(request.components), request.maintenance ? 1 : 0, now.toISOString());
      return { subscriber: this.#byEmail(request.email)!, created: true };
    });
  }

  async subscriber(id: string): Promise<Subscriber | undefined> {
    return subscriberFromRow(this.#db.prepare('SELECT * FROM notify_subscribers WHERE id = ?').get(id) as Row, json);
  }

  async findByEmail(email: string): Promise<Subscriber | undefined> {
    return this.#byEmail(email.trim().toLowerCase());
  }

  #byEmail(email: string): Subscriber | undefined {
    return subscriberFromRow(
      this.#db.prepare('SELECT * FROM notify_subscribers WHERE email = ?').get(email) as Row,
      json,
    );
  }

  async confirm(id: string, now: Date): Promise<Subscriber | undefined> {
    this.#db
      .prepare(`UPDATE notify_subscribers SET state = 'confirmed', confirmed_at = ? WHERE id = ? AND state = 'pending'`)
      .run(now.toISOString(), id);
    return this.subscriber(id);
  }

  async setPreferences(id: string, choice: { components: string[]; maintenance: boolean }): Promise<boolean> {
    const result = this.#db
      .prepare('UPDATE notify_subscribers SET components = ?, maintenance = ? WHERE id = ?')
      .run(JSON.stringify(choice.components), choice.maintenance ? 1 : 0, id);
    return result.changes === 1;
  }

  async remove(id: string): Promise<boolean> {
    return this.#transaction(() => {
      this.#db.prepare(`DELETE FROM notify_messages WHERE channel = 'email' AND recipient = ?`).run(id);
      return this.#db.prepare('DELETE FROM notify_subscribers WHERE id = ?').run(id).changes === 1;
    });
  }

  async countSubscribers(): Promise<Record<SubscriberState, number>> {
    const rows = this.#db.prepare('SELECT state, COUNT(*) AS n FROM notify_subscribers GROUP BY state').all() as Row[];
    const counts = { pending: 0, confirmed: 0 };
    for (const row of rows) counts[row.state as SubscriberState] = Number(row.n);
    return counts;
  }

  async enqueue(messages: readonly NewMessage[], now: Date): Promise<number> {
    return this.#transaction(() => this.#insertMessages(messages, now));
  }

  #insertMessages(messages: readonly NewMessage[], now: Date): number {
    const insert = this.#db.prepare(
      `INSERT INTO notify_messages (channel, recipient, event_key, body, next_attempt_at, created_at)
      VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (recipient, event_key) DO NOTHING`,
    );
    let added = 0;
    for (const m of messages) {
      const body = JSON.stringify(m.body);
      added += Number(insert.run(m.channel, m.recipient, m.eventKey, body, now.getTime(), now.toISOString()).changes);
    }
    return added;
  }

  async recordEvents(keys: readonly string[], planner: EventPlanner, now: Date): Promise<RecordedEvents> {
    return this.#transaction(() => {
      const baseline = !this.#db.prepare(`SELECT 1 FROM notify_settings WHERE name = 'baseline'`).get();
      const insert = this.#db.prepare('INSERT INTO notify_events (key, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING');
      const fresh = keys.filter((key) => insert.run(key, now.toISOString()).changes === 1);
      if (baseline) {
        this.#db.prepare(`INSERT INTO notify_settings (name, value) VALUES ('baseline', ?)`).run(now.toISOString());
        return { fresh, baseline, enqueued: 0 };
      }
      if (fresh.length === 0) return { fresh, baseline, enqueued: 0 };
      const rows = this.#db.prepare(`SELECT * FROM notify_subscribers WHERE state = 'confirmed'`).all() as Row[];
      const enqueued = this.#insertMessages(
        planner(
          fresh,
          rows.map((r) => subscriberFromRow(r, json)!),
        ),
        now,
      );
      return { fresh, baseline, enqueued };
    });
  }

  async messages(options: { state?: MessageState; recipient?: string; limit?: number } = {}) {
    const where: string[] = [];
    const params: string[] = [];
    if (options.state) {
      where.push('state = ?');
      params.push(options.state);
    }
    if (options.recipient) {
      where.push('recipient = ?');
      params.push(options.recipient);
    }
    const rows = this.#db
      .prepare(
        `SELECT * FROM notify_messages ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params, options.limit ?? -1) as Row[];
    return rows.map((row) => messageFromRow(row, json));
  }

  async claimNext({ now, owner, leaseMs, channels }: MessageClaim) {
    if (channels.length === 0) return undefined;
    const t = now.getTime();
    // One statement, so one write lock: two processes never lease the same message.
    const row = this.#db
      .prepare(
        `UPDATE notify_messages SET state = 'sending', attempts = attempts + 1, claimed_by = ?, lease_until = ?
        WHERE id = (
          SELECT id FROM notify_messages m WHERE channel IN (${channels.map(() => '?').join(', ')})
            AND ((state IN ('pending', 'failed') AND next_attempt_at <= ?) OR (state = 'sending' AND lease_until <= ?))
            -- In order per recipient: an update never overtakes an earlier one still being retried.
            AND NOT EXISTS (SELECT 1 FROM notify_messages o WHERE o.recipient = m.recipient AND o.id < m.id
              AND o.state IN ('pending', 'sending'))
          ORDER BY id LIMIT 1)
        RETURNING *`,
      )
      .get(owner, t + leaseMs, ...channels, t, t) as Row | undefined;
    if (!row) return undefined;
    const message = messageFromRow(row, json);
    const email =
      message.channel === 'email'
        ? ((this.#db.prepare('SELECT email FROM notify_subscribers WHERE id = ?').get(message.recipient) as Row)
            ?.email ?? null)
        : null;
    return { ...message, email: email === null ? null : String(email) };
  }

  async markSent(id: number, owner: string, now: Date): Promise<void> {
    this.#db
      .prepare(
        `UPDATE notify_messages SET state = 'sent', sent_at = ?, next_attempt_at = NULL, claimed_by = NULL,
        lease_until = NULL, last_error = NULL WHERE id = ? AND state = 'sending' AND claimed_by = ?`,
      )
      .run(now.toISOString(), id, owner);
  }

  async markRetry(id: number, owner: string, retry: MessageRetry): Promise<void> {
    this.#db
      .prepare(
        `UPDATE notify_messages SET state = ?, last_error = ?, next_attempt_at = ?, claimed_by = NULL,
        lease_until = NULL WHERE id = ? AND state = 'sending' AND claimed_by = ?`,
      )
      .run(retry.state, retry.error.slice(0, 2000), retry.at.getTime(), id, owner);
  }

  async nextAttemptTime(channels: readonly Channel[]): Promise<number | undefined> {
    if (channels.length === 0) return undefined;
    const row = this.#db
      .prepare(
        `SELECT MIN(CASE WHEN state = 'sending' THEN lease_until ELSE next_attempt_at END) AS next
        FROM notify_messages WHERE state IN ('pending', 'failed', 'sending')
          AND channel IN (${channels.map(() => '?').join(', ')})`,
      )
      .get(...channels) as { next: number | null };
    return row.next ?? undefined;
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}
