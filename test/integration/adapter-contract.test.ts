// One contract for every helpdesk: N tickets in, exactly one helpdesk ticket per reference out, with the right
// requester, priority, tags and reference, through 503s, hangs, 429s, create-then-502, revoked credentials and
// a delivery process killed with SIGKILL mid-request. Each adapter runs against its own fake API on 127.0.0.1.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAdapter,
  SqliteOutbox,
  startDelivery,
  ticketServerConfigFromEnv,
  type DeliveryLoop,
  type DeliveryOptions,
} from '../../src/helpdesk/index.ts';
import type { Priority } from '../../src/lib/policy/index.ts';
import { FRESHDESK_PRIORITY, ZENDESK_PRIORITY } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { startFakeFreshdesk } from './support/fake-freshdesk.ts';
import { startFakeGitHub, waitFor, type Fault } from './support/fake-github.ts';
import { startFakeWebhook } from './support/fake-webhook.ts';
import { startFakeZendesk } from './support/fake-zendesk.ts';
import { fileTickets, tempDir } from './support/tickets.ts';

/** A ticket as the helpdesk holds it, in our terms. */
interface Held {
  externalId: string;
  reference: string;
  email: string;
  priority: Priority;
  category: string;
  review: boolean;
  /** What an agent reads: the rendered body (HTML, Markdown) or, for the webhook, the JSON received. */
  body: string;
}

interface Harness {
  env: Record<string, string>;
  held(): Held[];
  failNext(route: 'create' | 'lookup', ...faults: Fault[]): void;
  createTimes(): number[];
  lookups(): number;
  revoke(): void;
  restore(): void;
  /** After an ambiguous create: true, the adapter finds the ticket; false, it sends it again under the same key. */
  looksUp: boolean;
  close(): Promise<void>;
}

const REFERENCE = /DT-\d{8}-[0-9A-Z]{5}/;
const reverse = <V>(map: Record<Priority, V>, value: V) =>
  (Object.keys(map) as Priority[]).find((p) => map[p] === value)!;

const HELPDESKS: Array<[string, () => Promise<Harness>]> = [
  [
    'github',
    async () => {
      const fake = await startFakeGitHub();
      return {
        env: {
          HELPDESK: 'github',
          HELPDESK_REPO: 'example/support-tickets',
          GITHUB_TOKEN: fake.token,
          GITHUB_API_URL: fake.baseUrl,
        },
        held: () =>
          fake.issues.map((issue) => ({
            externalId: String(issue.number),
            reference: REFERENCE.exec(issue.title)![0],
            email: /\*\*E-mail:\*\* `([^`]+)`/.exec(issue.body)![1]!,
            priority: issue.labels.find((l) => l.startsWith('priority: '))!.slice(10) as Priority,
            category: issue.labels.find((l) => l.startsWith('category: '))!.slice(10),
            review: issue.labels.includes('needs-priority-review'),
            body: issue.body,
          })),
        failNext: (route, ...faults) => fake.failNext(route === 'create' ? 'create' : 'list', ...faults),
        createTimes: () => fake.requests.filter((r) => r.route === 'create').map((r) => r.at),
        lookups: () => fake.requests.filter((r) => r.route === 'list').length,
        revoke: () => fake.setToken('rotated-token'),
        restore: () => fake.setToken('test-token'),
        looksUp: true,
        close: () => fake.close(),
      };
    },
  ],
  [
    'zendesk',
    async () => {
      const fake = await startFakeZendesk();
      return {
        env: fake.env,
        held: () =>
          fake.tickets.map((t) => ({
            externalId: String(t.id),
            reference: t.external_id,
            email: t.requester.email,
            priority: reverse(ZENDESK_PRIORITY, t.priority as 'urgent'),
            category: t.tags.find((tag) => tag.startsWith('category-'))!.slice(9),
            review: t.tags.includes('needs-priority-review'),
            body: t.comment.html_body!,
          })),
        failNext: (route, ...faults) => fake.failNext(route, ...faults),
        createTimes: () => fake.requests.filter((r) => r.route === 'create').map((r) => r.at),
        lookups: () => fake.requests.filter((r) => r.route === 'lookup').length,
        revoke: () => fake.setToken('revoked'),
        restore: () => fake.setToken(fake.env.ZENDESK_API_TOKEN!),
        looksUp: true,
        close: () => fake.close(),
      };
    },
  ],
  [
    'freshdesk',
    async () => {
      const fake = await startFakeFreshdesk();
      return {
        env: fake.env,
        held: () =>
          fake.tickets.map((t) => ({
            externalId: String(t.id),
            reference: t.tags.find((tag) => REFERENCE.test(tag))!,
            email: t.email,
            priority: reverse(FRESHDESK_PRIORITY, t.priority as 1),
            category: t.tags.find((tag) => tag.startsWith('category-'))!.slice(9),
            review: t.tags.includes('needs-priority-review'),
            body: t.description,
          })),
        failNext: (route, ...faults) => fake.failNext(route === 'create' ? 'create' : 'search', ...faults),
        createTimes: () => fake.requests.filter((r) => r.route === 'create').map((r) => r.at),
        lookups: () => fake.requests.filter((r) => r.route === 'search' || r.route === 'list').length,
        revoke: () => fake.setApiKey('revoked'),
        restore: () => fake.setApiKey(fake.env.FRESHDESK_API_KEY!),
        looksUp: true,
        close: () => fake.close(),
      };
    },
  ],
  [
    'webhook',
    async () => {
      const fake = await startFakeWebhook();
      return {
        env: fake.env,
        held: () =>
          fake.tickets.map((t) => ({
            externalId: t.id,
            reference: t.payload.reference,
            email: t.payload.ticket.contact.email,
            priority: t.payload.priority,
            category: t.payload.ticket.category,
            review: t.payload.needsPriorityReview,
            body: JSON.stringify(t.payload),
          })),
        failNext: (route, ...faults) => {
          if (route === 'create') fake.failNext('create', ...faults);
        },
        createTimes: () => fake.requests.filter((r) => r.route === 'create').map((r) => r.at),
        lookups: () => 0,
        revoke: () => fake.setSecret('a-different-secret-the-receiver-was-given'),
        restore: () => fake.setSecret(fake.env.WEBHOOK_SECRET!),
        looksUp: false,
        close: () => fake.close(),
      };
    },
  ],
];

const policy = defaultPolicy();
let temp: ReturnType<typeof tempDir>;
let outbox: SqliteOutbox;
let loops: DeliveryLoop[];

beforeEach(() => {
  temp = tempDir();
  outbox = new SqliteOutbox(join(temp.dir, 'outbox.sqlite'));
  loops = [];
});

afterEach(async () => {
  for (const loop of loops) await loop.stop();
  await outbox.close();
  temp.remove();
});

const deps = () => ({ policy, outbox, now: () => new Date() });
const allDelivered = (references: string[]) => async () =>
  (await Promise.all(references.map((r) => outbox.get(r)))).every((t) => t?.state === 'delivered');

function deliver(env: Record<string, string>, over: Partial<DeliveryOptions> = {}): DeliveryLoop {
  const adapter = createAdapter(ticketServerConfigFromEnv(env).helpdesk, { requestTimeoutMs: 400 });
  const loop = startDelivery({
    outbox,
    adapter,
    baseDelayMs: 20,
    maxDelayMs: 200,
    rejectedRetryMs: 300,
    minRetryMs: 20,
    lookupDelayMs: 50,
    idlePollMs: 50,
    ...over,
  });
  loops.push(loop);
  return loop;
}

describe.each(HELPDESKS)('the %s adapter', (_, start) => {
  let helpdesk: Harness;
  beforeEach(async () => {
    helpdesk = await start();
  });
  afterEach(() => helpdesk.close());

  /** Every reference delivered, held exactly once by the helpdesk, under the id the outbox recorded. */
  async function expectExactlyOneEach(references: string[]) {
    const held = helpdesk.held();
    expect(held.map((h) => h.reference).sort()).toEqual([...references].sort());
    for (const reference of references) {
      const stored = (await outbox.get(reference))!;
      expect(stored.state).toBe('delivered');
      expect(stored.externalId).toBe(held.find((h) => h.reference === reference)!.externalId);
    }
  }

  it('delivers each ticket once, with the requester, priority, category, review flag and reference', async () => {
    const references = await fileTickets(deps(), 3, {
      customerUrgency: { requested: 'critical', reason: 'The front desk is our only line' },
    });
    deliver(helpdesk.env);
    await waitFor('3 deliveries', allDelivered(references));
    await expectExactlyOneEach(references);
    for (const held of helpdesk.held()) {
      expect(held).toMatchObject({
        email: 'dana@example.com',
        priority: 'high',
        category: 'registration',
        review: true,
      });
      expect(held.body).toContain(held.reference);
    }
    expect(helpdesk.createTimes()).toHaveLength(3);
  });

  it.each<[string, Fault]>([
    ['a 503', { status: 503 }],
    ['a hang until the request times out', { hang: true }],
  ])('retries after %s without a duplicate', async (_, fault) => {
    helpdesk.failNext('create', fault, fault);
    const references = await fileTickets(deps(), 2);
    deliver(helpdesk.env);
    await waitFor('2 deliveries', allDelivered(references), 8_000);
    await expectExactlyOneEach(references);
  });

  it('finds the ticket created before a 502 instead of creating it again', async () => {
    helpdesk.failNext('create', { createThen: 'status-502' });
    const references = await fileTickets(deps(), 2);
    deliver(helpdesk.env);
    await waitFor('2 deliveries', allDelivered(references), 8_000);
    await expectExactlyOneEach(references);
    if (helpdesk.looksUp) {
      expect(helpdesk.lookups()).toBeGreaterThanOrEqual(1);
      expect(helpdesk.createTimes()).toHaveLength(2);
    } else {
      // Sent again under the same Idempotency-Key: the receiver kept the first.
      expect(helpdesk.createTimes()).toHaveLength(3);
    }
  });

  it('retries a lookup that fails, then still creates nothing twice', async () => {
    helpdesk.failNext('create', { createThen: 'hang' });
    helpdesk.failNext('lookup', { status: 503 }, { hang: true });
    const references = await fileTickets(deps(), 1);
    deliver(helpdesk.env);
    await waitFor('delivery', allDelivered(references), 8_000);
    await expectExactlyOneEach(references);
  });

  it('waits as long as a 429 Retry-After asks, for every ticket', async () => {
    helpdesk.failNext('create', { status: 429, headers: { 'retry-after': '1' } });
    const references = await fileTickets(deps(), 2);
    deliver(helpdesk.env);
    await waitFor('2 deliveries', allDelivered(references), 8_000);
    const [first, second] = helpdesk.createTimes();
    // No request at all during the pause: the other ticket waited too.
    expect(second! - first!).toBeGreaterThanOrEqual(950);
    await expectExactlyOneEach(references);
  });

  it('keeps a rejected ticket as failed for the operator, and delivers it once the credentials are fixed', async () => {
    helpdesk.revoke();
    const [reference] = await fileTickets(deps(), 1);
    deliver(helpdesk.env);
    await waitFor('failed state', async () => (await outbox.get(reference!))?.state === 'failed');
    expect((await outbox.get(reference!))!.lastError).toMatch(/^rejected: .*\(401\)/);
    expect(helpdesk.held()).toHaveLength(0);
    helpdesk.restore();
    await waitFor('delivery after the fix', allDelivered([reference!]), 5_000);
    await expectExactlyOneEach([reference!]);
  });

  it('recovers a ticket caught mid-send by a process killed with SIGKILL: exactly one per reference', async () => {
    const references = await fileTickets(deps(), 3);
    helpdesk.failNext('create', { createThen: 'hang' });
    const child = spawn(process.execPath, [join(import.meta.dirname, 'support/delivery-process.ts'), outbox.location], {
      env: { ...process.env, ...helpdesk.env },
    });
    const exited = once(child, 'exit');
    try {
      await waitFor('the first ticket to be created', () => helpdesk.held().length === 1);
      await waitFor('the ticket to be in flight', async () => (await outbox.list({ state: 'sending' })).length === 1);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const interrupted = (await outbox.list({ state: 'sending' }))[0]!;
    deliver(helpdesk.env, {});
    await waitFor('all deliveries after the restart', allDelivered(references), 10_000);
    await expectExactlyOneEach(references);
    expect((await outbox.get(interrupted.reference))!.maybeCreated).toBe(true);
    expect(helpdesk.createTimes()).toHaveLength(helpdesk.looksUp ? 3 : 4);
  }, 20_000);

  it('keeps hostile customer text inert: no markup, image, mention or link of the customer reaches an agent', async () => {
    const hostile =
      '<img src=https://evil.example/p.png onerror=alert(1)> <script>alert(1)</script> ![x](https://evil.example/x.png) ' +
      '@octocat @agent-name <a href="https://evil.example">reset your password</a> www.evil.example';
    const [reference] = await fileTickets(deps(), 1, { subject: '<b>@octocat</b> help', description: hostile });
    deliver(helpdesk.env);
    await waitFor('delivery', allDelivered([reference!]));
    const { body } = helpdesk.held()[0]!;
    if (body.startsWith('{')) {
      // The webhook carries data, not markup: the receiver gets the exact text, as a JSON string, to escape on display.
      expect(JSON.parse(body).ticket.description).toBe(hostile);
      return;
    }
    for (const live of [
      '<img',
      '<script',
      '<a ',
      '<b>',
      'onerror=alert(1)>',
      '@octocat',
      '@agent',
      'https://evil',
      'www.evil',
    ]) {
      expect(body).not.toContain(live);
    }
  });
});

describe('the local helpdesk', () => {
  it('holds each ticket as itself, also after the delivery process was killed with SIGKILL', async () => {
    const references = await fileTickets(deps(), 3);
    const child = spawn(process.execPath, [join(import.meta.dirname, 'support/delivery-process.ts'), outbox.location], {
      env: { ...process.env, HELPDESK: 'local' },
    });
    const exited = once(child, 'exit');
    await once(child.stdout, 'data');
    child.kill('SIGKILL');
    await exited;
    deliver({ HELPDESK: 'local' });
    await waitFor('local deliveries', allDelivered(references));
    expect(await outbox.list()).toHaveLength(3);
    for (const reference of references) expect((await outbox.get(reference))!.externalId).toBe(reference);
  });
});
