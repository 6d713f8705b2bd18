// POST /api/feedback through the framework-agnostic handler into a real SQLite file: JSON and plain-form votes,
// failed searches without personal data, the honeypot, Origin, the rate limit and the HEAD probe.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleFeedbackRequest, type FeedbackRequestDeps } from '../../src/feedback/handler.ts';
import { SqliteFeedbackStore } from '../../src/feedback/sqlite-store.ts';
import { createRateLimiter } from '../../src/helpdesk/rate-limit.ts';
import { tempDir } from './support/tickets.ts';

const ENDPOINT = 'http://127.0.0.1:4321/api/feedback';
const now = new Date('2026-11-24T15:00:00Z');
const since = new Date(0);

function post(body: unknown, headers: Record<string, string> = {}, form = false): Request {
  return new Request(ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      origin: 'http://127.0.0.1:4321',
      ...headers,
    },
    body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
  });
}

describe('POST /api/feedback', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteFeedbackStore;
  let deps: FeedbackRequestDeps;
  beforeEach(() => {
    temp = tempDir();
    store = new SqliteFeedbackStore(join(temp.dir, 'outbox.sqlite'));
    deps = { store, now: () => now, clientAddress: '203.0.113.9' };
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  it('stores a JSON vote and answers 202; a reason on a "yes" is dropped, personal data in the comment too', async () => {
    const no = {
      kind: 'vote',
      article: 'fax/fax-fails',
      helpful: false,
      reason: 'outdated',
      comment: 'call 415 555 0134',
    };
    expect((await handleFeedbackRequest(post(no), deps)).status).toBe(202);
    const yes = { kind: 'vote', article: 'fax/fax-fails', helpful: true, reason: 'unclear' };
    const answer = await handleFeedbackRequest(post(yes), deps);
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ recorded: true });
    expect(await store.votesSince(since)).toEqual([
      { article: 'fax/fax-fails', helpful: false, reason: 'outdated', comment: 'call', at: now.toISOString() },
      { article: 'fax/fax-fails', helpful: true, at: now.toISOString() },
    ]);
  });

  it("answers a plain form post with 303 back to the article's thank-you, on the configured site", async () => {
    const form = { article: 'registration/phone-wont-register', helpful: 'no', reason: 'did-not-work', comment: '' };
    const site = { ...deps, siteUrl: 'https://help.example.com' };
    const answer = await handleFeedbackRequest(post(form, { origin: 'https://help.example.com' }, true), site);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(
      'https://help.example.com/kb/registration/phone-wont-register/#feedback-thanks',
    );
    // The page the form was on, whichever allowed origin that was (here the endpoint's own).
    const own = await handleFeedbackRequest(post({ ...form, helpful: 'yes' }, {}, true), site);
    expect(own.headers.get('location')).toBe(
      'http://127.0.0.1:4321/kb/registration/phone-wont-register/#feedback-thanks',
    );
    expect(await store.votesSince(since)).toMatchObject([
      { helpful: false, reason: 'did-not-work' },
      { helpful: true },
    ]);
  });

  it('answers a bad form post with a readable page naming the field', async () => {
    const answer = await handleFeedbackRequest(post({ article: 'fax/fax-fails', helpful: 'maybe' }, {}, true), deps);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    expect(await answer.text()).toContain('helpful: must be true (yes) or false (no)');
  });

  it('records a failed search normalised, without e-mail addresses or phone numbers, and never an address', async () => {
    const search = {
      kind: 'search',
      query: "  Can't reach jo@example.com 0161 496 0000  ",
      outcome: 'no-result',
      source: 'page',
    };
    expect((await handleFeedbackRequest(post(search), deps)).status).toBe(202);
    expect(await store.failedSearchesSince(since)).toEqual([
      { query: 'can not reach', outcome: 'no-result', source: 'page', at: now.toISOString() },
    ]);
    // Only personal data: nothing worth keeping.
    await handleFeedbackRequest(post({ kind: 'search', query: 'jo@example.com', outcome: 'no-click' }), deps);
    expect(await store.failedSearchesSince(since)).toHaveLength(1);
  });

  it('thanks a robot that filled the honeypot and keeps nothing', async () => {
    const bot = { kind: 'vote', article: 'fax/fax-fails', helpful: false, website: 'http://spam.example' };
    expect((await handleFeedbackRequest(post(bot), deps)).status).toBe(202);
    expect(await store.votesSince(since)).toEqual([]);
  });

  it('refuses another site, other media types and bad JSON with the field and the fix', async () => {
    const vote = { kind: 'vote', article: 'fax/fax-fails', helpful: true };
    expect((await handleFeedbackRequest(post(vote, { origin: 'https://evil.example' }), deps)).status).toBe(403);
    expect((await handleFeedbackRequest(post(vote, { 'content-type': 'text/plain' }), deps)).status).toBe(415);
    const bad = await handleFeedbackRequest(post({ kind: 'vote', article: 'fax/fax-fails' }), deps);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ path: 'helpful', message: 'must be true (yes) or false (no)' }] });
    expect(await store.votesSince(since)).toEqual([]);
  });

  it('rate-limits one client like tickets, with Retry-After', async () => {
    const limited = { ...deps, rateLimiter: createRateLimiter({ burst: 2, refillEveryMs: 60_000 }) };
    const vote = { kind: 'vote', article: 'fax/fax-fails', helpful: true };
    expect((await handleFeedbackRequest(post(vote), limited)).status).toBe(202);
    expect((await handleFeedbackRequest(post(vote), limited)).status).toBe(202);
    const third = await handleFeedbackRequest(post(vote), limited);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('60');
    expect(await store.votesSince(since)).toHaveLength(2);
  });

  it("answers the widget's HEAD probe, a preflight from the site, and 405 otherwise", async () => {
    expect((await handleFeedbackRequest(new Request(ENDPOINT, { method: 'HEAD' }), deps)).status).toBe(204);
    const preflight = new Request(ENDPOINT, { method: 'OPTIONS', headers: { origin: 'https://help.example.com' } });
    const answer = await handleFeedbackRequest(preflight, { ...deps, siteUrl: 'https://help.example.com' });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://help.example.com');
    expect((await handleFeedbackRequest(new Request(ENDPOINT), deps)).status).toBe(405);
  });
});
