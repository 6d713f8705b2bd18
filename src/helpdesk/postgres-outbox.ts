// The shared outbox for several servers: PostgreSQL through a node-postgres pool. Claims take the most urgent
// due row with FOR UPDATE SKIP LOCKED, so servers never wait on or take each other's rows; migrations run on
// start under an advisory lock; concurrent tickets are committed together (group commit).
import pg from 'pg';
import { openMigratedPool, redactUrl } from '../storage/postgres.ts';
import type { DerivedTicket, Ticket } from '../lib/ticket/index.ts';
import { createGroupCommit, type GroupCommit } from './group-commit.ts';
import {
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

const TABLE = 'dialtone_tickets';

/** Each step takes the database from the version before it to its own (index + 1). */
const POSTGRES_MIGRATIONS = [
  `CREATE TABLE ${TABLE} (
    seq bigserial UNIQUE,
    reference text PRIMARY KEY,
    idempotency_key text NOT NULL UNIQUE,
    delivery_key text NOT NULL,
    request_hash text,
    ticket_json text NOT NULL,
    derived_json text NOT NULL,
    priority text NOT NULL,
    priority_rank smallint NOT NULL,
    category text NOT NULL,
    subject text NOT NULL,
    submitted_at text NOT NULL,
    first_response_due text NOT NULL,
    resolution_due text,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    maybe_created boolean NOT NULL DEFAULT false,
    next_attempt_at bigint,
    claimed_by text,
    lease_until bigint,
    last_error text,
    external_id text,
    external_url text,
    stored_at text NOT NULL,
    delivered_at text
  );
  CREATE INDEX ${TABLE}_queue ON ${TABLE} (priority_rank, seq) WHERE state IN ('pending', 'failed');
  CREATE INDEX ${TABLE}_lease ON ${TABLE} (lease_until) WHERE state = 'sending';`,
];

/** The SQL type of each of NEW_TICKET_COLUMNS, for the arrays the insert unnests. */
const COLUMN_TYPES: Record<(typeof NEW_TICKET_COLUMNS)[number], string> = {
  reference: 'text',
  idempotency_key: 'text',
  delivery_key: 'text',
  request_hash: 'text',
  ticket_json: 'text',
  derived_json: 'text',
  priority: 'text',
  priority_rank: 'smallint',
  category: 'text',
  subject: 'text',
  submitted_at: 'text',
  first_response_due: 'text',
  resolution_due: 'text',
  state: 'text',
  next_attempt_at: 'bigint',
  external_id: 'text',
  delivered_at: 'text',
  stored_at: 'text',
};

const INSERT_TICKETS = `INSERT INTO ${TABLE} (${NEW_TICKET_COLUMNS.join(', ')})
  SELECT * FROM unnest(${NEW_TICKET_COLUMNS.map((column, i) => `$${i + 1}::${COLUMN_TYPES[column]}[]`).join(', ')})
  ON CONFLICT (idempotency_key) DO NOTHING RETURNING reference`;

/** The advisory lock every server takes to migrate: one at a time, the others then find nothing to do. */
const MIGRATION_LOCK = 4_242_017_001;

type Row = Record<string, string | number | boolean | null>;

interface Pending {
  ticket: Ticket;
  derived: DerivedTicket;
  now: Date;
  inbox: boolean;
}

export class PostgresOutbox implements Outbox {
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #group: GroupCommit<Pending, StoreResult>;
  readonly #lookups: GroupCommit<string, { stored: StoredTicket | undefined }>;

  private constructor(url: string, pool: pg.Pool) {
    this.location = redactUrl(url);
    this.#pool = pool;
    this.#group = createGroupCommit((batch) => this.#insertBatch(batch), { maxInFlight: 4 });
    this.#lookups = createGroupCommit((keys: string[]) => this.#findMany(keys), { maxInFlight: 4 });
  }

  /** Connects (a pool of `max` connections) and migrates the schema forward. */
  static async open(url: string, options: { max?: number } = {}): Promise<PostgresOutbox> {
    const pool = await openMigratedPool(url, options.max ?? 10, {
      what: 'outbox',
      lock: MIGRATION_LOCK,
      versionTable: 'dialtone_schema',
      steps: POSTGRES_MIGRATIONS,
    });
    return new PostgresOutbox(url, pool);
  }

  store(ticket: Ticket, derived: DerivedTicket, now: Date, options: StoreOptions = {}): Promise<StoreResult> {
    return this.#group.submit({ ticket, derived, now, inbox: options.inbox ?? false });
  }

  /** One INSERT (one commit) for every ticket that arrived while the previous commit was in flight. */
  async #insertBatch(batch: Pending[]): Promise<Array<StoreResult | Error>> {
    for (let tries = 0; ; tries++) {
      // One array per column: the same statement text whatever the batch size, so each connection prepares it once.
      const columns: unknown[][] = NEW_TICKET_COLUMNS.map(() => []);
      const tickets = new Map<string, StoredTicket>();
      for (const { ticket, derived, now, inbox } of batch) {
        const fresh = newTicket(newReference(derived.submittedAt), ticket, derived, now, inbox);
        fresh.values.forEach((value, i) => columns[i]!.push(value));
        tickets.set(fresh.stored.reference, fresh.stored);
      }
      try {
        // Only the references come back: the rows are the ones just built, no need to read them again.
        const inserted = await this.#pool.query({
          name: 'dialtone-insert-tickets',
          text: INSERT_TICKETS,
          values: columns,
        });
        const created = new Map<string, StoredTicket>();
        for (const row of inserted.rows as Array<{ reference: string }>) {
          const stored = tickets.get(row.reference)!;
          created.set(stored.idempotencyKey, stored);
        }
        const keys = batch.map((p) => p.ticket.idempotencyKey);
        const missing = keys.filter((key) => !created.has(key));
        const existing = new Map<string, StoredTicket>();
        if (missing.length > 0) {
          const found = await this.#pool.query(`SELECT * FROM ${TABLE} WHERE idempotency_key = ANY($1)`, [missing]);
          for (const row of found.rows as Row[]) existing.set(String(row.idempotency_key), storedTicketFromRow(row)!);
        }
        const first = new Set<string>();
        return keys.map((key) => {
          const mine = created.get(key);
          // The same key twice in one batch: the first is created, the second is its retry.
          if (mine && !first.has(key)) {
            first.add(key);
            return { stored: mine, created: true };
          }
          const stored = mine ?? existing.get(key);
          return stored ? { stored, created: false } : new Error(`ticket ${key} was neither stored nor found`);
        });
      } catch (error) {
        // A reference already taken (1 in 33 million a day): draw new ones.
        if (tries < 5 && (error as { constraint?: string }).constraint === `${TABLE}_pkey`) continue;
        throw error;
      }
    }
  }

  /** Every request asks this before storing: lookups made in the same turn share one query (one round trip). */
  async findByKey(idempotencyKey: string): Promise<StoredTicket | undefined> {
    return (await this.#lookups.submit(idempotencyKey)).stored;
  }

  async #findMany(keys: string[]): Promise<Array<{ stored: StoredTicket | undefined }>> {
    const { rows } = await this.#pool.query(`SELECT * FROM ${TABLE} WHERE idempotency_key = ANY($1)`, [keys]);
    const found = new Map((rows as Row[]).map((row) => [String(row.idempotency_key), storedTicketFromRow(row)]));
    return keys.map((key) => ({ stored: found.get(key) }));
  }

  async get(reference: string): Promise<StoredTicket | undefined> {
    return this.#one(`SELECT * FROM ${TABLE} WHERE reference = $1`, [reference]);
  }

  async list(options: { state?: DeliveryState; limit?: number } = {}): Promise<StoredTicket[]> {
    const { rows } = await this.#pool.query(
      `SELECT * FROM ${TABLE} WHERE ($1::text IS NULL OR state = $1) ORDER BY seq DESC LIMIT $2`,
      [options.state ?? null, options.limit ?? null],
    );
    return (rows as Row[]).map((row) => storedTicketFromRow(row)!);
  }

  async claimNext({ now, owner, leaseMs }: Claim): Promise<StoredTicket | undefined> {
    // SKIP LOCKED: a row another server is claiming at this instant is passed over, not waited for.
    return this.#one(
      `UPDATE ${TABLE} SET state = 'sending', attempts = attempts + 1, claimed_by = $1, lease_until = $2
      WHERE reference = (
        SELECT reference FROM ${TABLE} WHERE state IN ('pending', 'failed') AND next_attempt_at <= $3
        ORDER BY priority_rank, seq LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING *`,
      [owner, now.getTime() + leaseMs, now.getTime()],
    );
  }

  async renewLease(reference: string, owner: string, until: Date): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE ${TABLE} SET lease_until = $1 WHERE reference = $2 AND state = 'sending' AND claimed_by = $3`,
      [until.getTime(), reference, owner],
    );
    return result.rowCount === 1;
  }

  async recover({ now, owner, retryAt }: { now: Date; owner: string; retryAt: Date }): Promise<number> {
    const result = await this.#pool.query(
      `UPDATE ${TABLE} SET state = 'pending', maybe_created = true, next_attempt_at = $1, claimed_by = NULL,
        lease_until = NULL, last_error = $2
      WHERE state = 'sending' AND (lease_until <= $3 OR claimed_by = $4)`,
      [retryAt.getTime(), RECOVERED_ERROR, now.getTime(), owner],
    );
    return result.rowCount ?? 0;
  }

  async nextAttemptTime(): Promise<number | undefined> {
    const { rows } = await this.#pool.query(
      `SELECT MIN(CASE WHEN state = 'sending' THEN lease_until ELSE next_attempt_at END) AS next
      FROM ${TABLE} WHERE state IN ('pending', 'failed', 'sending')`,
    );
    const next = (rows[0] as Row).next;
    return next === null ? undefined : Number(next);
  }

  async markDelivered(
    reference: string,
    receipt: { externalId: string; externalUrl?: string | undefined },
    now: Date,
  ): Promise<void> {
    await this.#pool.query(
      `UPDATE ${TABLE} SET state = 'delivered', external_id = $1, external_url = $2, delivered_at = $3,
        next_attempt_at = NULL, last_error = NULL, claimed_by = NULL, lease_until = NULL
      WHERE reference = $4 AND state <> 'delivered'`,
      [receipt.externalId, receipt.externalUrl ?? null, now.toISOString(), reference],
    );
  }

  async markRetry(reference: string, owner: string, retry: Retry): Promise<void> {
    await this.#pool.query(
      `UPDATE ${TABLE} SET state = $1, last_error = $2, next_attempt_at = $3, claimed_by = NULL, lease_until = NULL,
        maybe_created = maybe_created OR $4
      WHERE reference = $5 AND state = 'sending' AND claimed_by = $6`,
      [retry.state, retry.error.slice(0, 2000), retry.at.getTime(), retry.maybeCreated, reference, owner],
    );
  }

  async retryNow(reference: string, now: Date): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE ${TABLE} SET
        maybe_created = CASE WHEN state = 'sending' THEN true ELSE maybe_created END,
        state = CASE WHEN state = 'sending' THEN 'pending' ELSE state END,
        claimed_by = NULL, lease_until = NULL, next_attempt_at = $1
      WHERE reference = $2 AND (state IN ('pending', 'failed') OR (state = 'sending' AND lease_until <= $1))`,
      [now.getTime(), reference],
    );
    return result.rowCount === 1;
  }

  async close(): Promise<void> {
    await Promise.all([this.#group.drain(), this.#lookups.drain()]);
    if (!this.#pool.ended) await this.#pool.end();
  }

  async #one(sql: string, params: unknown[]): Promise<StoredTicket | undefined> {
    const { rows } = await this.#pool.query(sql, params);
    return storedTicketFromRow(rows[0] as Row | undefined);
  }
}
