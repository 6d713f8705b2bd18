// The durable outbox (SQLite, WAL): a ticket is stored here before we answer 202, and leaves only as delivered.
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { DerivedTicket, Ticket } from '../lib/ticket/index.ts';

export const DEFAULT_OUTBOX_PATH = '.data/outbox.sqlite';

/** pending: waiting for its next attempt; sending: an attempt is in flight; failed: rejected, retried slowly. */
export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed';

export interface StoredTicket {
  reference: string;
  idempotencyKey: string;
  /** Our own key, hidden in the helpdesk ticket, to find it again after an ambiguous failure. */
  deliveryKey: string;
  ticket: Ticket;
  derived: DerivedTicket;
  state: DeliveryState;
  attempts: number;
  /** An earlier attempt may have created the helpdesk ticket: look for it before creating again. */
  maybeCreated: boolean;
  nextAttemptAt: string | null;
  lastError: string | null;
  externalId: string | null;
  externalUrl: string | null;
  storedAt: string;
  deliveredAt: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tickets (
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
CREATE INDEX IF NOT EXISTS tickets_due ON tickets (state, next_attempt_at);
`;

/** Crockford base32 without I, L, O, U: easy to read out over the phone. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `DT-20261124-7F3K9`: the support team's date of filing and five random characters. */
export function newReference(submittedAt: string): string {
  const date = submittedAt.slice(0, 10).replaceAll('-', '');
  const suffix = Array.from({ length: 5 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]);
  return `DT-${date}-${suffix.join('')}`;
}

type Row = Record<string, string | number | null>;

export class Outbox {
  readonly path: string;
  readonly #db: DatabaseSync;

  /** Opens (and creates) the outbox file; `:memory:` for a throwaway one. */
  constructor(path: string = DEFAULT_OUTBOX_PATH) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.path = path;
    this.#db = new DatabaseSync(path);
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    this.#db.exec(SCHEMA);
  }

  /** Stores a ticket once per idempotency key; the same key again returns the first stored ticket. */
  store(ticket: Ticket, derived: DerivedTicket, now: Date): { stored: StoredTicket; created: boolean } {
    const existing = this.#byKey(ticket.idempotencyKey);
    if (existing) return { stored: existing, created: false };
    const insert = this.#db.prepare(`
      INSERT INTO tickets (reference, idempotency_key, delivery_key, ticket_json, derived_json, priority, category,
        subject, submitted_at, first_response_due, resolution_due, next_attempt_at, stored_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (idempotency_key) DO NOTHING`);
    for (let tries = 0; ; tries++) {
      const reference = newReference(derived.submittedAt);
      try {
        const result = insert.run(
          reference,
          ticket.idempotencyKey,
          randomUUID(),
          JSON.stringify(ticket),
          JSON.stringify(derived),
          derived.priority,
          ticket.category,
          ticket.subject,
          derived.submittedAt,
          derived.firstResponseDue,
          derived.resolutionDue,
          now.getTime(),
          now.toISOString(),
        );
        const stored = this.#byKey(ticket.idempotencyKey)!;
        return { stored, created: result.changes === 1 };
      } catch (error) {
        // A reference already taken (1 in 33 million a day): draw another one.
        if (tries < 5 && /UNIQUE constraint failed: tickets\.reference/.test(String(error))) continue;
        throw error;
      }
    }
  }

  /** The ticket already stored under a client's idempotency key, if any. */
  findByKey(idempotencyKey: string): StoredTicket | undefined {
    return this.#byKey(idempotencyKey);
  }

  get(reference: string): StoredTicket | undefined {
    return toStored(this.#db.prepare('SELECT * FROM tickets WHERE reference = ?').get(reference) as Row);
  }

  /** Newest first; `state` narrows to one delivery state (e.g. `failed` for an operator). */
  list(options: { state?: DeliveryState; limit?: number } = {}): StoredTicket[] {
    const where = options.state ? 'WHERE state = ?' : '';
    const params = options.state ? [options.state] : [];
    const rows = this.#db
      .prepare(`SELECT * FROM tickets ${where} ORDER BY stored_at DESC, rowid DESC LIMIT ?`)
      .all(...params, options.limit ?? -1) as Row[];
    return rows.map((row) => toStored(row)!);
  }

  /** After a crash, rows caught mid-send may already exist in the helpdesk: retry them, looking first. */
  recoverInterrupted(now: Date): number {
    return Number(
      this.#db
        .prepare(
          `UPDATE tickets SET state = 'pending', maybe_created = 1, next_attempt_at = ?,
          last_error = 'interrupted while sending (restart): will look for it before creating again'
          WHERE state = 'sending'`,
        )
        .run(now.getTime()).changes,
    );
  }

  /** The undelivered ticket whose attempt is due first, if any is due at `now`. */
  nextDue(now: Date): StoredTicket | undefined {
    const row = this.#db
      .prepare(
        `SELECT * FROM tickets WHERE state IN ('pending', 'failed') AND next_attempt_at <= ?
        ORDER BY next_attempt_at, rowid LIMIT 1`,
      )
      .get(now.getTime()) as Row | undefined;
    return toStored(row);
  }

  /** When the next undelivered ticket becomes due (epoch ms), or undefined when all are delivered. */
  nextAttemptTime(): number | undefined {
    const row = this.#db
      .prepare(`SELECT MIN(next_attempt_at) AS next FROM tickets WHERE state IN ('pending', 'failed')`)
      .get() as { next: number | null };
    return row.next ?? undefined;
  }

  /** Claims a due ticket for an attempt; false when another loop claimed it first. */
  claim(reference: string): boolean {
    const result = this.#db
      .prepare(
        `UPDATE tickets SET state = 'sending', attempts = attempts + 1
        WHERE reference = ? AND state IN ('pending', 'failed')`,
      )
      .run(reference);
    return result.changes === 1;
  }

  markDelivered(reference: string, receipt: { externalId: string; externalUrl?: string | undefined }, now: Date) {
    this.#db
      .prepare(
        `UPDATE tickets SET state = 'delivered', external_id = ?, external_url = ?, delivered_at = ?,
        next_attempt_at = NULL, last_error = NULL WHERE reference = ?`,
      )
      .run(receipt.externalId, receipt.externalUrl ?? null, now.toISOString(), reference);
  }

  /** Schedules another attempt; `failed` marks a rejection an operator should look at. */
  markRetry(
    reference: string,
    retry: { error: string; at: Date; maybeCreated: boolean; state: 'pending' | 'failed' },
  ): void {
    this.#db
      .prepare(
        `UPDATE tickets SET state = ?, last_error = ?, next_attempt_at = ?,
        maybe_created = MAX(maybe_created, ?) WHERE reference = ?`,
      )
      .run(retry.state, retry.error.slice(0, 2000), retry.at.getTime(), retry.maybeCreated ? 1 : 0, reference);
  }

  /** Operator: try an undelivered ticket again now. */
  retryNow(reference: string, now: Date): boolean {
    const result = this.#db
      .prepare(`UPDATE tickets SET next_attempt_at = ? WHERE reference = ? AND state IN ('pending', 'failed')`)
      .run(now.getTime(), reference);
    return result.changes === 1;
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #byKey(idempotencyKey: string): StoredTicket | undefined {
    return toStored(this.#db.prepare('SELECT * FROM tickets WHERE idempotency_key = ?').get(idempotencyKey) as Row);
  }
}

function toStored(row: Row | undefined): StoredTicket | undefined {
  if (!row) return undefined;
  const text = (key: string) => (row[key] === null ? null : String(row[key]));
  return {
    reference: String(row.reference),
    idempotencyKey: String(row.idempotency_key),
    deliveryKey: String(row.delivery_key),
    ticket: JSON.parse(String(row.ticket_json)) as Ticket,
    derived: JSON.parse(String(row.derived_json)) as DerivedTicket,
    state: row.state as DeliveryState,
    attempts: Number(row.attempts),
    maybeCreated: row.maybe_created === 1,
    nextAttemptAt: row.next_attempt_at === null ? null : new Date(Number(row.next_attempt_at)).toISOString(),
    lastError: text('last_error'),
    externalId: text('external_id'),
    externalUrl: text('external_url'),
    storedAt: String(row.stored_at),
    deliveredAt: text('delivered_at'),
  };
}
