// N tickets in -> exactly N GitHub issues out, through 5xx, timeouts, rate limits, dropped connections and restarts.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitHubAdapter,
  SqliteOutbox,
  startDelivery,
  type DeliveryLoop,
  type DeliveryOptions,
} from '../../src/helpdesk/index.ts';
import { deliveryMarker } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { startFakeGitHub, waitFor, type Fault, type FakeGitHub } from './support/fake-github.ts';
import { fileTickets, tempDir } from './support/tickets.ts';

const policy = defaultPolicy();
let github: FakeGitHub;
let temp: ReturnType<typeof tempDir>;
let outbox: SqliteOutbox;
let loops: DeliveryLoop[];

beforeEach(async () => {
  github = await startFakeGitHub();
  temp = tempDir();
  outbox = new SqliteOutbox(join(temp.dir, 'outbox.sqlite'));
  loops = [];
});

afterEach(async () => {
  for (const loop of loops) await loop.stop();
  await outbox.close();
  await github.close();
  temp.remove();
});

function adapter(token = github.token) {
  return createGitHubAdapter({
    token,
    owner: 'example',
    repo: 'support-tickets',
    baseUrl: github.baseUrl,
    requestTimeoutMs: 400,
  });
}

/** Fast backoff so the suite runs in seconds; the real defaults are seconds to minutes. */
function deliver(over: Partial<DeliveryOptions> = {}): DeliveryLoop {
  const loop = startDelivery({
    outbox,
    adapter: adapter(),
    baseDelayMs: 20,
    maxDelayMs: 200,
    minRetryMs: 20,
    lookupDelayMs: 20,
    rejectedRetryMs: 300,
    idlePollMs: 50,
    ...over,
  });
  loops.push(loop);
  return loop;
}

function deps() {
  return { policy, outbox, now: () => new Date() };
}

/** Every stored ticket delivered, and each one is exactly one issue carrying its hidden key. */
async function expectExactlyOneIssueEach(references: string[]) {
  expect(github.issues).toHaveLength(references.length);
  for (const reference of references) {
    const stored = (await outbox.get(reference))!;
    expect(stored.state).toBe('delivered');
    const matching = github.issues.filter((i) => i.body.includes(deliveryMarker(stored.deliveryKey)));
    expect(matching).toHaveLength(1);
    expect(stored.externalId).toBe(String(matching[0]!.number));
  }
}

const allDelivered = (references: string[]) => async () =>
  (await Promise.all(references.map((r) => outbox.get(r)))).every((t) => t?.state === 'delivered');

describe('GitHub delivery', () => {
  it('creates one issue per ticket with title, labels and the safe body', async () => {
    // Filed on a Tuesday at 10:00 in New York, in business hours: a high ticket's title has no EMERGENCY marker.
    const inHours = { ...deps(), now: () => new Date('2026-11-24T15:00:00Z') };
    const references = await fileTickets(inHours, 3, {
      customerUrgency: { requested: 'critical', reason: 'The front desk is our only line' },
    });
    deliver();
    await waitFor('3 deliveries', allDelivered(references));
    await expectExactlyOneIssueEach(references);
    const issue = github.issues[0]!;
    expect(issue.title).toBe(`${references[0]}: Phone 0 shows No Service`);
    expect(issue.labels).toEqual(['priority: high', 'category: registration', 'needs-priority-review']);
    expect(issue.body).toContain(`**Reference:** ${references[0]}`);
    expect((await outbox.get(references[0]!))!.externalUrl).toBe(issue.html_url);
  });

  it('puts EMERGENCY first in the title of a critical ticket', async () => {
    const [reference] = await fileTickets(deps(), 1, {
      category: 'outage',
      affectedUsers: 40,
      device: undefined,
    });
    deliver();
    await waitFor('delivery', allDelivered([reference!]));
    expect(github.issues[0]!.title).toMatch(/^EMERGENCY DT-\d{8}-[0-9A-Z]{5}: /);
  });

  it('warns when GitHub drops the labels (a token without triage access), and keeps the delivery', async () => {
    github.dropLabels(true);
    const warnings: string[] = [];
    const [reference] = await fileTickets(deps(), 1);
    deliver({
      adapter: createGitHubAdapter({
        token: github.token,
        owner: 'example',
        repo: 'support-tickets',
        baseUrl: github.baseUrl,
        warn: (m) => warnings.push(m),
      }),
    });
    await waitFor('delivery', allDelivered([reference!]));
    expect(warnings).toEqual([
      `helpdesk: GitHub created issue #1 for ${reference} without the labels priority: high, category: registration: give the token triage (or write) access to example/support-tickets, then add them by hand`,
    ]);
    github.dropLabels(false);
  });

  it.each<[string, Fault]>([
    ['a 500', { status: 500 }],
    ['a 503 with Retry-After', { status: 503, headers: { 'retry-after': '0' } }],
    ['a hang until the request times out', { hang: true }],
  ])('retries after %s without creating a duplicate', async (_, fault) => {
    github.failNext('create', fault, fault);
    const references = await fileTickets(deps(), 2);
    deliver();
    await waitFor('2 deliveries', allDelivered(references), 8_000);
    await expectExactlyOneIssueEach(references);
  });

  it.each<[string, Fault]>([
    ['the connection drops after the issue was created', { createThen: 'drop' }],
    ['the answer never comes after the issue was created', { createThen: 'hang' }],
    ['a 502 comes after the issue was created', { createThen: 'status-502' }],
  ])('finds the issue instead of creating it again when %s', async (_, fault) => {
    github.failNext('create', fault);
    const references = await fileTickets(deps(), 1);
    deliver();
    await waitFor('delivery', allDelivered(references), 8_000);
    await expectExactlyOneIssueEach(references);
    expect(github.requests.filter((r) => r.route === 'list').length).toBeGreaterThanOrEqual(1);
    expect(github.requests.filter((r) => r.route === 'create')).toHaveLength(1);
  });

  it('pages through newer issues and retries a search that hangs', async () => {
    github.failNext('create', { createThen: 'drop' });
    github.failNext('list', { hang: true });
    const [reference] = await fileTickets(deps(), 1);
    const loop = deliver({ baseDelayMs: 300, maxDelayMs: 300, lookupDelayMs: 300 });
    await waitFor('the dropped create', () => github.issues.length === 1);
    github.addIssues(250); // other people's issues, newer than ours: ours is on page 3
    await waitFor('delivery', allDelivered([reference!]), 8_000);
    await loop.stop();
    expect((await outbox.get(reference!))!.externalId).toBe('1');
    expect(github.issues).toHaveLength(251);
    expect(github.requests.filter((r) => r.route === 'create')).toHaveLength(1);
    // One search that hung, then three pages of 100.
    expect(github.requests.filter((r) => r.route === 'list').length).toBeGreaterThanOrEqual(4);
  });

  it.each<[string, Fault]>([
    ['429 with Retry-After', { status: 429, headers: { 'retry-after': '1' } }],
    ['403 secondary rate limit with Retry-After', { status: 403, headers: { 'retry-after': '1' } }],
    [
      '403 with x-ratelimit-remaining: 0',
      { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'RESET' } },
    ],
  ])('waits as long as GitHub asks after %s, for every ticket', async (_, fault) => {
    const resetAt = String(Math.ceil(Date.now() / 1000) + 1);
    const headers = 'headers' in fault ? { ...fault.headers } : {};
    if (headers['x-ratelimit-reset'] === 'RESET') headers['x-ratelimit-reset'] = resetAt;
    github.failNext('create', { ...fault, headers } as Fault);
    const references = await fileTickets(deps(), 2);
    deliver();
    await waitFor('2 deliveries', allDelivered(references), 8_000);
    const creates = github.requests.filter((r) => r.route === 'create');
    const asked = headers['retry-after'] ? 1000 : Number(resetAt) * 1000 - creates[0]!.at;
    // No request at all during the pause: the other ticket waited too.
    expect(creates[1]!.at - creates[0]!.at).toBeGreaterThanOrEqual(asked - 50);
    await expectExactlyOneIssueEach(references);
  });

  it('keeps a rejected ticket as failed, with the error, and delivers it once the operator fixes the token', async () => {
    // GitHub no longer accepts the configured token (revoked): every attempt is a 401.
    github.setToken('rotated-token');
    const [reference] = await fileTickets(deps(), 1);
    deliver({ adapter: adapter('test-token') });
    await waitFor('failed state', async () => (await outbox.get(reference!))?.state === 'failed');
    expect((await outbox.get(reference!))!.lastError).toMatch(/^rejected: GitHub rejected the request \(401\)/);
    expect((await outbox.list({ state: 'failed' })).map((t) => t.reference)).toEqual([reference]);
    github.setToken('test-token');
    await waitFor('delivery after the fix', allDelivered([reference!]), 5_000);
    await expectExactlyOneIssueEach([reference!]);
  });

  it('answers with the stored reference while GitHub is down, and delivers later', async () => {
    github.chaos(() => ({ status: 503 }));
    const references = await fileTickets(deps(), 2);
    deliver();
    await waitFor('a few failed attempts', async () => (await outbox.get(references[0]!))!.attempts >= 2);
    expect(github.issues).toHaveLength(0);
    github.chaos(undefined);
    await waitFor('deliveries', allDelivered(references), 8_000);
    await expectExactlyOneIssueEach(references);
  });

  it('survives random faults and a restart mid-delivery: N in, exactly N out', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const faults: Fault[] = [
      { status: 500 },
      { status: 502 },
      { hang: true },
      { createThen: 'drop' },
      { createThen: 'hang' },
      { createThen: 'status-502' },
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 403, headers: { 'retry-after': '0' } },
    ];
    github.chaos(() => (random() < 0.35 ? faults[Math.floor(random() * faults.length)] : undefined));
    const N = 24;
    const references = await fileTickets(deps(), N);

    const first = deliver();
    await waitFor('some deliveries', () => github.issues.length >= 6, 15_000);
    await first.stop();
    await outbox.close();

    // A new process: a new outbox on the same file, a new loop.
    outbox = new SqliteOutbox(join(temp.dir, 'outbox.sqlite'));
    deliver();
    await waitFor(`${N} deliveries`, allDelivered(references), 30_000);
    await expectExactlyOneIssueEach(references);
  }, 40_000);
});
