// One contract for every feedback store (SQLite, PostgreSQL): votes and failed searches kept beside the outbox.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deriveTicket, ticketSchema } from '../../src/lib/ticket/index.ts';
import type { FeedbackStore } from '../../src/feedback/store.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { feedbackStoreKinds, type FeedbackStoreKind } from './support/feedback-stores.ts';
import { outboxOpeners } from './support/outboxes.ts';

const now = new Date('2026-11-24T15:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

describe.each(feedbackStoreKinds())('the $name feedback store', (kind: FeedbackStoreKind) => {
  let store: FeedbackStore;
  beforeAll(() => kind.setUp());
  afterAll(() => kind.tearDown());
  beforeEach(async () => {
    store = await kind.open();
  });
  afterEach(() => store.close());

  it('keeps votes with their reason and comment, oldest first, from a given instant', async () => {
    await store.addVote({
      article: 'fax/fax-fails',
      helpful: false,
      reason: 'outdated',
      comment: 'menu moved',
      at: at(2),
    });
    await store.addVote({ article: 'registration/phone-wont-register', helpful: true, at: at(1) });
    await store.addVote({ article: 'fax/fax-fails', helpful: false, at: at(-60) });
    expect(await store.votesSince(new Date(at(0)))).toEqual([
      { article: 'registration/phone-wont-register', helpful: true, at: at(1) },
      { article: 'fax/fax-fails', helpful: false, reason: 'outdated', comment: 'menu moved', at: at(2) },
    ]);
    expect(await store.votesSince(new Date(at(-61)))).toHaveLength(3);
  });

  it('keeps failed searches with their outcome and source', async () => {
    await store.addFailedSearch({ query: 'fax t38 rejected', outcome: 'no-result', source: 'page', at: at(1) });
    await store.addFailedSearch({ query: 'voicemail pin', outcome: 'no-click', at: at(3) });
    expect(await store.failedSearchesSince(new Date(at(0)))).toEqual([
      { query: 'fax t38 rejected', outcome: 'no-result', source: 'page', at: at(1) },
      { query: 'voicemail pin', outcome: 'no-click', at: at(3) },
    ]);
    expect(await store.failedSearchesSince(new Date(at(2)))).toHaveLength(1);
  });

  it('keeps feedback across reopening, in the same database as the outbox, each with its own schema', async () => {
    await store.addVote({ article: 'fax/fax-fails', helpful: true, at: at(0) });
    const outbox = await kind.openBeside(outboxOpeners);
    try {
      const ticket = ticketSchema.parse(ticketInput({ idempotencyKey: 'feedback-beside-outbox-1' }));
      await outbox.store(ticket, deriveTicket(ticket, defaultPolicy(), now), now);
      await store.close();
      store = await kind.open({ keep: true });
      expect(await store.votesSince(new Date(at(-1)))).toHaveLength(1);
      expect(await outbox.list()).toHaveLength(1);
    } finally {
      await outbox.close();
    }
  });

  it('refuses a database whose stored values break the rules (an outcome it does not know)', async () => {
    await expect(store.addFailedSearch({ query: 'x', outcome: 'gave-up' as 'no-click', at: at(0) })).rejects.toThrow();
  });
});
