// One contract for both subscription stores (SQLite, PostgreSQL): subscribers, exactly-once messages, leases.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewMessage, NotifyStore } from '../../../src/notify/store.ts';
import { storeKinds, type StoreKind } from '../support/notify-stores.ts';

const now = new Date('2026-11-24T15:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
const request = (email: string, components: string[] = [], maintenance = true) => ({ email, components, maintenance });

describe.each(storeKinds())('the $name subscription store', (kind: StoreKind) => {
  let store: NotifyStore;
  beforeAll(() => kind.setUp(), 60_000);
  afterAll(() => kind.tearDown());
  beforeEach(async () => {
    store = await kind.open();
  });
  afterEach(() => store.close());

  it('keeps one subscriber per address; a confirmed one is not changed by posting the address again', async () => {
    const first = await store.subscribe(request('noc@example.com', ['sip-trunking']), 'sub-1', now);
    expect(first).toMatchObject({ created: true, subscriber: { id: 'sub-1', state: 'pending', maintenance: true } });
    const again = await store.subscribe(request('noc@example.com', ['fax'], false), 'sub-2', now);
    expect(again).toMatchObject({
      created: false,
      subscriber: { id: 'sub-1', components: ['fax'], maintenance: false },
    });
    expect(await store.confirm('sub-1', at(1000))).toMatchObject({
      state: 'confirmed',
      confirmedAt: at(1000).toISOString(),
    });
    await store.subscribe(request('noc@example.com', []), 'sub-3', now);
    expect(await store.subscriber('sub-1')).toMatchObject({ components: ['fax'], state: 'confirmed' });
    expect(await store.countSubscribers()).toEqual({ pending: 0, confirmed: 1 });
    expect(await store.setPreferences('sub-1', { components: [], maintenance: true })).toBe(true);
    expect(await store.findByEmail(' NOC@example.com ')).toMatchObject({ components: [], maintenance: true });
  });

  it('makes one secret and keeps it across reopening', async () => {
    const secret = await store.secret();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await store.secret()).toBe(secret);
    await store.close();
    store = await kind.open({ keep: true });
    expect(await store.secret()).toBe(secret);
  });

  it('records the first poll as the baseline, then owes messages for fresh events only, once', async () => {
    await store.subscribe(request('a@example.com'), 'a', now);
    await store.confirm('a', now);
    const planner = (fresh: readonly string[], subs: readonly { id: string }[]): NewMessage[] =>
      fresh.flatMap((key) =>
        subs.map((s) => ({ channel: 'email' as const, recipient: s.id, eventKey: key, body: { key } })),
      );
    expect(await store.recordEvents(['u1', 'u2'], planner, now)).toEqual({
      fresh: ['u1', 'u2'],
      baseline: true,
      enqueued: 0,
    });
    expect(await store.recordEvents(['u1', 'u2', 'u3'], planner, at(1))).toEqual({
      fresh: ['u3'],
      baseline: false,
      enqueued: 1,
    });
    // Two servers polling the same republished file at once: the event is fresh for one of them only.
    const both = await Promise.all([
      store.recordEvents(['u1', 'u4'], planner, at(2)),
      store.recordEvents(['u1', 'u4'], planner, at(2)),
    ]);
    expect(both.map((r) => r.enqueued).sort()).toEqual([0, 1]);
    expect((await store.messages()).map((m) => m.eventKey).sort()).toEqual(['u3', 'u4']);
    // The unique constraint holds even against a planner that repeats itself.
    expect(await store.enqueue([{ channel: 'email', recipient: 'a', eventKey: 'u3', body: {} }], at(3))).toBe(0);
  });

  it('gives pending subscribers nothing: only confirmed ones reach the planner', async () => {
    await store.subscribe(request('p@example.com'), 'p', now);
    await store.recordEvents([], () => [], now);
    let seen: string[] = [];
    await store.recordEvents(['u1'], (_fresh, subs) => ((seen = subs.map((s) => s.id)), []), at(1));
    expect(seen).toEqual([]);
  });

  it('leases each due message to one sender, takes back expired leases, and backs off', async () => {
    await store.enqueue(
      [
        { channel: 'email', recipient: 'x', eventKey: 'e1', body: { n: 1 } },
        { channel: 'webhook', recipient: 'noc', eventKey: 'e1', body: { n: 2 } },
      ],
      now,
    );
    const [one, two] = await Promise.all([
      store.claimNext({ now, owner: 'A', leaseMs: 60_000, channels: ['email'] }),
      store.claimNext({ now, owner: 'B', leaseMs: 60_000, channels: ['email'] }),
    ]);
    expect([one, two].filter(Boolean)).toHaveLength(1);
    const held = (one ?? two)!;
    expect(held).toMatchObject({ eventKey: 'e1', state: 'sending', attempts: 1, email: null, body: { n: 1 } });
    expect(
      await store.claimNext({ now: at(59_000), owner: 'C', leaseMs: 60_000, channels: ['email'] }),
    ).toBeUndefined();
    const retaken = await store.claimNext({ now: at(60_000), owner: 'C', leaseMs: 60_000, channels: ['email'] });
    expect(retaken).toMatchObject({ id: held.id, attempts: 2, claimedBy: 'C' });
    // The first holder lost its lease: its late answer changes nothing.
    await store.markSent(held.id, held.claimedBy!, at(60_001));
    await store.markRetry(held.id, 'C', { error: 'SMTP 451', at: at(90_000), state: 'pending' });
    expect(await store.nextAttemptTime(['email'])).toBe(at(90_000).getTime());
    expect(
      await store.claimNext({ now: at(89_000), owner: 'C', leaseMs: 60_000, channels: ['email'] }),
    ).toBeUndefined();
    const again = (await store.claimNext({ now: at(90_000), owner: 'D', leaseMs: 60_000, channels: ['email'] }))!;
    await store.markSent(again.id, 'D', at(90_001));
    expect((await store.messages({ state: 'sent' })).map((m) => [m.id, m.attempts, m.lastError])).toEqual([
      [held.id, 3, null],
    ]);
    // Only the webhook is left, and only a sender of webhooks sees it.
    expect(await store.claimNext({ now: at(100_000), owner: 'D', leaseMs: 1, channels: ['email'] })).toBeUndefined();
    expect(await store.claimNext({ now: at(100_000), owner: 'D', leaseMs: 1, channels: ['webhook'] })).toMatchObject({
      recipient: 'noc',
    });
  });

  it('joins the address to a claimed e-mail, and erasing removes the subscriber with every message', async () => {
    await store.subscribe(request('erase@example.com'), 'gone', now);
    await store.enqueue([{ channel: 'email', recipient: 'gone', eventKey: 'confirm:1', body: {} }], now);
    expect(await store.claimNext({ now, owner: 'A', leaseMs: 1000, channels: ['email'] })).toMatchObject({
      email: 'erase@example.com',
    });
    expect(await store.remove('gone')).toBe(true);
    expect(await store.remove('gone')).toBe(false);
    expect(await store.findByEmail('erase@example.com')).toBeUndefined();
    expect(await store.messages({ recipient: 'gone' })).toEqual([]);
  });
});
