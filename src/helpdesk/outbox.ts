// The durable outbox: one interface, two stores (SQLite by default, PostgreSQL for several servers). A ticket is
// stored here before we answer 202, and leaves only as delivered.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Priority } from '../lib/policy/schema.ts';
import type { DerivedTicket, Ticket } from '../lib/ticket/index.ts';
import { flag, instant, text, type StoredRow } from '../storage/rows.ts';

export const DEFAULT_OUTBOX_PATH = '.data/outbox.sqlite';

/** pending: waiting for its next attempt; sending: an attempt holds a lease; failed: rejected, retried slowly. */
export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed';

export interface StoredTicket {
  reference: string;
  idempotencyKey: string;
  /** Our own key, hidden in the helpdesk ticket, to find it again after an ambiguous failure. */
  deliveryKey: string;
  /** sha256 of the ticket as first received: the same key with another ticket is a conflict (null: older file). */
  requestHash: string | null;
  ticket: Ticket;
  derived: DerivedTicket;
  state: DeliveryState;
  attempts: number;
  /** An earlier attempt may have created the helpdesk ticket: look for it before creating again. */
  maybeCreated: boolean;
  nextAttemptAt: string | null;
  /** The delivery loop holding the lease while `sending`, and until when (ISO) the lease holds. */
  claimedBy: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  externalId: string | null;
  externalUrl: string | null;
  storedAt: string;
  deliveredAt: string | null;
}

export interface StoreResult {
  stored: StoredTicket;
  /** false: the key was already stored (a retry), and `stored` is the first ticket. */
  created: boolean;
}

export interface Claim {
  now: Date;
  /** The delivery loop's own id (a process may run more than one loop). */
  owner: string;
  leaseMs: number;
}

export interface Retry {
  error: string;
  at: Date;
  maybeCreated: boolean;
  state: 'pending' | 'failed';
}

export interface StoreOptions {
  /**
   * The outbox is the helpdesk (HELPDESK=local): the ticket is delivered as it is stored (its reference is its
   * helpdesk id), in the same commit, so no delivery loop has to lease it and write it a second and third time.
   */
  inbox?: boolean;
}

export interface Outbox {
  /** Where the tickets are, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly location: string;
  /** Stores a ticket once per idempotency key; the same key again returns the first stored ticket. */
  store(ticket: Ticket, derived: DerivedTicket, now: Date, options?: StoreOptions): Promise<StoreResult>;
  findByKey(idempotencyKey: string): Promise<StoredTicket | undefined>;
  get(reference: string): Promise<StoredTicket | undefined>;
  /** Newest first; `state` narrows to one delivery state (e.g. `failed` for an operator). */
  list(options?: { state?: DeliveryState; limit?: number }): Promise<StoredTicket[]>;
  /**
   * Leases the most urgent due ticket (critical, high, normal, low; oldest first within) to `owner` until
   * now + leaseMs, atomically: two loops never hold the same ticket.
   */
  claimNext(claim: Claim): Promise<StoredTicket | undefined>;
  /** Extends a lease still held by `owner`; false when it was taken back meanwhile. */
  renewLease(reference: string, owner: string, until: Date): Promise<boolean>;
  /**
   * Takes back tickets whose lease expired (a crashed or frozen loop) and those `owner` still holds between
   * attempts (a write that failed): pending again at `retryAt`, marked "look before creating again".
   */
  recover(options: { now: Date; owner: string; retryAt: Date }): Promise<number>;
  /** When the next ticket becomes due or a lease expires (epoch ms); undefined when all are delivered. */
  nextAttemptTime(): Promise<number | undefined>;
  markDelivered(
    reference: string,
    receipt: { externalId: string; externalUrl?: string | undefined },
    now: Date,
  ): Promise<void>;
  /** Schedules another attempt, if `owner` still holds the lease; `failed` marks a rejection to look at. */
  markRetry(reference: string, owner: string, retry: Retry): Promise<void>;
  /** Operator: try an undelivered ticket (or one whose lease expired) again now. */
  retryNow(reference: string, now: Date): Promise<boolean>;
  close(): Promise<void>;
}

/** Delivery order: lower is sooner. */
export const PRIORITY_RANK: Record<Priority, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** The ticket's fingerprint: a retry of the same draft matches, an edited draft under the same key does not. */
export function ticketHash(ticket: Ticket): string {
  return jsonHash(JSON.stringify(ticket));
}

function jsonHash(json: string): string {
  return createHash('sha256').update(json).digest('hex');
}

/** Crockford base32 without I, L, O, U: easy to read out over the phone. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `DT-20261124-7F3K9`: the support team's date of filing and five random characters. */
export function newReference(submittedAt: string): string {
  const date = submittedAt.slice(0, 10).replaceAll('-', '');
  const suffix = Array.from({ length: 5 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]);
  return `DT-${date}-${suffix.join('')}`;
}

/** A retry after a failed write says so in `last_error`. */
export const RECOVERED_ERROR =
  'interrupted while sending (lease expired or restart): will look for it before creating again';

/** The columns of a new ticket's row, in the order of `newTicketRow`'s values, for both engines' INSERT. */
export const NEW_TICKET_COLUMNS = [
  'reference',
  'idempotency_key',
  'delivery_key',
  'request_hash',
  'ticket_json',
  'derived_json',
  'priority',
  'priority_rank',
  'category',
  'subject',
  'submitted_at',
  'first_response_due',
  'resolution_due',
  'state',
  'next_attempt_at',
  'external_id',
  'delivered_at',
  'stored_at',
] as const;

/**
 * A new ticket: its row (`values`, in NEW_TICKET_COLUMNS order) and the stored ticket that row is, so an insert
 * need not read back what it has just written. Due now, or already delivered when the outbox is the inbox.
 */
export function newTicket(reference: string, ticket: Ticket, derived: DerivedTicket, now: Date, inbox = false) {
  const storedAt = now.toISOString();
  const ticketJson = JSON.stringify(ticket);
  const stored: StoredTicket = {
    reference,
    idempotencyKey: ticket.idempotencyKey,
    deliveryKey: randomUUID(),
    requestHash: jsonHash(ticketJson),
    ticket,
    derived,
    state: inbox ? 'delivered' : 'pending',
    attempts: 0,
    maybeCreated: false,
    nextAttemptAt: inbox ? null : storedAt,
    claimedBy: null,
    leaseUntil: null,
    lastError: null,
    externalId: inbox ? reference : null,
    externalUrl: null,
    storedAt,
    deliveredAt: inbox ? storedAt : null,
  };
  const values = [
    reference,
    stored.idempotencyKey,
    stored.deliveryKey,
    stored.requestHash,
    ticketJson,
    JSON.stringify(derived),
    derived.priority,
    PRIORITY_RANK[derived.priority],
    ticket.category,
    ticket.subject,
    derived.submittedAt,
    derived.firstResponseDue,
    derived.resolutionDue,
    stored.state,
    inbox ? null : now.getTime(),
    stored.externalId,
    stored.deliveredAt,
    storedAt,
  ];
  return { values, stored };
}

/** A row of either engine's tickets table as a stored ticket. */
export function storedTicketFromRow(row: StoredRow | undefined): StoredTicket | undefined {
  if (!row) return undefined;
  return {
    reference: String(row.reference),
    idempotencyKey: String(row.idempotency_key),
    deliveryKey: String(row.delivery_key),
    requestHash: text(row, 'request_hash'),
    ticket: JSON.parse(String(row.ticket_json)) as Ticket,
    derived: JSON.parse(String(row.derived_json)) as DerivedTicket,
    state: row.state as DeliveryState,
    attempts: Number(row.attempts),
    maybeCreated: flag(row, 'maybe_created'),
    nextAttemptAt: instant(row, 'next_attempt_at'),
    claimedBy: text(row, 'claimed_by'),
    leaseUntil: instant(row, 'lease_until'),
    lastError: text(row, 'last_error'),
    externalId: text(row, 'external_id'),
    externalUrl: text(row, 'external_url'),
    storedAt: String(row.stored_at),
    deliveredAt: text(row, 'delivered_at'),
  };
}
