// The outbox, the local helpdesk, configuration and the rate limiter.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  createRateLimiter,
  createLocalAdapter,
  createTicketRuntime,
  handleTicketRequest,
  newReference,
  Outbox,
  startDelivery,
  ticketServerConfigFromEnv,
} from '../../src/helpdesk/index.ts';
import { deriveTicket, ticketSchema } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { waitFor } from './support/fake-github.ts';
import { tempDir, ticketRequest } from './support/tickets.ts';

const policy = defaultPolicy();
const now = new Date('2026-11-24T15:00:00Z');
const ticket = (key = 'outbox-test-key-0001') => ticketSchema.parse(ticketInput({ idempotencyKey: key }));

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.remove());

describe('Outbox', () => {
  it('creates its directory, uses WAL, and keeps tickets across reopening', () => {
    const path = join(temp.dir, 'nested/dir/outbox.sqlite');
    const first = new Outbox(path);
    const { stored, created } = first.store(ticket(), deriveTicket(ticket(), policy, now), now);
    first.close();
    expect(created).toBe(true);
    expect(existsSync(`${path}-wal`) || existsSync(path)).toBe(true);
    const again = new Outbox(path);
    expect(again.get(stored.reference)).toMatchObject({
      reference: stored.reference,
      state: 'pending',
      attempts: 0,
      maybeCreated: false,
      ticket: { subject: 'Front desk phone shows No Service' },
      derived: { priority: 'high', firstResponseDue: '2026-11-24T16:00:00Z' },
    });
    again.close();
  });

  it('stores once per idempotency key', () => {
    const outbox = new Outbox(':memory:');
    const derived = deriveTicket(ticket(), policy, now);
    const first = outbox.store(ticket(), derived, now);
    const second = outbox.store(ticket(), derived, now);
    const other = outbox.store(ticket('outbox-test-key-0002'), derived, now);
    expect(second).toEqual({ stored: first.stored, created: false });
    expect(other.stored.reference).not.toBe(first.stored.reference);
    expect(other.stored.deliveryKey).not.toBe(first.stored.deliveryKey);
    expect(outbox.list()).toHaveLength(2);
    outbox.close();
  });

  it('makes references from the support team date and an unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      expect(newReference('2026-11-24T21:30:00-05:00')).toMatch(/^DT-20261124-[0-9A-HJKMNP-TV-Z]{5}$/);
    }
  });

  it('recovers tickets interrupted mid-send as "maybe created"', () => {
    const outbox = new Outbox(':memory:');
    const { stored } = outbox.store(ticket(), deriveTicket(ticket(), policy, now), now);
    expect(outbox.claim(stored.reference)).toBe(true);
    expect(outbox.claim(stored.reference)).toBe(false);
    expect(outbox.nextDue(now)).toBeUndefined();
    expect(outbox.recoverInterrupted(now)).toBe(1);
    expect(outbox.nextDue(now)).toMatchObject({
      reference: stored.reference,
      maybeCreated: true,
      attempts: 1,
    });
    outbox.close();
  });

  it('schedules retries and lets an operator retry a failed ticket now', () => {
    const outbox = new Outbox(':memory:');
    const { stored } = outbox.store(ticket(), deriveTicket(ticket(), policy, now), now);
    outbox.claim(stored.reference);
    const later = new Date(now.getTime() + 3_600_000);
    outbox.markRetry(stored.reference, {
      error: 'rejected: 401',
      at: later,
      maybeCreated: false,
      state: 'failed',
    });
    expect(outbox.nextDue(now)).toBeUndefined();
    expect(outbox.nextAttemptTime()).toBe(later.getTime());
    expect(outbox.list({ state: 'failed' })).toHaveLength(1);
    expect(outbox.retryNow(stored.reference, now)).toBe(true);
    expect(outbox.nextDue(now)?.reference).toBe(stored.reference);
    outbox.markDelivered(stored.reference, { externalId: '42', externalUrl: 'https://github.example/i/42' }, now);
    expect(outbox.get(stored.reference)).toMatchObject({
      state: 'delivered',
      externalId: '42',
      lastError: null,
    });
    expect(outbox.retryNow(stored.reference, now)).toBe(false);
    outbox.close();
  });
});

describe('the local helpdesk (default, no configuration)', () => {
  it('stores a ticket from the endpoint and marks it delivered in the local inbox', async () => {
    const runtime = createTicketRuntime({
      env: { OUTBOX_PATH: join(temp.dir, 'outbox.sqlite') },
      onEvent: () => {},
    });
    try {
      const response = await handleTicketRequest(ticketRequest(ticketInput()), {
        ...runtime.deps,
        clientAddress: '127.0.0.1',
      });
      expect(response.status).toBe(202);
      const { reference } = (await response.json()) as { reference: string };
      await waitFor('local delivery', () => runtime.outbox.get(reference)?.state === 'delivered', 3_000);
      expect(runtime.outbox.get(reference)!.externalId).toBe(reference);
    } finally {
      await runtime.close();
    }
  });
});

describe('ticketServerConfigFromEnv', () => {
  it('defaults to the local helpdesk and .data/outbox.sqlite', () => {
    expect(ticketServerConfigFromEnv({})).toEqual({
      helpdesk: { helpdesk: 'local' },
      outboxPath: '.data/outbox.sqlite',
      siteUrl: undefined,
      trustProxy: false,
      rateLimitBurst: 5,
    });
  });

  it('reads the GitHub settings', () => {
    const config = ticketServerConfigFromEnv({
      HELPDESK: 'github',
      HELPDESK_REPO: 'example/support-tickets',
      GITHUB_TOKEN: 'ghp_x',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      SITE_URL: 'https://support.example.com',
      OUTBOX_PATH: '/var/lib/dialtone/outbox.sqlite',
      TRUST_PROXY: '1',
      TICKET_RATE_LIMIT: '20',
    });
    expect(config).toEqual({
      helpdesk: {
        helpdesk: 'github',
        owner: 'example',
        repo: 'support-tickets',
        token: 'ghp_x',
        apiUrl: 'https://ghe.example.com/api/v3',
      },
      outboxPath: '/var/lib/dialtone/outbox.sqlite',
      siteUrl: 'https://support.example.com',
      trustProxy: true,
      rateLimitBurst: 20,
    });
  });

  it('names every missing or wrong variable at startup', () => {
    expect(() => ticketServerConfigFromEnv({ HELPDESK: 'github' })).toThrow(ConfigError);
    expect(() => ticketServerConfigFromEnv({ HELPDESK: 'github' })).toThrow(
      /HELPDESK_REPO=owner\/name[\s\S]*GITHUB_TOKEN/,
    );
    expect(() =>
      ticketServerConfigFromEnv({ HELPDESK: 'github', HELPDESK_REPO: 'just-a-name', GITHUB_TOKEN: 't' }),
    ).toThrow(/HELPDESK_REPO="just-a-name" must be owner\/name/);
    expect(() => ticketServerConfigFromEnv({ HELPDESK: 'helpscout' })).toThrow(
      /HELPDESK="helpscout" is not a helpdesk: use "local" \(default\), "github", "zendesk", "freshdesk" or "webhook"/,
    );
    expect(() => ticketServerConfigFromEnv({ SITE_URL: 'support.example.com' })).toThrow(/SITE_URL=/);
    expect(() => ticketServerConfigFromEnv({ TICKET_RATE_LIMIT: 'lots' })).toThrow(
      /TICKET_RATE_LIMIT="lots" must be a whole number of at least 1/,
    );
  });
});

describe('ticketServerConfigFromEnv for Zendesk, Freshdesk and the webhook', () => {
  const problems = (env: Record<string, string>) => {
    try {
      ticketServerConfigFromEnv(env);
    } catch (error) {
      return (error as Error).message.split('\n').slice(1);
    }
    return [];
  };

  it('reads Zendesk from a subdomain or a URL, with the comment visibility and custom field ids', () => {
    const env = { HELPDESK: 'zendesk', ZENDESK_SUBDOMAIN: 'example', ZENDESK_EMAIL: 'bot@example.com' };
    expect(ticketServerConfigFromEnv({ ...env, ZENDESK_API_TOKEN: 't0k3n' }).helpdesk).toEqual({
      helpdesk: 'zendesk',
      baseUrl: 'https://example.zendesk.com',
      email: 'bot@example.com',
      token: 't0k3n',
      commentPublic: true,
      fields: { category: undefined, firstResponseDue: undefined, resolutionDue: undefined },
    });
    const config = ticketServerConfigFromEnv({
      HELPDESK: 'zendesk',
      ZENDESK_URL: 'https://support.example.com/',
      ZENDESK_EMAIL: 'bot@example.com',
      ZENDESK_API_TOKEN: 't',
      ZENDESK_COMMENT_PUBLIC: 'false',
      ZENDESK_FIELD_CATEGORY: '360001',
      ZENDESK_FIELD_RESOLUTION_DUE: '360003',
    }).helpdesk;
    expect(config).toMatchObject({
      baseUrl: 'https://support.example.com',
      commentPublic: false,
      fields: { category: 360001, resolutionDue: 360003 },
    });
  });

  it('names every missing or malformed Zendesk variable', () => {
    expect(problems({ HELPDESK: 'zendesk' })).toEqual([
      '  - HELPDESK=zendesk needs ZENDESK_SUBDOMAIN: "example" for example.zendesk.com (or ZENDESK_URL, the full address)',
      '  - HELPDESK=zendesk needs ZENDESK_EMAIL: the e-mail address of the agent the API token belongs to',
      '  - HELPDESK=zendesk needs ZENDESK_API_TOKEN: an API token (Admin Center > Apps and integrations > APIs)',
    ]);
    expect(
      problems({
        HELPDESK: 'zendesk',
        ZENDESK_SUBDOMAIN: 'example.zendesk.com',
        ZENDESK_EMAIL: 'bot',
        ZENDESK_API_TOKEN: 't',
        ZENDESK_COMMENT_PUBLIC: 'maybe',
        ZENDESK_FIELD_CATEGORY: 'category',
      }),
    ).toEqual([
      '  - ZENDESK_SUBDOMAIN="example.zendesk.com" must be the subdomain alone: "example" for example.zendesk.com',
      `  - ZENDESK_EMAIL="bot" must be an agent's e-mail address, e.g. support-bot@example.com`,
      '  - ZENDESK_COMMENT_PUBLIC="maybe" must be true or false (default true)',
      '  - ZENDESK_FIELD_CATEGORY="category" must be the numeric id of a Zendesk ticket field (Admin Center > Objects and rules > Tickets > Fields)',
    ]);
    expect(problems({ HELPDESK: 'zendesk', ZENDESK_SUBDOMAIN: 'a', ZENDESK_URL: 'https://a.zendesk.com' })[0]).toMatch(
      /set ZENDESK_SUBDOMAIN or ZENDESK_URL, not both/,
    );
  });

  it('reads Freshdesk from a name, a host or a URL, and names what is missing or malformed', () => {
    const config = (domain: string) =>
      ticketServerConfigFromEnv({ HELPDESK: 'freshdesk', FRESHDESK_DOMAIN: domain, FRESHDESK_API_KEY: 'k' }).helpdesk;
    expect(config('example')).toMatchObject({ baseUrl: 'https://example.freshdesk.com', apiKey: 'k' });
    expect(config('example.freshdesk.com')).toMatchObject({ baseUrl: 'https://example.freshdesk.com' });
    expect(config('http://127.0.0.1:8080')).toMatchObject({ baseUrl: 'http://127.0.0.1:8080' });
    expect(problems({ HELPDESK: 'freshdesk' })).toEqual([
      '  - HELPDESK=freshdesk needs FRESHDESK_DOMAIN: your Freshdesk address, e.g. example.freshdesk.com',
      "  - HELPDESK=freshdesk needs FRESHDESK_API_KEY: an agent's API key (Profile settings > View API key)",
    ]);
    expect(
      problems({
        HELPDESK: 'freshdesk',
        FRESHDESK_DOMAIN: 'example.freshdesk.com/a',
        FRESHDESK_API_KEY: 'k',
        FRESHDESK_FIELD_CATEGORY: 'Category',
      }),
    ).toEqual([
      '  - FRESHDESK_DOMAIN="example.freshdesk.com/a" must be a host name, e.g. example.freshdesk.com',
      '  - FRESHDESK_FIELD_CATEGORY="Category" must be the API name of a custom ticket field, e.g. cf_dialtone_category',
    ]);
  });

  it('reads the webhook, and refuses plain http off loopback and a short secret', () => {
    const secret = 'k'.repeat(32);
    expect(
      ticketServerConfigFromEnv({
        HELPDESK: 'webhook',
        WEBHOOK_URL: 'https://hooks.example.com/t',
        WEBHOOK_SECRET: secret,
      }).helpdesk,
    ).toEqual({ helpdesk: 'webhook', url: 'https://hooks.example.com/t', secret });
    expect(problems({ HELPDESK: 'webhook' })).toEqual([
      '  - HELPDESK=webhook needs WEBHOOK_URL: the https address that receives each ticket as a signed POST',
      '  - HELPDESK=webhook needs WEBHOOK_SECRET: a random secret shared with the receiver (openssl rand -hex 32)',
    ]);
    expect(
      problems({ HELPDESK: 'webhook', WEBHOOK_URL: 'http://hooks.example.com/t', WEBHOOK_SECRET: 'short' }),
    ).toEqual([
      `  - WEBHOOK_URL="http://hooks.example.com/t" must use https: tickets carry customers' names, e-mails and numbers`,
      '  - WEBHOOK_SECRET must be at least 32 characters (it has 5): openssl rand -hex 32',
    ]);
    expect(problems({ HELPDESK: 'webhook', WEBHOOK_URL: 'http://127.0.0.1:9000/t', WEBHOOK_SECRET: secret })).toEqual(
      [],
    );
  });
});

describe('createRateLimiter', () => {
  it('allows a burst, then one ticket per refill period', () => {
    const limiter = createRateLimiter({ burst: 3, refillEveryMs: 10_000 });
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take('a', t).allowed)).toEqual([true, true, true]);
    expect(limiter.take('a', t)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take('b', t).allowed).toBe(true);
    expect(limiter.take('a', t + 4_000)).toEqual({ allowed: false, retryAfterSeconds: 6 });
    expect(limiter.take('a', t + 10_000).allowed).toBe(true);
    expect(limiter.take('a', t + 10_000).allowed).toBe(false);
  });

  it('forgets the least recently seen clients beyond its limit', () => {
    const limiter = createRateLimiter({ burst: 1, refillEveryMs: 60_000, maxClients: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0); // 'a' is forgotten: a full bucket again
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('c', 0).allowed).toBe(false);
  });
});

describe('the delivery loop when the outbox fails', () => {
  it('puts a ticket whose delivery could not be recorded back in the queue instead of leaving it "sending"', async () => {
    const outbox = new Outbox(join(temp.dir, 'outbox.sqlite'));
    const filed = new Date(); // the loop runs on the real clock: the ticket must be due now
    const { stored } = outbox.store(ticket('disk-full-key-000001'), deriveTicket(ticket(), policy, filed), filed);
    // The disk fills up: neither the delivery nor the retry can be written, once.
    const failing = new Set<PropertyKey>(['markDelivered', 'markRetry']);
    const flaky = new Proxy(outbox, {
      get(target, property, receiver) {
        if (failing.has(property)) {
          return () => {
            failing.delete(property);
            throw new Error('disk full');
          };
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const events: string[] = [];
    const loop = startDelivery({
      outbox: flaky,
      adapter: createLocalAdapter(),
      baseDelayMs: 10,
      idlePollMs: 20,
      onEvent: (event) => events.push(event.type),
    });
    try {
      await waitFor(
        'delivery after the failed write',
        () => outbox.get(stored.reference)?.state === 'delivered',
        3_000,
      );
      expect(events).toContain('error');
      expect(outbox.list()).toHaveLength(1);
    } finally {
      await loop.stop();
      outbox.close();
    }
  });
});
