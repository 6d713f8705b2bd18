// The SQLite outbox's own duties: private files, and a file from an older release that keeps working.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SQLITE_SCHEMA_VERSION, SqliteOutbox } from '../../src/helpdesk/index.ts';
import { deriveTicket, ticketSchema } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { tempDir } from './support/tickets.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.remove());

/** The schema of the first release, frozen here as it shipped (no version, no leases). */
const FIRST_RELEASE_SCHEMA = `
CREATE TABLE IF NOT EXISTS tickets (
  reference TEXT PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, delivery_key TEXT NOT NULL,
  ticket_json TEXT NOT NULL, derived_json TEXT NOT NULL, priority TEXT NOT NULL, category TEXT NOT NULL,
  subject TEXT NOT NULL, submitted_at TEXT NOT NULL, first_response_due TEXT NOT NULL, resolution_due TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0, maybe_created INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER,
  last_error TEXT, external_id TEXT, external_url TEXT, stored_at TEXT NOT NULL, delivered_at TEXT
);
CREATE INDEX IF NOT EXISTS tickets_due ON tickets (state, next_attempt_at);`;

const policy = defaultPolicy();
const now = new Date('2026-11-24T15:00:00Z');

it('creates its folder 0700 and its file 0600: tickets hold names, e-mails and phone numbers', async () => {
  const path = join(temp.dir, 'data/outbox.sqlite');
  const outbox = new SqliteOutbox(path);
  await outbox.close();
  expect(statSync(join(temp.dir, 'data')).mode & 0o777).toBe(0o700);
  expect(statSync(path).mode & 0o777).toBe(0o600);
});

it('migrates a file of the first release forward: its tickets are kept, delivered and retried', async () => {
  const path = join(temp.dir, 'old.sqlite');
  const old = new DatabaseSync(path);
  old.exec(FIRST_RELEASE_SCHEMA);
  const insert = old.prepare(`INSERT INTO tickets (reference, idempotency_key, delivery_key, ticket_json, derived_json,
    priority, category, subject, submitted_at, first_response_due, resolution_due, state, attempts, next_attempt_at,
    stored_at) VALUES (?, ?, 'delivery-key', ?, ?, ?, 'outage', 's', ?, ?, NULL, ?, ?, ?, ?)`);
  for (const [reference, priority, state, attempts] of [
    ['DT-20261124-AAAAA', 'low', 'pending', 0],
    ['DT-20261124-BBBBB', 'critical', 'sending', 1], // the old server died mid-send
  ] as const) {
    const ticket = ticketSchema.parse(ticketInput({ idempotencyKey: `old-key-${reference}` }));
    const derived = { ...deriveTicket(ticket, policy, now), priority };
    insert.run(
      reference,
      ticket.idempotencyKey,
      JSON.stringify(ticket),
      JSON.stringify(derived),
      priority,
      derived.submittedAt,
      derived.firstResponseDue,
      state,
      attempts,
      now.getTime(),
      now.toISOString(),
    );
  }
  old.close();

  const outbox = new SqliteOutbox(path);
  try {
    const version = new DatabaseSync(path).prepare('PRAGMA user_version').get() as { user_version: number };
    expect(version.user_version).toBe(SQLITE_SCHEMA_VERSION);
    // The old claim has no lease: recovery takes it back, to be looked for before creating again.
    expect(await outbox.recover({ now, owner: 'new', retryAt: now })).toBe(1);
    const first = await outbox.claimNext({ now, owner: 'new', leaseMs: 1000 });
    expect(first).toMatchObject({ reference: 'DT-20261124-BBBBB', maybeCreated: true, attempts: 2, requestHash: null });
    expect(await outbox.claimNext({ now, owner: 'new', leaseMs: 1000 })).toMatchObject({
      reference: 'DT-20261124-AAAAA',
    });
    // New tickets go into the migrated file as usual.
    const ticket = ticketSchema.parse(ticketInput({ idempotencyKey: 'new-key-after-migration' }));
    expect((await outbox.store(ticket, deriveTicket(ticket, policy, now), now)).created).toBe(true);
  } finally {
    await outbox.close();
  }
  // Opening again is a no-op.
  await new SqliteOutbox(path).close();
  // The queue and lease indexes hold only tickets waiting or being sent, and the claim reads the queue's.
  const db = new DatabaseSync(path);
  const indexes = db.prepare(`SELECT name, partial FROM pragma_index_list('tickets') WHERE origin = 'c'`).all();
  expect(indexes.map((i) => [i.name, i.partial]).sort()).toEqual([
    ['tickets_lease', 1],
    ['tickets_queue', 1],
  ]);
  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT rowid FROM tickets WHERE state IN ('pending', 'failed') AND next_attempt_at <= 0
      ORDER BY priority_rank, rowid LIMIT 1`,
    )
    .all()
    .map((step) => String(step.detail));
  expect(plan.join('\n')).toMatch(/USING INDEX tickets_queue/);
  db.close();
});

it('refuses a file from a newer release with what to do', () => {
  const path = join(temp.dir, 'newer.sqlite');
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
  db.close();
  expect(() => new SqliteOutbox(path)).toThrow(
    /schema version \d+ is newer than this server knows.*run the newer release/,
  );
});
