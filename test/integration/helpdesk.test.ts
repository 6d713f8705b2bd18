// The outbox, the local helpdesk, configuration and the rate limiter.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  createRateLimiter,
  createLocalAdapter,
  createTicketRuntime,
  handleTicketRequest,
  SqliteOutbox,
  startDelivery,
  ticketServerConfigFromEnv,
  type DeliveryEvent,
} from '../../src/helpdesk/index.ts';
import { deriveTicket, ticketSchema } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { waitFor } from './support/fake-github.ts';
import { tempDir, ticketRequest } from './support/tickets.ts';

const policy = defaultPolicy();
const ticket = (key = 'outbox-test-key-0001') => ticketSchema.parse(ticketInput({ idempotencyKey: key }));

let temp: ReturnType<typeof tempDir>;
beforeEach(() => {
  temp = tempDir();
});
afterEach(() => temp.remove());

describe('the local helpdesk (default, no configuration)', () => {
  it('stores a ticket from the endpoint delivered in the local inbox, in the same commit', async () => {
    const events: DeliveryEvent[] = [];
    const runtime = createTicketRuntime({
      env: { OUTBOX_PATH: join(temp.dir, 'outbox.sqlite') },
      onEvent: (event) => events.push(event),
    });
    try {
      const response = await handleTicketRequest(ticketRequest(ticketInput()), {
        ...runtime.deps,
        clientAddress: '127.0.0.1',
      });
      expect(response.status).toBe(202);
      const { reference } = (await response.json()) as { reference: string };
      // Delivered as it was stored: no lease, no attempt, nothing for the delivery loop to do.
      expect(await runtime.outbox.get(reference)).toMatchObject({
        state: 'delivered',
        externalId: reference,
        attempts: 0,
        claimedBy: null,
      });
      expect(events).toEqual([]);
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
      outboxUrl: undefined,
      siteUrl: undefined,
      trustProxy: 0,
      rateLimitBurst: 5,
      rateLimitGlobal: 600,
      delivery: { lookupDelayMs: 30_000, minRetryMs: 5_000, maxRetryMs: 900_000 },
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
      OUTBOX_URL: 'postgres://dialtone:secret@db.internal:5432/dialtone',
      TRUST_PROXY: '2',
      TICKET_RATE_LIMIT: '20',
      TICKET_RATE_LIMIT_GLOBAL: '1000',
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
      outboxUrl: 'postgres://dialtone:secret@db.internal:5432/dialtone',
      siteUrl: 'https://support.example.com',
      trustProxy: 2,
      rateLimitBurst: 20,
      rateLimitGlobal: 1000,
      delivery: { lookupDelayMs: 30_000, minRetryMs: 5_000, maxRetryMs: 900_000 },
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
    expect(() => ticketServerConfigFromEnv({ OUTBOX_URL: 'mysql://db/x' })).toThrow(
      /OUTBOX_URL must be a PostgreSQL URL/,
    );
    expect(() => ticketServerConfigFromEnv({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY="true" must be the number of reverse proxies in front of the server: 0 \(default\) for none, 1 for one/,
    );
    const github = { HELPDESK: 'github', HELPDESK_REPO: 'example/tickets', GITHUB_TOKEN: 't' };
    expect(() => ticketServerConfigFromEnv({ ...github, GITHUB_API_URL: 'http://ghe.example.com/api/v3' })).toThrow(
      /GITHUB_API_URL="http:\/\/ghe.example.com\/api\/v3" must use https:\/\//,
    );
    for (const loopback of ['http://127.0.0.1:8080', 'http://localhost:3000/api/v3', 'http://[::1]:9000']) {
      expect(ticketServerConfigFromEnv({ ...github, GITHUB_API_URL: loopback }).helpdesk).toMatchObject({
        apiUrl: loopback.replace(/\/$/, ''),
      });
    }
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
    const outbox = new SqliteOutbox(join(temp.dir, 'outbox.sqlite'));
    const filed = new Date(); // the loop runs on the real clock: the ticket must be due now
    const { stored } = await outbox.store(ticket('disk-full-key-000001'), deriveTicket(ticket(), policy, filed), filed);
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
      minRetryMs: 10,
      lookupDelayMs: 10,
      idlePollMs: 20,
      onEvent: (event) => events.push(event.type),
    });
    try {
      await waitFor(
        'delivery after the failed write',
        async () => (await outbox.get(stored.reference))?.state === 'delivered',
        3_000,
      );
      expect(events).toContain('error');
      expect(await outbox.list()).toHaveLength(1);
    } finally {
      await loop.stop();
      await outbox.close();
    }
  });
});
