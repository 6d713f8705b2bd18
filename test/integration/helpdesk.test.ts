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
      await waitFor('local delivery', async () => (await runtime.outbox.get(reference))?.state === 'delivered', 3_000);
      expect((await runtime.outbox.get(reference))!.externalId).toBe(reference);
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
    expect(() => ticketServerConfigFromEnv({ HELPDESK: 'zendesk' })).toThrow(/HELPDESK="zendesk" is not a helpdesk/);
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
