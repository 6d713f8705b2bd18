// One contract for every outbox: the same tests run against each implementation (SQLite, PostgreSQL).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newReference, type Outbox } from '../../src/helpdesk/index.ts';
import type { Priority } from '../../src/lib/policy/index.ts';
import { deriveTicket, ticketSchema, type Ticket } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { outboxKinds, type OutboxKind } from './support/outboxes.ts';

const policy = defaultPolicy();
const now = new Date('2026-11-24T15:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);

/** A ticket whose triage gives `priority`. */
function ticketOf(priority: Priority, key: string): Ticket {
  const shapes: Record<Priority, Partial<Ticket>> = {
    critical: { category: 'outage', affectedUsers: 40, device: undefined },
    high: {},
    normal: { category: 'voicemail', device: undefined },
    low: { category: 'question', device: undefined },
  };
  return ticketSchema.parse(ticketInput({ ...shapes[priority], idempotencyKey: key }));
}

async function store(outbox: Outbox, priority: Priority, key: string, when = now) {
  const ticket = ticketOf(priority, key);
  return (await outbox.store(ticket, deriveTicket(ticket, policy, when), when)).stored;
}

describe.each(outboxKinds())('the $name outbox', (kind: OutboxKind) => {
  let outbox: Outbox;
  beforeAll(() => kind.setUp());
  afterAll(() => kind.tearDown());
  beforeEach(async () => {
    outbox = await kind.open();
  });
  afterEach(() => outbox.close());

  it('stores once per idempotency key, even when the same key arrives concurrently', async () => {
    const ticket = ticketOf('high', 'contract-key-0000001');
    const derived = deriveTicket(ticket, policy, now);
    const [first, second] = await Promise.all([outbox.store(ticket, derived, now), outbox.store(ticket, derived, now)]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(second.stored.reference).toBe(first.stored.reference);
    const other = await store(outbox, 'high', 'contract-key-0000002');
    expect(other.reference).not.toBe(first.stored.reference);
    expect(other.deliveryKey).not.toBe(first.stored.deliveryKey);
    expect(first.stored.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await outbox.findByKey('contract-key-0000001')).toEqual(first.stored);
    expect(await outbox.list()).toHaveLength(2);
  });

  it('keeps tickets across reopening', async () => {
    const stored = await store(outbox, 'high', 'contract-reopen-00001');
    await outbox.close();
    outbox = await kind.open({ keep: true });
    expect(await outbox.get(stored.reference)).toMatchObject({
      reference: stored.reference,
      state: 'pending',
      attempts: 0,
      maybeCreated: false,
      claimedBy: null,
      ticket: { subject: 'Front desk phone shows No Service' },
      derived: { priority: 'high', firstResponseDue: '2026-11-24T16:00:00Z' },
    });
  });

  it('leases the most urgent due ticket first, oldest first within a priority', async () => {
    const order: Array<[Priority, string]> = [
      ['low', 'low-1'],
      ['normal', 'normal-1'],
      ['critical', 'critical-1'],
      ['high', 'high-1'],
      ['critical', 'critical-2'],
      ['low', 'low-2'],
    ];
    const references = new Map<string, string>();
    for (const [i, [priority, name]] of order.entries()) {
      references.set((await store(outbox, priority, `contract-order-${name}-000`, at(i * 1000))).reference, name);
    }
    const claimed: string[] = [];
    for (let ticket; (ticket = await outbox.claimNext({ now: at(60_000), owner: 'a', leaseMs: 60_000 }));) {
      claimed.push(references.get(ticket.reference)!);
    }
    expect(claimed).toEqual(['critical-1', 'critical-2', 'high-1', 'normal-1', 'low-1', 'low-2']);
  });

  it('never leases a ticket twice, and gives back only expired leases or the caller own', async () => {
    const stored = await store(outbox, 'high', 'contract-lease-000001');
    const claim = await outbox.claimNext({ now, owner: 'a', leaseMs: 10_000 });
    expect(claim).toMatchObject({ reference: stored.reference, state: 'sending', attempts: 1, claimedBy: 'a' });
    expect(claim!.leaseUntil).toBe(at(10_000).toISOString());
    expect(await outbox.claimNext({ now, owner: 'b', leaseMs: 10_000 })).toBeUndefined();
    expect(await outbox.nextAttemptTime()).toBe(at(10_000).getTime());

    // b's recovery leaves a's live lease alone; renewing it keeps it live longer.
    expect(await outbox.recover({ now: at(9_000), owner: 'b', retryAt: at(9_000) })).toBe(0);
    expect(await outbox.renewLease(stored.reference, 'a', at(20_000))).toBe(true);
    expect(await outbox.renewLease(stored.reference, 'b', at(20_000))).toBe(false);
    expect(await outbox.recover({ now: at(15_000), owner: 'b', retryAt: at(15_000) })).toBe(0);
    // Expired: taken back, to be looked for before creating again.
    expect(await outbox.recover({ now: at(20_000), owner: 'b', retryAt: at(50_000) })).toBe(1);
    expect(await outbox.get(stored.reference)).toMatchObject({
      state: 'pending',
      maybeCreated: true,
      claimedBy: null,
      nextAttemptAt: at(50_000).toISOString(),
    });
    // a wakes up late: its retry no longer counts, b's claim does.
    await outbox.markRetry(stored.reference, 'a', {
      error: 'late',
      at: at(99_000),
      maybeCreated: false,
      state: 'failed',
    });
    expect((await outbox.get(stored.reference))!.state).toBe('pending');
    expect(await outbox.claimNext({ now: at(50_000), owner: 'b', leaseMs: 10_000 })).toMatchObject({ attempts: 2 });
    // Its own claim, left by a write that failed, comes back at once.
    expect(await outbox.recover({ now: at(50_000), owner: 'b', retryAt: at(50_000) })).toBe(1);
  });

  it('schedules retries, records deliveries, and lets an operator retry now', async () => {
    const stored = await store(outbox, 'high', 'contract-retry-000001');
    await outbox.claimNext({ now, owner: 'a', leaseMs: 10_000 });
    await outbox.markRetry(stored.reference, 'a', {
      error: 'rejected: 401',
      at: at(3_600_000),
      maybeCreated: false,
      state: 'failed',
    });
    expect(await outbox.claimNext({ now, owner: 'a', leaseMs: 10_000 })).toBeUndefined();
    expect(await outbox.nextAttemptTime()).toBe(at(3_600_000).getTime());
    expect((await outbox.list({ state: 'failed' })).map((t) => t.lastError)).toEqual(['rejected: 401']);
    expect(await outbox.retryNow(stored.reference, now)).toBe(true);
    expect(await outbox.claimNext({ now, owner: 'a', leaseMs: 10_000 })).toMatchObject({ reference: stored.reference });
    // Being sent under a live lease: the operator cannot start a second attempt.
    expect(await outbox.retryNow(stored.reference, at(5_000))).toBe(false);
    // The lease expired (the server died): the operator may.
    expect(await outbox.retryNow(stored.reference, at(10_000))).toBe(true);
    expect(await outbox.get(stored.reference)).toMatchObject({ state: 'pending', maybeCreated: true, claimedBy: null });
    await outbox.claimNext({ now: at(10_000), owner: 'b', leaseMs: 10_000 });
    await outbox.markDelivered(stored.reference, { externalId: '42', externalUrl: 'https://github.example/i/42' }, now);
    expect(await outbox.get(stored.reference)).toMatchObject({ state: 'delivered', externalId: '42', lastError: null });
    expect(await outbox.retryNow(stored.reference, now)).toBe(false);
    expect(await outbox.nextAttemptTime()).toBeUndefined();
  });

  it('stores a ticket as delivered when the outbox is the inbox, never to be leased', async () => {
    const ticket = ticketOf('critical', 'contract-inbox-000001');
    const derived = deriveTicket(ticket, policy, now);
    const { stored, created } = await outbox.store(ticket, derived, now, { inbox: true });
    expect(created).toBe(true);
    expect(stored).toMatchObject({
      state: 'delivered',
      externalId: stored.reference,
      deliveredAt: now.toISOString(),
      storedAt: now.toISOString(),
      nextAttemptAt: null,
      attempts: 0,
    });
    expect(await outbox.get(stored.reference)).toEqual(stored);
    expect(await outbox.claimNext({ now: at(60_000), owner: 'A', leaseMs: 60_000 })).toBeUndefined();
    expect(await outbox.nextAttemptTime()).toBeUndefined();
    // A retry of the same draft gets the same ticket back.
    const again = await outbox.store(ticket, derived, at(1_000), { inbox: true });
    expect([again.created, again.stored.reference]).toEqual([false, stored.reference]);
  });

  it('answers many concurrent look-ups and stores, each with its own ticket', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `contract-many-${String(i).padStart(8, '0')}`);
    const stored = await Promise.all(keys.map((key, i) => store(outbox, i % 2 ? 'low' : 'high', key)));
    expect(new Set(stored.map((t) => t.reference)).size).toBe(keys.length);
    const asked = [...keys, 'contract-missing-000001', keys[0]!];
    const found = await Promise.all(asked.map((key) => outbox.findByKey(key)));
    expect(found.map((t) => t?.reference)).toEqual([
      ...stored.map((t) => t.reference),
      undefined,
      stored[0]!.reference,
    ]);
    expect(found.map((t) => t?.idempotencyKey)).toEqual([...keys, undefined, keys[0]]);
  });

  it('makes references from the support team date and an unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      expect(newReference('2026-11-24T21:30:00-05:00')).toMatch(/^DT-20261124-[0-9A-HJKMNP-TV-Z]{5}$/);
    }
  });
});
