// The subscription endpoint's guards, a permanent SMTP refusal kept as failed, and the maintenance reminder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/helpdesk/rate-limit.ts';
import { publishedEvents } from '../../../src/lib/notify/events.ts';
import { startDispatch } from '../../../src/notify/dispatch.ts';
import { handleSubscribe, type SubscriptionDeps } from '../../../src/notify/handler.ts';
import { createSmtpMailer } from '../../../src/notify/senders.ts';
import { SqliteNotifyStore } from '../../../src/notify/sqlite-store.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const SITE = 'https://support.example.com';
let store: SqliteNotifyStore;
let deps: SubscriptionDeps;

beforeEach(() => {
  store = new SqliteNotifyStore(':memory:');
  deps = {
    store,
    secret: 'x'.repeat(40),
    components: [{ id: 'fax', name: 'Fax' }],
    pageName: 'Example Voice status',
    siteUrl: SITE,
  };
});
afterEach(() => store.close());

function post(body: string, headers: Record<string, string>, over: Partial<SubscriptionDeps> = {}) {
  const request = new Request(`${SITE}/api/subscriptions`, { method: 'POST', headers, body });
  return handleSubscribe(request, { ...deps, ...over });
}
const json = { 'content-type': 'application/json' };

describe('POST /api/subscriptions guards', () => {
  it('refuses another site, other content types, a filled honeypot, other methods', async () => {
    expect((await post('{"email":"a@b.co"}', { ...json, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('email=a@b.co', { 'content-type': 'text/plain' })).status).toBe(415);
    const bot = await post('{"email":"a@b.co","website":"http://spam"}', json);
    expect([bot.status, await bot.json()]).toEqual([400, { errors: [{ path: 'website', message: 'must be empty' }] }]);
    const get = await handleSubscribe(new Request(`${SITE}/api/subscriptions`), deps);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect(await store.countSubscribers()).toEqual({ pending: 0, confirmed: 0 });
  });

  it('sends a browser form to the pending page, and its errors as a page', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: SITE };
    const ok = await post('email=a%40b.co&maintenance=on', form);
    expect([ok.status, ok.headers.get('location')]).toEqual([303, '/status/subscription/pending/']);
    const bad = await post('email=nope', form);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<li>email: must be an e-mail address');
  });

  it('limits one client to a burst, then answers 429 with Retry-After', async () => {
    const rateLimiter = createRateLimiter({ burst: 2, refillEveryMs: 600_000 });
    const statuses = [];
    for (const n of [1, 2, 3]) {
      const response = await post(`{"email":"n${n}@b.co"}`, json, { rateLimiter, clientAddress: '203.0.113.9' });
      statuses.push([response.status, response.headers.get('retry-after')]);
    }
    expect(statuses).toEqual([
      [202, null],
      [202, null],
      [429, '600'],
    ]);
  });
});

describe('sending', () => {
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
  });
  afterEach(() => smtp.stop());

  it('keeps a message the mail server refuses for good (5xx) as failed, with the reply, and sends no copy', async () => {
    await store.subscribe({ email: 'gone@example.com', components: [], maintenance: true }, 's1', new Date());
    await store.enqueue(
      [{ channel: 'email', recipient: 's1', eventKey: 'k', body: { subject: 'S', text: 'T', headers: {} } }],
      new Date(),
    );
    smtp.faults.push('reject');
    const events: string[] = [];
    const loop = startDispatch({
      store,
      mailer: createSmtpMailer(smtp.url, 'status@example.com'),
      webhooks: [],
      mailDomain: 'example.com',
      idlePollMs: 50,
      onEvent: (e) => events.push(e.type === 'retry' ? `${e.type}:${e.rejected}` : e.type),
    });
    for (let i = 0; i < 200 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    await loop.stop();
    expect(events).toEqual(['retry:true']);
    const [message] = await store.messages();
    expect(message).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringContaining('SMTP 550') });
    expect(smtp.received).toEqual([]);
  });
});

describe('the maintenance reminder', () => {
  it('comes once the start has passed, and not once the work is over', () => {
    const maintenance = {
      id: 'sbc',
      name: 'SBC upgrade',
      status: 'scheduled',
      impact: 'maintenance',
      shortlink: `${SITE}/status/incidents/sbc/`,
      created_at: '2026-11-30T00:00:00Z',
      updated_at: '2026-11-30T00:00:00Z',
      incident_updates: [],
      components: [{ id: 'fax', name: 'Fax' }],
      scheduled_for: '2026-12-01T06:00:00Z',
      scheduled_until: '2026-12-01T08:00:00Z',
    };
    const page = { id: 'status', name: 'Example Voice status', url: `${SITE}/status/` };
    const at = (iso: string) =>
      publishedEvents({ page, incidents: [] }, { page, scheduled_maintenances: [maintenance] }, new Date(iso)).map(
        (e) => e.key,
      );
    expect(at('2026-12-01T05:59:00Z')).toEqual([]);
    expect(at('2026-12-01T06:01:00Z')).toEqual(['maintenance-start:sbc:2026-12-01T06:00:00Z']);
    expect(at('2026-12-01T08:00:00Z')).toEqual([]);
  });
});
