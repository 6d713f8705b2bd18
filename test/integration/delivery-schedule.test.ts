// When the delivery loop tries again, and in what order: never too soon, spread out, most urgent first.
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  DeliveryError,
  SqliteOutbox,
  startDelivery,
  type DeliveryEvent,
  type DeliveryLoop,
  type HelpdeskAdapter,
} from '../../src/helpdesk/index.ts';
import type { Priority } from '../../src/lib/policy/index.ts';
import { deriveTicket, ticketSchema } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { waitFor } from './support/fake-github.ts';

const policy = defaultPolicy();
let outbox: SqliteOutbox;
let loop: DeliveryLoop | undefined;
beforeEach(() => {
  outbox = new SqliteOutbox(':memory:');
});
afterEach(async () => {
  await loop?.stop();
  await outbox.close();
});

const shapes: Record<Priority, Record<string, unknown>> = {
  critical: { category: 'outage', affectedUsers: 40, device: undefined },
  high: {},
  normal: { category: 'voicemail', device: undefined },
  low: { category: 'question', device: undefined },
};

async function file(priority: Priority, key: string) {
  const ticket = ticketSchema.parse(ticketInput({ ...shapes[priority], idempotencyKey: key }));
  const now = new Date();
  return (await outbox.store(ticket, deriveTicket(ticket, policy, now), now)).stored.reference;
}

/** A helpdesk that fails every attempt with `error`, and records what the loop decided. */
function failingWith(error: DeliveryError): { adapter: HelpdeskAdapter; events: DeliveryEvent[] } {
  const events: DeliveryEvent[] = [];
  return {
    events,
    adapter: {
      name: 'scripted',
      deliver: async () => {
        throw error;
      },
      check: async () => ({ ok: true, lines: [] }),
    },
  };
}

it.each([
  ['Retry-After: 0', new DeliveryError('rate-limited', 'slow down', 0)],
  ['a reset time in the past (a negative wait)', new DeliveryError('rate-limited', 'quota', -60_000)],
  ['a 503 with Retry-After: 0', new DeliveryError('retry', 'unavailable', 0)],
])('never retries sooner than the minimum (default 5 s) after %s', async (_, error) => {
  const { adapter, events } = failingWith(error);
  const reference = await file('high', 'schedule-key-0000001');
  loop = startDelivery({ outbox, adapter, onEvent: (e) => events.push(e), idlePollMs: 50 });
  await waitFor('a failed attempt', () => events.some((e) => e.type === 'retry'));
  const retry = events.find((e) => e.type === 'retry')!;
  expect(retry.type === 'retry' && retry.retryInMs).toBeGreaterThanOrEqual(5_000);
  expect(Date.parse((await outbox.get(reference))!.nextAttemptAt!) - Date.now()).toBeGreaterThan(4_000);
});

it('spreads the retries of tickets that failed alike (jitter)', async () => {
  const { adapter, events } = failingWith(new DeliveryError('retry', 'unavailable', 0));
  for (let i = 0; i < 3; i++) await file('high', `schedule-jitter-000${i}`);
  loop = startDelivery({ outbox, adapter, onEvent: (e) => events.push(e), idlePollMs: 50 });
  await waitFor('three failed attempts', () => events.filter((e) => e.type === 'retry').length === 3);
  const waits = events.flatMap((e) => (e.type === 'retry' ? [Math.round(e.retryInMs)] : []));
  expect(new Set(waits).size).toBe(3);
});

it('waits at least 30 s (by default) after an ambiguous failure before looking for the ticket', async () => {
  const { adapter, events } = failingWith(new DeliveryError('ambiguous', 'GitHub answered 502'));
  const reference = await file('high', 'schedule-key-0000003');
  loop = startDelivery({ outbox, adapter, onEvent: (e) => events.push(e), idlePollMs: 50 });
  await waitFor('a failed attempt', () => events.some((e) => e.type === 'retry'));
  const retry = events.find((e) => e.type === 'retry')!;
  expect(retry.type === 'retry' && retry.retryInMs).toBeGreaterThanOrEqual(30_000);
  const stored = (await outbox.get(reference))!;
  expect(stored.maybeCreated).toBe(true);
  expect(Date.parse(stored.nextAttemptAt!) - Date.now()).toBeGreaterThan(25_000);
});

it('delivers critical before high before normal before low, oldest first within each', async () => {
  const order: Array<[Priority, string]> = [
    ['low', 'low-a'],
    ['low', 'low-b'],
    ['normal', 'normal-a'],
    ['high', 'high-a'],
    ['critical', 'critical-a'],
    ['high', 'high-b'],
    ['critical', 'critical-b'],
  ];
  const names = new Map<string, string>();
  for (const [priority, name] of order) names.set(await file(priority, `schedule-${name}-00000`), name);
  const delivered: string[] = [];
  const adapter: HelpdeskAdapter = {
    name: 'recording',
    check: async () => ({ ok: true, lines: [] }),
    deliver: async (ticket) => {
      delivered.push(names.get(ticket.reference)!);
      return { externalId: ticket.reference };
    },
  };
  loop = startDelivery({ outbox, adapter, idlePollMs: 50 });
  await waitFor('every delivery', () => delivered.length === order.length);
  expect(delivered).toEqual(['critical-a', 'critical-b', 'high-a', 'high-b', 'normal-a', 'low-a', 'low-b']);
});
