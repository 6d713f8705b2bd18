// POST /api/tickets through handleTicketRequest: the contract, the guards, and a fuzz test that it never fails.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createGitHubAdapter,
  addressKey,
  createRateLimiter,
  handleTicketRequest,
  SqliteOutbox,
  startDelivery,
  type TicketRequestDeps,
} from '../../src/helpdesk/index.ts';
import type { FieldError } from '../../src/lib/errors.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { ticketRequest } from './support/tickets.ts';

const policy = defaultPolicy();
let outbox: SqliteOutbox;
let deps: TicketRequestDeps;

beforeEach(() => {
  outbox = new SqliteOutbox(':memory:');
  deps = { policy, outbox, now: () => new Date('2026-11-24T15:00:00Z') };
});
afterEach(() => outbox.close());

/** What the endpoint answers: the 202 fields, or the errors of a 4xx. */
interface EndpointBody {
  reference: string;
  priority: string;
  firstResponseDue: string;
  errors: FieldError[];
}

async function post(body: unknown, headers: Record<string, string> = {}, over: Partial<TicketRequestDeps> = {}) {
  const response = await handleTicketRequest(ticketRequest(body, { headers }), { ...deps, ...over });
  return { status: response.status, headers: response.headers, body: (await response.json()) as EndpointBody };
}

describe('POST /api/tickets', () => {
  it('stores the ticket and answers 202 with reference, priority and first response due', async () => {
    const { status, body, headers } = await post(ticketInput());
    expect(status).toBe(202);
    expect(body).toEqual({
      reference: expect.stringMatching(/^DT-20261124-[0-9A-HJKMNP-TV-Z]{5}$/),
      priority: 'high',
      firstResponseDue: '2026-11-24T16:00:00Z',
    });
    expect(headers.get('cache-control')).toBe('no-store');
    const stored = (await outbox.get(body.reference))!;
    expect(stored.state).toBe('pending');
    expect(stored.derived.submittedAt).toBe('2026-11-24T10:00:00-05:00');
  });

  it('re-derives priority and times on the server, ignoring what the client claims', async () => {
    const claimed = {
      ...ticketInput(),
      priority: 'critical',
      submittedAt: '2020-01-01T00:00:00Z',
      firstResponseDue: 'now',
    };
    const { body } = await post(claimed);
    expect(body.priority).toBe('high');
    expect((await outbox.get(body.reference))!.derived.submittedAt).toBe('2026-11-24T10:00:00-05:00');
  });

  it('gives the same reference for the same idempotency key, and stores one ticket', async () => {
    const stored: string[] = [];
    const first = await post(ticketInput(), {}, { onStored: (t) => stored.push(t.reference) });
    const second = await post(ticketInput(), {}, { onStored: (t) => stored.push(t.reference) });
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(await outbox.list()).toHaveLength(1);
    expect(stored).toEqual([first.body.reference]);
  });

  it('answers 409 to the same idempotency key with a different ticket', async () => {
    await post(ticketInput());
    const edited = await post(ticketInput({ subject: 'Front desk phone shows No Service since 8' }));
    expect(edited.status).toBe(409);
    expect(edited.body.errors).toEqual([
      {
        path: 'idempotencyKey',
        message: expect.stringMatching(
          /already used for a different ticket: send the edited ticket with a new idempotencyKey/,
        ),
      },
    ]);
    expect(await outbox.list()).toHaveLength(1);
    // The form's new key for the edited draft goes through.
    const renewed = ticketInput({
      subject: 'Front desk phone shows No Service since 8',
      idempotencyKey: 'edited-draft-key-00001',
    });
    expect((await post(renewed)).status).toBe(202);
  });

  it('answers 400, not 500, to deeply nested JSON', async () => {
    const nested = [
      '['.repeat(60_000),
      `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
      `{"subject":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`,
    ];
    for (const body of nested) {
      const { status, body: answer } = await post(body);
      expect(status).toBe(400);
      expect(answer.errors[0]!.message).toMatch(/nested more than 32 levels deep/);
    }
    // Brackets inside strings are text, not nesting.
    const bracketed = ticketInput({ description: `Pressing ${'['.repeat(100)} on the keypad does nothing at all` });
    expect((await post(bracketed)).status).toBe(202);
  });

  it('strips control and invisible characters before counting, and refuses a subject made only of them', async () => {
    const invisible = '\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\ufeff\u00ad\u0007\u001b\u0085\u009b';
    const blank = await post(ticketInput({ subject: `${invisible}${invisible}` }));
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0]).toMatchObject({ path: 'subject' });
    const padded = await post(
      ticketInput({
        idempotencyKey: 'invisible-key-000001',
        subject: `Ph${invisible}one${'\u200b'.repeat(200)} down`,
        description: 'Line one\nline\u001b[31m two is here',
      }),
    );
    expect(padded.status).toBe(202);
    const stored = (await outbox.get(padded.body.reference))!;
    expect(stored.ticket.subject).toBe('Phone down');
    expect(stored.ticket.description).toBe('Line one\nline[31m two is here');
  });

  it('rejects invalid tickets with an error per field', async () => {
    const { status, body } = await post(ticketInput({ affectedUsers: 99, contact: undefined as never }));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        path: 'contact',
        message: 'is missing: it must give your name, e-mail, a callback number and your company',
        missing: true,
      },
      { path: 'affectedUsers', message: 'must not be more than totalUsers (40)' },
    ]);
  });

  it('rejects a filled honeypot', async () => {
    const { status, body } = await post(ticketInput({ website: 'https://spam.example' }));
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ path: 'website', message: 'must be left empty' }]);
    expect(await outbox.list()).toHaveLength(0);
  });

  it('rejects JSON syntax errors with line and column', async () => {
    const { status, body } = await post('{\n  "category": "outage",\n}');
    expect(status).toBe(400);
    expect(body.errors[0]!.message).toMatch(/^invalid JSON at line 3, column 1/);
  });

  it('accepts same-origin and SITE_URL origins, forbids others', async () => {
    expect((await post(ticketInput(), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(ticketInput(), { origin: 'null' })).status).toBe(403);
    const site = { siteUrl: 'https://support.example.com' };
    expect((await post(ticketInput(), { origin: 'https://support.example.com' }, site)).status).toBe(202);
    expect((await post(ticketInput({ idempotencyKey: 'another-key-00000001' }), {}, site)).status).toBe(202);
  });

  it('answers 405 to other methods and 415 to other media types', async () => {
    const get = await handleTicketRequest(new Request('http://127.0.0.1:4321/api/tickets'), deps);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await post(ticketInput(), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(ticketInput(), { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post(ticketInput(), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(202);
  });

  it('answers 413 over the body cap, by Content-Length and by the bytes actually sent', async () => {
    const big = ticketInput({ description: 'x'.repeat(5000) });
    expect((await post(big, {}, { maxBodyBytes: 1024 })).status).toBe(413);
    // A chunked body without Content-Length: the cap counts the bytes as they arrive.
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const request = new Request('http://127.0.0.1:4321/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    const response = await handleTicketRequest(request, deps);
    expect(response.status).toBe(413);
    expect(((await response.json()) as EndpointBody).errors[0]!.message).toMatch(/larger than 65536 bytes/);
  });

  it('rejects a body that is not UTF-8', async () => {
    const request = new Request('http://127.0.0.1:4321/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect((await handleTicketRequest(request, deps)).status).toBe(400);
  });

  it('rate-limits per client with Retry-After, trusting X-Forwarded-For only behind a proxy', async () => {
    const limited = {
      rateLimiter: createRateLimiter({ burst: 2, refillEveryMs: 30_000 }),
      clientAddress: '10.0.0.1',
    };
    const key = (i: number) => ticketInput({ idempotencyKey: `rate-limit-key-${i}-000000` });
    expect((await post(key(1), {}, limited)).status).toBe(202);
    expect((await post(key(2), { 'x-forwarded-for': '203.0.113.9' }, limited)).status).toBe(202);
    const third = await post(key(3), { 'x-forwarded-for': '203.0.113.10' }, limited);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(third.body.errors[0]!.message).toMatch(/too many tickets/);
    // Behind a trusted proxy the client is the hop the proxy appended (the last one): a made-up hop in front
    // of it does not give a fresh allowance.
    const proxied = { ...limited, trustProxy: 1 };
    expect((await post(key(4), { 'x-forwarded-for': '203.0.113.10' }, proxied)).status).toBe(202);
    expect((await post(key(5), { 'x-forwarded-for': '198.51.100.1, 203.0.113.10' }, proxied)).status).toBe(202);
    expect((await post(key(6), { 'x-forwarded-for': '198.51.100.2, 203.0.113.10' }, proxied)).status).toBe(429);
    // Two proxies (a CDN, then a load balancer): the client is the second hop from the right.
    const twoHops = { ...limited, trustProxy: 2 };
    const viaCdn = (made: string) => ({ 'x-forwarded-for': `${made}, 192.0.2.50, 10.1.1.1` });
    expect((await post(key(7), viaCdn('198.51.100.3'), twoHops)).status).toBe(202);
    expect((await post(key(8), viaCdn('198.51.100.4'), twoHops)).status).toBe(202);
    expect((await post(key(9), viaCdn('198.51.100.5'), twoHops)).status).toBe(429);
  });

  it('puts a whole IPv6 /64 in one bucket, and an IPv4-mapped address with its IPv4 address', async () => {
    const rateLimiter = createRateLimiter({ burst: 2, refillEveryMs: 60_000 });
    const key = (i: number) => ticketInput({ idempotencyKey: `ipv6-key-${i}-00000000` });
    const from = (clientAddress: string) => ({ rateLimiter, clientAddress });
    expect((await post(key(1), {}, from('2001:db8:1:2::1'))).status).toBe(202);
    expect((await post(key(2), {}, from('2001:db8:1:2:ffff:ffff:ffff:fffe'))).status).toBe(202);
    expect((await post(key(3), {}, from('2001:db8:1:2:aaaa::9'))).status).toBe(429);
    expect((await post(key(4), {}, from('2001:db8:1:3::1'))).status).toBe(202);
    expect((await post(key(5), {}, from('::ffff:203.0.113.7'))).status).toBe(202);
    expect((await post(key(6), {}, from('203.0.113.7'))).status).toBe(202);
    expect((await post(key(7), {}, from('::ffff:cb00:7107'))).status).toBe(429);
  });

  it('keys clients by network', () => {
    expect(addressKey('2001:DB8:0:0:1::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('[2001:db8::1]:443')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey('203.0.113.9:51234')).toBe('203.0.113.9');
    expect(addressKey('not an address')).toBe('not an address');
  });

  it('refuses everyone beyond the global ceiling, whichever client sends', async () => {
    const rateLimiter = createRateLimiter({ burst: 5, globalPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const ticket = ticketInput({ idempotencyKey: `global-key-${i}-0000000` });
      statuses.push((await post(ticket, {}, { rateLimiter, clientAddress: `198.51.100.${i}` })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it('says once when X-Forwarded-For arrives but no proxy is trusted', async () => {
    let told = 0;
    const over = { onUntrustedForwardedFor: () => told++ };
    await post(ticketInput(), {}, over);
    expect(told).toBe(0);
    await post(ticketInput({ idempotencyKey: 'xff-key-0000000001' }), { 'x-forwarded-for': '203.0.113.1' }, over);
    expect(told).toBe(1);
    await post(
      ticketInput({ idempotencyKey: 'xff-key-0000000002' }),
      { 'x-forwarded-for': '203.0.113.1' },
      { ...over, trustProxy: 1 },
    );
    expect(told).toBe(1);
  });

  it('answers a retry of a stored ticket with its reference even when the client is over the limit', async () => {
    const limited = { rateLimiter: createRateLimiter({ burst: 1, refillEveryMs: 60_000 }), clientAddress: '10.0.0.7' };
    const first = await post(ticketInput(), {}, limited);
    expect(first.status).toBe(202);
    const retry = await post(ticketInput(), {}, limited);
    expect(retry.status).toBe(202);
    expect(retry.body.reference).toBe(first.body.reference);
    const another = await post(ticketInput({ idempotencyKey: 'a-different-key-0000001' }), {}, limited);
    expect(another.status).toBe(429);
  });

  it('does not count a retry of a stored ticket against the client allowance', async () => {
    const limited = { rateLimiter: createRateLimiter({ burst: 2, refillEveryMs: 60_000 }), clientAddress: '10.0.0.8' };
    const first = await post(ticketInput({ idempotencyKey: 'allowance-key-00000001' }), {}, limited);
    for (let i = 0; i < 3; i++) {
      const retry = await post(ticketInput({ idempotencyKey: 'allowance-key-00000001' }), {}, limited);
      expect([retry.status, retry.body.reference]).toEqual([202, first.body.reference]);
    }
    expect((await post(ticketInput({ idempotencyKey: 'allowance-key-00000002' }), {}, limited)).status).toBe(202);
    expect((await post(ticketInput({ idempotencyKey: 'allowance-key-00000003' }), {}, limited)).status).toBe(429);
  });

  it('lets the configured site post from another origin (CORS), and nobody else', async () => {
    const site = { siteUrl: 'https://support.example.com' };
    const preflight = await handleTicketRequest(
      new Request('https://tickets.example.net/api/tickets', {
        method: 'OPTIONS',
        headers: { origin: 'https://support.example.com', 'access-control-request-method': 'POST' },
      }),
      { ...deps, ...site },
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://support.example.com');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');

    const cross = await handleTicketRequest(
      ticketRequest(ticketInput(), {
        headers: { origin: 'https://support.example.com' },
        url: 'https://tickets.example.net/api/tickets',
      }),
      { ...deps, ...site },
    );
    expect(cross.status).toBe(202);
    expect(cross.headers.get('access-control-allow-origin')).toBe('https://support.example.com');
    expect(cross.headers.get('vary')).toBe('origin');

    const stranger = await handleTicketRequest(
      new Request('https://tickets.example.net/api/tickets', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example' },
      }),
      { ...deps, ...site },
    );
    expect(stranger.status).toBe(405);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    // Same origin needs no CORS headers.
    const same = await post(
      ticketInput({ idempotencyKey: 'same-origin-key-000001' }),
      { origin: 'http://127.0.0.1:4321' },
      site,
    );
    expect(same.status).toBe(202);
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 503 (not a crash) when the outbox cannot store', async () => {
    const broken = {
      store: () => {
        throw new Error('disk full');
      },
    };
    const { status, headers, body } = await post(ticketInput(), {}, { outbox: broken });
    expect(status).toBe(503);
    expect(headers.get('retry-after')).toBe('60');
    expect(body.errors[0]!.message).toMatch(/support@example\.com/);
  });

  it('answers 202 with a reference while the helpdesk is unreachable', async () => {
    const adapter = createGitHubAdapter({
      token: 'x',
      owner: 'example',
      repo: 'support-tickets',
      baseUrl: 'http://127.0.0.1:9', // nothing listens on the discard port
      requestTimeoutMs: 200,
    });
    const loop = startDelivery({ outbox, adapter, baseDelayMs: 10_000, lookupDelayMs: 10_000 });
    try {
      const now = () => new Date();
      const { status, body } = await post(ticketInput(), {}, { now, onStored: () => loop.wake() });
      expect(status).toBe(202);
      const reference = body.reference;
      for (let i = 0; i < 100 && (await outbox.get(reference))!.lastError === null; i++)
        await new Promise((r) => setTimeout(r, 20));
      const stored = (await outbox.get(reference))!;
      expect(stored.attempts).toBe(1);
      expect(stored.state).toBe('pending');
      expect(stored.lastError).toMatch(/^ambiguous: no answer from GitHub/);
    } finally {
      await loop.stop();
    }
  });
});

describe('fuzzing POST /api/tickets', () => {
  const valid = ticketInput();
  const fieldNames = Object.keys(valid) as Array<keyof typeof valid>;
  const junk = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.constant(''),
    fc.array(fc.string(), { maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );
  /** A valid ticket with some fields replaced by junk or removed. */
  const damagedTicket = fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...fieldNames), junk, { maxKeys: 4 }),
      remove: fc.subarray(fieldNames, { maxLength: 3 }),
      nested: fc.option(fc.record({ name: junk, email: junk, callbackNumber: junk })),
    })
    .map(({ replace, remove, nested }) => {
      const ticket: Record<string, unknown> = { ...valid, ...replace };
      for (const field of remove) delete ticket[field];
      if (nested) ticket.contact = { ...valid.contact, ...nested };
      return JSON.stringify(ticket);
    });
  const body = fc.oneof(
    fc.constant(JSON.stringify(valid)),
    damagedTicket,
    fc.json(),
    fc.string({ unit: 'binary', maxLength: 500 }),
    fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
    fc.constant('{"category":'),
    fc.constant(''),
  );

  it('always answers 202 or 4xx with field errors; never 5xx, never a throw', async () => {
    let seen202 = 0;
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const response = await handleTicketRequest(ticketRequest(text), deps);
        const json = (await response.json()) as { errors?: Array<{ path: unknown; message: unknown }> };
        if (response.status === 202) {
          seen202++;
          return;
        }
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(json.errors!.length).toBeGreaterThan(0);
        for (const error of json.errors!) {
          expect(typeof error.path).toBe('string');
          expect(typeof error.message).toBe('string');
          expect(error.message).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
    expect(seen202).toBeGreaterThan(0);
  });

  it('accepts every valid variation with 202', async () => {
    const validTicket = fc.record({
      category: fc.constantFrom('outage', 'voicemail', 'question', 'registration' as const),
      serviceState: fc.constantFrom('down', 'degraded', 'intermittent', 'not-affected' as const),
      totalUsers: fc.integer({ min: 1, max: 5000 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      previouslyWorking: fc.boolean(),
      workaround: fc.boolean(),
      key: fc.uuid(),
    });
    await fc.assert(
      fc.asyncProperty(validTicket, async (v) => {
        const affected = v.serviceState === 'not-affected' ? 0 : Math.max(1, Math.floor(v.share * v.totalUsers));
        const ticket = ticketInput({
          category: v.category,
          serviceState: v.serviceState,
          totalUsers: v.totalUsers,
          affectedUsers: affected,
          previouslyWorking: v.previouslyWorking,
          workaround: v.workaround,
          idempotencyKey: v.key,
        });
        const response = await handleTicketRequest(ticketRequest(ticket), deps);
        expect(response.status).toBe(202);
      }),
      { numRuns: 150 },
    );
  });
});
