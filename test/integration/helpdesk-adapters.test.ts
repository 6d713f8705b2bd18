// What each new helpdesk adds to the contract: Zendesk's idempotency key and external_id, Freshdesk's tag and
// requester lookups and quota headers, the webhook's signature; and `npm run tickets -- --check-helpdesk`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAdapter,
  DeliveryError,
  SqliteOutbox,
  signWebhook,
  ticketServerConfigFromEnv,
  verifyWebhook,
  type HelpdeskAdapter,
  type StoredTicket,
} from '../../src/helpdesk/index.ts';
import { deriveTicket, ticketSchema, type TicketInput } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { startFakeFreshdesk, type FakeFreshdesk } from './support/fake-freshdesk.ts';
import { startFakeGitHub } from './support/fake-github.ts';
import { startFakeWebhook, type FakeWebhook } from './support/fake-webhook.ts';
import { startFakeZendesk, type FakeZendesk } from './support/fake-zendesk.ts';

const policy = defaultPolicy();
const outbox = new SqliteOutbox(':memory:');
let count = 0;

/** A ticket as the outbox hands it to an adapter. */
async function stored(overrides: Partial<TicketInput> = {}): Promise<StoredTicket> {
  const ticket = ticketSchema.parse(ticketInput({ idempotencyKey: `adapter-test-key-${++count}`, ...overrides }));
  const now = new Date();
  return (await outbox.store(ticket, deriveTicket(ticket, policy, now), now)).stored;
}

const critical = { category: 'outage', affectedUsers: 40, device: undefined } as const;
const adapterFor = (env: Record<string, string>) =>
  createAdapter(ticketServerConfigFromEnv(env).helpdesk, { requestTimeoutMs: 1_000 });
const attempt = (adapter: HelpdeskAdapter, ticket: StoredTicket, maybeCreated = false) =>
  adapter.deliver(ticket, { maybeCreated, signal: new AbortController().signal });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the delivery to fail');
    },
    (error: DeliveryError) => error,
  );

describe('Zendesk', () => {
  let zendesk: FakeZendesk;
  beforeEach(async () => {
    zendesk = await startFakeZendesk();
  });
  afterEach(() => zendesk.close());

  it('creates the ticket with requester, urgent priority, tags, external_id, private comment and custom fields', async () => {
    const adapter = adapterFor({
      ...zendesk.env,
      ZENDESK_COMMENT_PUBLIC: 'false',
      ZENDESK_FIELD_CATEGORY: '360001',
      ZENDESK_FIELD_FIRST_RESPONSE_DUE: '360002',
      ZENDESK_FIELD_RESOLUTION_DUE: '360003',
    });
    const ticket = await stored(critical);
    const receipt = await attempt(adapter, ticket);
    expect(receipt).toEqual({
      externalId: '1',
      externalUrl: `${zendesk.baseUrl}/agent/tickets/1`,
      pauseUntil: undefined,
    });
    expect(zendesk.tickets[0]).toMatchObject({
      subject: `EMERGENCY ${ticket.reference}: Front desk phone shows No Service`,
      requester: { name: 'Dana Reyes', email: 'dana@example.com' },
      priority: 'urgent',
      tags: ['dialtone', 'category-outage'],
      external_id: ticket.reference,
      comment: { public: false },
      custom_fields: [
        { id: 360001, value: 'outage' },
        { id: 360002, value: ticket.derived.firstResponseDue },
        { id: 360003, value: ticket.derived.resolutionDue },
      ],
    });
    expect(zendesk.tickets[0]!.comment.html_body).toContain(`<strong>Reference:</strong> ${ticket.reference}`);
  });

  it('sends the same Idempotency-Key on every attempt: a blind retry gets the ticket Zendesk already made', async () => {
    const adapter = adapterFor(zendesk.env);
    const ticket = await stored();
    const first = await attempt(adapter, ticket);
    const again = await attempt(adapter, ticket);
    expect(again.externalId).toBe(first.externalId);
    expect(zendesk.tickets).toHaveLength(1);
  });

  it('finds the ticket by external_id after an ambiguous failure, even once Zendesk forgot the key', async () => {
    const adapter = adapterFor(zendesk.env);
    const ticket = await stored();
    zendesk.failNext('create', { createThen: 'status-502' });
    expect((await failure(attempt(adapter, ticket))).failure).toBe('ambiguous');
    zendesk.forgetIdempotencyKeys(); // Zendesk keeps keys for two hours; a retry may come later than that
    expect((await attempt(adapter, ticket, true)).externalId).toBe('1');
    expect(zendesk.tickets).toHaveLength(1);
    expect(zendesk.requests.map((r) => r.route)).toEqual(['create', 'lookup']);
  });

  it('keeps a 422 for the operator with what Zendesk said, and waits out a 429 without Retry-After for a minute', async () => {
    const adapter = adapterFor(zendesk.env);
    zendesk.failNext('create', { status: 422 }, { status: 429 });
    const rejected = await failure(attempt(adapter, await stored()));
    expect(rejected).toMatchObject({ failure: 'rejected' });
    expect(rejected.message).toMatch(/Zendesk rejected the request \(422\): injected 422/);
    expect(await failure(attempt(adapter, await stored()))).toMatchObject({
      failure: 'rate-limited',
      retryAfterMs: 60_000,
    });
  });
});

describe('Freshdesk', () => {
  let freshdesk: FakeFreshdesk;
  beforeEach(async () => {
    freshdesk = await startFakeFreshdesk({ customFields: ['cf_dialtone_category', 'cf_first_response_due'] });
  });
  afterEach(() => freshdesk.close());

  it('creates an open portal ticket with priority 4 for critical, the reference as a tag, and custom fields', async () => {
    const adapter = adapterFor({
      ...freshdesk.env,
      FRESHDESK_FIELD_CATEGORY: 'cf_dialtone_category',
      FRESHDESK_FIELD_FIRST_RESPONSE_DUE: 'cf_first_response_due',
    });
    const ticket = await stored({ ...critical, customerUrgency: undefined });
    expect((await attempt(adapter, ticket)).externalUrl).toBe(`${freshdesk.baseUrl}/a/tickets/1`);
    expect(freshdesk.tickets[0]).toMatchObject({
      name: 'Dana Reyes',
      email: 'dana@example.com',
      priority: 4,
      status: 2,
      source: 2,
      tags: [ticket.reference, 'dialtone', 'category-outage'],
      custom_fields: { cf_dialtone_category: 'outage', cf_first_response_due: ticket.derived.firstResponseDue },
    });
  });

  it('keeps an unknown custom field for the operator, naming it', async () => {
    const adapter = adapterFor({ ...freshdesk.env, FRESHDESK_FIELD_RESOLUTION_DUE: 'cf_missing' });
    const rejected = await failure(attempt(adapter, await stored(critical)));
    expect(rejected.failure).toBe('rejected');
    expect(rejected.message).toMatch(/\(400\): Validation failed: .*cf_missing/);
  });

  it("finds a ticket the search index has not caught up with by the requester's latest tickets", async () => {
    const adapter = adapterFor(freshdesk.env);
    const ticket = await stored();
    freshdesk.lagSearchIndex();
    freshdesk.failNext('create', { createThen: 'drop' });
    expect((await failure(attempt(adapter, ticket))).failure).toBe('ambiguous');
    expect((await attempt(adapter, ticket, true)).externalId).toBe('1');
    expect(freshdesk.tickets).toHaveLength(1);
    expect(freshdesk.requests.map((r) => r.route)).toEqual(['create', 'search', 'list']);
  });

  it('pauses every delivery for a minute when X-Ratelimit-Remaining reaches 0', async () => {
    const adapter = adapterFor(freshdesk.env);
    freshdesk.setRemaining(1);
    const before = Date.now();
    const receipt = await attempt(adapter, await stored());
    expect(receipt.pauseUntil).toBeGreaterThanOrEqual(before + 60_000);
  });
});

describe('the webhook', () => {
  let webhook: FakeWebhook;
  beforeEach(async () => {
    webhook = await startFakeWebhook();
  });
  afterEach(() => webhook.close());

  it('posts our JSON, signed over timestamp.body, with the reference as Idempotency-Key', async () => {
    const ticket = await stored();
    const receipt = await attempt(adapterFor(webhook.env), ticket);
    expect(receipt).toEqual({ externalId: 'CRM-1', externalUrl: 'https://crm.example/tickets/CRM-1' });
    const [received] = webhook.tickets;
    expect(received!.idempotencyKey).toBe(ticket.reference);
    expect(Object.keys(received!.payload)).toEqual([
      'event',
      'reference',
      'title',
      'priority',
      'reasons',
      'needsPriorityReview',
      'submittedAt',
      'timeZone',
      'afterHours',
      'clock',
      'firstResponseDue',
      'resolutionDue',
      'ticket',
    ]);
    expect(received!.payload).toMatchObject({ reference: ticket.reference, priority: 'high' });
    expect(received!.payload.ticket).not.toHaveProperty('idempotencyKey');
  });

  it('lets a receiver refuse a tampered body, a wrong secret and a replay after 5 minutes', () => {
    const secret = webhook.env.WEBHOOK_SECRET!;
    const body = '{"reference":"DT-20261124-7F3K9"}';
    const at = 1_800_000_000;
    const signature = signWebhook(secret, at, body);
    const check = (over: Partial<Parameters<typeof verifyWebhook>[0]>) =>
      verifyWebhook({ secret, body, signature, timestamp: String(at), nowMs: at * 1000, ...over });
    expect(check({})).toEqual({ ok: true });
    expect(check({ body: body.replace('7F3K9', '7F3K8') })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(check({ secret: 'another-secret-of-32-characters-or-more' }).ok).toBe(false);
    expect(check({ nowMs: (at + 301) * 1000 })).toEqual({ ok: false, reason: 'timestamp outside the replay window' });
    expect(check({ timestamp: undefined }).ok).toBe(false);
  });

  it('keeps 4xx for the operator but retries 408, 429 and 5xx; a redirect is not followed', async () => {
    const adapter = adapterFor(webhook.env);
    webhook.failNext(
      'create',
      { status: 400 },
      { status: 408 },
      { status: 429, headers: { 'retry-after': '7' } },
      { status: 500 },
      { status: 302, headers: { location: 'https://elsewhere.example/hook' } },
    );
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await failure(attempt(adapter, await stored())));
    expect(outcomes.map((e) => e.failure)).toEqual(['rejected', 'ambiguous', 'rate-limited', 'ambiguous', 'rejected']);
    expect(outcomes[2]!.retryAfterMs).toBe(7_000);
    expect(outcomes[4]!.message).toMatch(/redirected \(302\) to https:\/\/elsewhere\.example\/hook/);
    expect(webhook.tickets).toHaveLength(0);
  });
});

/** `npm run tickets -- --check-helpdesk`, spawned without blocking so the fake in this process can answer. */
async function checkHelpdesk(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/tickets.ts', '--check-helpdesk'], {
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number];
  return { code, stdout, stderr };
}

describe('npm run tickets -- --check-helpdesk', () => {
  it('GitHub: says the repository is visible, issues are enabled and it is private', async () => {
    const github = await startFakeGitHub();
    try {
      const env = {
        HELPDESK: 'github',
        HELPDESK_REPO: 'example/support-tickets',
        GITHUB_TOKEN: 'test-token',
        GITHUB_API_URL: github.baseUrl,
      };
      const ok = await checkHelpdesk(env);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/^HELPDESK=github: ready\n/);
      expect(ok.stdout).toContain('example/support-tickets is visible to the token (private)');
      expect(ok.stdout).toContain('issues enabled');
      expect(ok.stdout).toContain('token access: write');
      const missing = await checkHelpdesk({ ...env, HELPDESK_REPO: 'example/nope' });
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain('example/nope not found, or the token cannot see it');
    } finally {
      await github.close();
    }
  });

  it('Zendesk: names the agent the token signs in as, or says the credentials were refused', async () => {
    const zendesk = await startFakeZendesk();
    try {
      const ok = await checkHelpdesk(zendesk.env);
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.stdout).toContain('signed in as Support Bot <bot@example.com>, role admin');
      expect(ok.stdout).toContain('comments will be public');
      expect(zendesk.requests.map((r) => r.route)).toEqual(['me']);
      const refused = await checkHelpdesk({ ...zendesk.env, ZENDESK_API_TOKEN: 'wrong' });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(/refused the credentials \(401\): check ZENDESK_EMAIL and ZENDESK_API_TOKEN/);
    } finally {
      await zendesk.close();
    }
  });

  it('Freshdesk: names the agent and the quota left, and refuses an agent without global ticket access', async () => {
    const freshdesk = await startFakeFreshdesk();
    const scoped = await startFakeFreshdesk({ ticketScope: 2 });
    try {
      const ok = await checkHelpdesk(freshdesk.env);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('signed in as agent Support Bot <bot@example.com>');
      expect(ok.stdout).toMatch(/API quota: \d+ of 3000 calls left/);
      const limited = await checkHelpdesk(scoped.env);
      expect(limited.code).toBe(1);
      expect(limited.stdout).toContain('give it global access');
    } finally {
      await freshdesk.close();
      await scoped.close();
    }
  });

  it('webhook: a signed HEAD shows the receiver answers, and says a delivery itself cannot be checked', async () => {
    const webhook = await startFakeWebhook();
    try {
      const ok = await checkHelpdesk(webhook.env);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('is reachable (HEAD answered 204)');
      expect(ok.stdout).toContain('cannot be checked without sending a ticket');
      const wrongSecret = await checkHelpdesk({ ...webhook.env, WEBHOOK_SECRET: 'x'.repeat(40) });
      expect(wrongSecret.code).toBe(1);
      expect(wrongSecret.stdout).toContain('refused our signed HEAD (401): check WEBHOOK_SECRET');
      expect(webhook.tickets).toHaveLength(0);
    } finally {
      await webhook.close();
    }
  });

  it('prints the configuration problems and exits 1 before calling anything', async () => {
    const result = await checkHelpdesk({ HELPDESK: 'freshdesk', FRESHDESK_DOMAIN: 'not a domain' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FRESHDESK_DOMAIN="not a domain" must be a host name');
    expect(result.stderr).toContain('HELPDESK=freshdesk needs FRESHDESK_API_KEY');
  });
});
