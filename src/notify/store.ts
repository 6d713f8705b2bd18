// Subscribers and the messages owed to them, in the outbox's database (the SQLite file or PostgreSQL) but in
// tables of their own: one interface, two stores. A message is owed once per (recipient, event): a unique
// constraint, not the notifier's memory, is what keeps a restart, a second server or a republished file from
// sending it twice.
import type { SubscriptionRequest } from '../lib/notify/subscription.ts';
import { flag, instant, text, type StoredRow } from '../storage/rows.ts';

export type SubscriberState = 'pending' | 'confirmed';

export interface Subscriber {
  /** Random; what the signed links carry (never the address). */
  id: string;
  email: string;
  /** Component ids; empty: every component. */
  components: string[];
  maintenance: boolean;
  state: SubscriberState;
  createdAt: string;
  confirmedAt: string | null;
}

export type Channel = 'email' | 'webhook';
/** pending: waiting for its attempt; sending: a lease holds it; sent; failed: rejected, retried slowly. */
export type MessageState = 'pending' | 'sending' | 'sent' | 'failed';

export interface NewMessage {
  channel: Channel;
  /** A subscriber's id (e-mail) or a webhook's name. */
  recipient: string;
  /** What it is about: an event key, or `confirm:...` for a confirmation. Unique per recipient. */
  eventKey: string;
  /** The rendered e-mail or webhook body, as sent. */
  body: unknown;
}

export interface StoredMessage extends NewMessage {
  id: number;
  state: MessageState;
  attempts: number;
  nextAttemptAt: string | null;
  claimedBy: string | null;
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface MessageClaim {
  now: Date;
  owner: string;
  leaseMs: number;
  /** Without SMTP the e-mails stay in the store: only webhooks are claimed. */
  channels: readonly Channel[];
}

export interface MessageRetry {
  error: string;
  at: Date;
  state: 'pending' | 'failed';
}

export interface RecordedEvents {
  /** Keys not seen before this call (none are notified on the very first poll: that is the baseline). */
  fresh: string[];
  /** True when this call set the baseline: the events already published are history, not news. */
  baseline: boolean;
  enqueued: number;
}

/** Decides, inside the store's transaction, what each fresh event owes to whom. */
export type EventPlanner = (fresh: readonly string[], subscribers: readonly Subscriber[]) => NewMessage[];

export interface NotifyStore {
  readonly location: string;
  /** The signing key for the links when NOTIFY_SECRET is unset: made once, shared by every server. */
  secret(): Promise<string>;
  /**
   * A new address becomes a pending subscriber; a pending one gets the new choice; a confirmed one is left as it
   * is (a stranger cannot change someone's subscription by posting their address).
   */
  subscribe(request: SubscriptionRequest, id: string, now: Date): Promise<{ subscriber: Subscriber; created: boolean }>;
  subscriber(id: string): Promise<Subscriber | undefined>;
  findByEmail(email: string): Promise<Subscriber | undefined>;
  /** Pending becomes confirmed (a confirmed one stays so); undefined once unsubscribed or erased. */
  confirm(id: string, now: Date): Promise<Subscriber | undefined>;
  setPreferences(id: string, choice: { components: string[]; maintenance: boolean }): Promise<boolean>;
  /** Unsubscribe or erase: the subscriber and every message for them, sent or not. */
  remove(id: string): Promise<boolean>;
  countSubscribers(): Promise<Record<SubscriberState, number>>;
  /** Stores messages once per (recipient, eventKey); returns how many were new. */
  enqueue(messages: readonly NewMessage[], now: Date): Promise<number>;
  /** Records the published events and, atomically, the messages the planner owes for the fresh ones. */
  recordEvents(keys: readonly string[], planner: EventPlanner, now: Date): Promise<RecordedEvents>;
  messages(options?: { state?: MessageState; recipient?: string; limit?: number }): Promise<StoredMessage[]>;
  /** Leases the oldest due message (or one whose lease expired) of these channels, with its address. */
  claimNext(claim: MessageClaim): Promise<(StoredMessage & { email: string | null }) | undefined>;
  markSent(id: number, owner: string, now: Date): Promise<void>;
  markRetry(id: number, owner: string, retry: MessageRetry): Promise<void>;
  /** When the next message of these channels is due or a lease expires (epoch ms). */
  nextAttemptTime(channels: readonly Channel[]): Promise<number | undefined>;
  close(): Promise<void>;
}

/**
 * How an engine gives back a JSON column: SQLite stores JSON as text (parse it), PostgreSQL's jsonb and text[]
 * come back decoded (keep them).
 */
export type JsonColumn = (value: unknown) => unknown;

export function subscriberFromRow(row: StoredRow | undefined, json: JsonColumn): Subscriber | undefined {
  if (!row) return undefined;
  return {
    id: String(row.id),
    email: String(row.email),
    components: json(row.components) as string[],
    maintenance: flag(row, 'maintenance'),
    state: row.state as SubscriberState,
    createdAt: String(row.created_at),
    confirmedAt: text(row, 'confirmed_at'),
  };
}

export function messageFromRow(row: StoredRow, json: JsonColumn): StoredMessage {
  return {
    id: Number(row.id),
    channel: row.channel as Channel,
    recipient: String(row.recipient),
    eventKey: String(row.event_key),
    body: json(row.body),
    state: row.state as MessageState,
    attempts: Number(row.attempts),
    nextAttemptAt: instant(row, 'next_attempt_at'),
    claimedBy: text(row, 'claimed_by'),
    leaseUntil: instant(row, 'lease_until'),
    lastError: text(row, 'last_error'),
    createdAt: String(row.created_at),
    sentAt: text(row, 'sent_at'),
  };
}
