// Subscribers and their messages in the shared PostgreSQL outbox database, in tables of their own with their own
// schema version (dialtone_notify_schema). Claims use FOR UPDATE SKIP LOCKED; recording events takes an advisory
// lock, so two servers polling at once agree on which events are new.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openMigratedPool, redactUrl } from '../storage/postgres.ts';
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

/** jsonb and text[] columns come back decoded. */
const json = (value: unknown) => value;

const POSTGRES_NOTIFY_MIGRATIONS = [
  `CREATE TABLE dialtone_notify_subscribers (
    id text PRIMARY KEY,
    email text NOT NULL UNIQUE,
    components jsonb NOT NULL,
    maintenance boolean NOT NULL,
    state text NOT NULL CHECK (state IN ('pending', 'confirmed')),
    created_at text NOT NULL,
    confirmed_at text
  );
  CREATE TABLE dialtone_notify_settings (name text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE dialtone_notify_events (key text PRIMARY KEY, seen_at text NOT NULL);
  CREATE TABLE dialtone_notify_messages (
    id bigserial PRIMARY KEY,
    channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipient text NOT NULL,
    event_key text NOT NULL,
    body jsonb NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at bigint,
    claimed_by text,
    lease_until bigint,
    last_error text,
    created_at text NOT NULL,
    sent_at text,
    UNIQUE (recipient, event_key)
  );
  CREATE INDEX dialtone_notify_messages_due ON dialtone_notify_messages (next_attempt_at)
    WHERE state IN ('pending', 'failed');`,
];

/** Advisory locks: migrating (one server at a time), and recording events (one poll at a time). */
const MIGRATION_LOCK = 4_242_017_101;
const EVENTS_LOCK = 4_242_017_102;

type Row = Record<string, unknown>;
type Query = (text: string, values?: unknown[]) => Promise<{ rows: Row[]; rowCount: number | null }>;

export class PostgresNotifyStore implements NotifyStore {
  readonly location: string;
  readonly #pool: pg.Pool;

  private constructor(url: string, pool: pg.Pool) {
    this.location = redactUrl(url);
    this.#pool = pool;
  }

  static async open(url: string, options: { max?: number } = {}): Promise<PostgresNotifyStore> {
    const pool = await openMigratedPool(url, options.max ?? 5, {
      what: 'subscriptions tables',
      lock: MIGRATION_LOCK,
      versionTable: 'dialtone_notify_schema',
      steps: POSTGRES_NOTIFY_MIGRATIONS,
    });
    return new PostgresNotifyStore(url, pool);
  }

  async #transaction<T>(work: (query: Query) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work((text, values) => client.query(text, values));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  #query: Query = (text, values) => this.#pool.query(text, values);

  async secret(): Promise<string> {
    await this.#query(
      `INSERT INTO dialtone_notify_settings (name, value) VALUES ('secret', $1) ON CONFLICT (name) DO NOTHING`,
      [randomBytes(32).toString('hex')],
    );
    const { rows } = await this.#query(`SELECT value FROM dialtone_notify_settings WHERE name = 'secret'`);
    return String(rows[0]!.value);
  }

  async subscribe(request: SubscriptionRequest, id: string, now: Date) {
    const components = JSON.stringify(request.components);
    const inserted = await this.#query(
      `INSERT INTO dialtone_notify_subscribers (id, email, components, maintenance, state, created_at)
      VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT (email) DO NOTHING`,
      [id, request.email, components, request.maintenance, now.toISOString()],
    );
    if (inserted.rowCount === 0) {
      // Only a pending subscriber takes the new choice; a confirmed one changes it through the manage link.
      await this.#query(
        `UPDATE dialtone_notify_subscribers SET components = $2, maintenance = $3
        WHERE email = $1 AND state = 'pending'`,
        [request.email, components, request.maintenance],
      );
    }
    return { subscriber: (await this.findByEmail(request.email))!, created: inserted.rowCount === 1 };
  }

  async subscriber(id: string): Promise<Subscriber | undefined> {
    const { rows } = await this.#query('SELECT * FROM dialtone_notify_subscribers WHERE id = $1', [id]);
    return subscriberFromRow(rows[0], json);
  }

  async findByEmail(email: string): Promise<Subscriber | undefined> {
    const { rows } = await this.#query('SELECT * FROM dialtone_notify_subscribers WHERE email = $1', [
      email.trim().toLowerCase(),
    ]);
    return subscriberFromRow(rows[0], json);
  }

  async confirm(id: string, now: Date): Promise<Subscriber | undefined> {
    await this.#query(
      `UPDATE dialtone_notify_subscribers SET state = 'confirmed', confirmed_at = $2 WHERE id = $1 AND state = 'pending'`,
      [id, now.toISOString()],
    );
    return this.subscriber(id);
  }

  async setPreferences(id: string, choice: { components: string[]; maintenance: boolean }): Promise<boolean> {
    const result = await this.#query(
      'UPDATE dialtone_notify_subscribers SET components = $2, maintenance = $3 WHERE id = $1',
      [id, JSON.stringify(choice.components), choice.maintenance],
    );
    return result.rowCount === 1;
  }

  async remove(id: string): Promise<boolean> {
    return this.#transaction(async (query) => {
      await query(`DELETE FROM dialtone_notify_messages WHERE channel = 'email' AND recipient = $1`, [id]);
      return (await query('DELETE FROM dialtone_notify_subscribers WHERE id = $1', [id])).rowCount === 1;
    });
  }

  async countSubscribers(): Promise<Record<SubscriberState, number>> {
    const { rows } = await this.#query('SELECT state, COUNT(*) AS n FROM dialtone_notify_subscribers GROUP BY state');
    const counts = { pending: 0, confirmed: 0 };
    for (const row of rows) counts[row.state as SubscriberState] = Number(row.n);
    return counts;
  }

  async enqueue(messages: readonly NewMessage[], now: Date): Promise<number> {
    return this.#transaction((query) => insertMessages(query, messages, now));
  }

  async recordEvents(keys: readonly string[], planner: EventPlanner, now: Date): Promise<RecordedEvents> {
    return this.#transaction(async (query) => {
      await query('SELECT pg_advisory_xact_lock($1)', [EVENTS_LOCK]);
      const marked = await query(`SELECT 1 FROM dialtone_notify_settings WHERE name = 'baseline'`);
      const baseline = marked.rows.length === 0;
      const { rows } = await query(
        `INSERT INTO dialtone_notify_events (key, seen_at) SELECT unnest($1::text[]), $2
        ON CONFLICT DO NOTHING RETURNING key`,
        [keys, now.toISOString()],
      );
      const inserted = new Set(rows.map((r) => String(r.key)));
      const fresh = keys.filter((key) => inserted.has(key));
      if (baseline) {
        await query(`INSERT INTO dialtone_notify_settings (name, value) VALUES ('baseline', $1)`, [now.toISOString()]);
        return { fresh, baseline, enqueued: 0 };
      }
      if (fresh.length === 0) return { fresh, baseline, enqueued: 0 };
      const subscribers = await query(`SELECT * FROM dialtone_notify_subscribers WHERE state = 'confirmed'`);
      const planned = planner(
        fresh,
        subscribers.rows.map((r) => subscriberFromRow(r, json)!),
      );
      return { fresh, baseline, enqueued: await insertMessages(query, planned, now) };
    });
  }

  async messages(options: { state?: MessageState; recipient?: string; limit?: number } = {}) {
    const { rows } = await this.#query(
      `SELECT * FROM dialtone_notify_messages WHERE ($1::text IS NULL OR state = $1)
        AND ($2::text IS NULL OR recipient = $2) ORDER BY id DESC LIMIT $3`,
      [options.state ?? null, options.recipient ?? null, options.limit ?? null],
    );
    return rows.map((row) => messageFromRow(row, json));
  }

  async claimNext({ now, owner, leaseMs, channels }: MessageClaim) {
    if (channels.length === 0) return undefined;
    const t = now.getTime();
    const { rows } = await this.#query(
      `WITH next AS (
        SELECT id FROM dialtone_notify_messages WHERE channel = ANY($4::text[])
          AND ((state IN ('pending', 'failed') AND next_attempt_at <= $3) OR (state = 'sending' AND lease_until <= $3))
          -- In order per recipient: an update never overtakes an earlier one still being retried.
          AND NOT EXISTS (SELECT 1 FROM dialtone_notify_messages o WHERE o.recipient = dialtone_notify_messages.recipient
            AND o.id < dialtone_notify_messages.id AND o.state IN ('pending', 'sending'))
        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      UPDATE dialtone_notify_messages m SET state = 'sending', attempts = attempts + 1, claimed_by = $1,
        lease_until = $2 FROM next WHERE m.id = next.id
      RETURNING m.*, (SELECT email FROM dialtone_notify_subscribers s WHERE m.channel = 'email' AND s.id = m.recipient)
        AS email`,
      [owner, t + leaseMs, t, channels],
    );
    const row = rows[0];
    return row ? { ...messageFromRow(row, json), email: row.email === null ? null : String(row.email) } : undefined;
  }

  async markSent(id: number, owner: string, now: Date): Promise<void> {
    await this.#query(
      `UPDATE dialtone_notify_messages SET state = 'sent', sent_at = $3, next_attempt_at = NULL, claimed_by = NULL,
      lease_until = NULL, last_error = NULL WHERE id = $1 AND state = 'sending' AND claimed_by = $2`,
      [id, owner, now.toISOString()],
    );
  }

  async markRetry(id: number, owner: string, retry: MessageRetry): Promise<void> {
    await this.#query(
      `UPDATE dialtone_notify_messages SET state = $3, last_error = $4, next_attempt_at = $5, claimed_by = NULL,
      lease_until = NULL WHERE id = $1 AND state = 'sending' AND claimed_by = $2`,
      [id, owner, retry.state, retry.error.slice(0, 2000), retry.at.getTime()],
    );
  }

  async nextAttemptTime(channels: readonly Channel[]): Promise<number | undefined> {
    if (channels.length === 0) return undefined;
    const { rows } = await this.#query(
      `SELECT MIN(CASE WHEN state = 'sending' THEN lease_until ELSE next_attempt_at END) AS next
      FROM dialtone_notify_messages WHERE state IN ('pending', 'failed', 'sending') AND channel = ANY($1::text[])`,
      [channels],
    );
    return rows[0]?.next === null || rows[0]?.next === undefined ? undefined : Number(rows[0].next);
  }

  #closed = false;

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}

async function insertMessages(query: Query, messages: readonly NewMessage[], now: Date): Promise<number> {
  let added = 0;
  for (const m of messages) {
    const result = await query(
      `INSERT INTO dialtone_notify_messages (channel, recipient, event_key, body, next_attempt_at, created_at)
      VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (recipient, event_key) DO NOTHING`,
      [m.channel, m.recipient, m.eventKey, JSON.stringify(m.body), now.getTime(), now.toISOString()],
    );
    added += result.rowCount ?? 0;
  }
  return added;
}
