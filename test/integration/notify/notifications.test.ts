// End to end through real parts: subscribe and confirm through the handlers, a notifier polling the published
// JSON on loopback while it changes, a real SMTP server that fails some deliveries, a server restarted mid-run
// and a second server beside it, webhook receivers checking signatures. Each (subscriber, update) arrives once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../../src/helpdesk/webhook-adapter.ts';
import { handleConfirm, handleSubscribe, handleUnsubscribe } from '../../../src/notify/handler.ts';
import { createNotifyRuntime, type NotifyRuntime } from '../../../src/notify/runtime.ts';
import type { IncidentsFile } from '../../../src/lib/status/schema.ts';
import { startPublishedStatus, type PublishedStatus } from '../support/published-status.ts';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.ts';
import { storeKinds, type StoreKind } from '../support/notify-stores.ts';
import { tempDir } from '../support/tickets.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';

const components = [
  { id: 'outbound-calls', name: 'Outbound calls' },
  { id: 'fax', name: 'Fax' },
];
const HOOK_SECRET = 'a-webhook-secret-of-32-characters!';

function history(): IncidentsFile {
  return {
    components: components.map((c) => ({ ...c })),
    incidents: [
      {
        id: 'old-fax-outage',
        title: 'Old fax outage',
        impact: 'minor',
        components: { fax: 'partial_outage' },
        updates: [
          { at: '2026-01-10T10:00:00Z', status: 'investigating', body: 'Looking.' },
          { at: '2026-01-10T11:00:00Z', status: 'resolved', body: 'Fixed.' },
        ],
      },
    ],
    maintenances: [],
  } as unknown as IncidentsFile;
}

async function until<T>(what: string, probe: () => T | Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const mailsTo = (smtp: TestSmtp, who: string) => smtp.received.filter((m) => m.to.includes(who));
const link = (mail: ReceivedMail, path: string) => {
  const found = new RegExp(`https?://\\S+${path.replaceAll('/', '\\/')}\\?token=\\S+`).exec(mail.text)?.[0];
  if (!found) throw new Error(`no ${path} link in:\n${mail.text}`);
  return found;
};

describe.each(storeKinds())('notifications with the $name store', (kind: StoreKind) => {
  let smtp: TestSmtp;
  let site: PublishedStatus;
  let noc: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let slack: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let temp: ReturnType<typeof tempDir>;
  const runtimes: NotifyRuntime[] = [];

  beforeAll(async () => {
    await kind.setUp();
    (await kind.open()).close();
    [smtp, site, noc, slack] = await Promise.all([
      startSmtp(),
      startPublishedStatus(history()),
      startWebhookReceiver(),
      startWebhookReceiver(),
    ]);
    temp = tempDir();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(runtimes.map((r) => r.close()));
    await Promise.all([smtp.stop(), site.stop(), noc.stop(), slack.stop()]);
    temp.remove();
    await kind.tearDown();
  });

  function server(): NotifyRuntime {
    const webhooksFile = join(temp.dir, 'webhooks.json');
    writeFileSync(
      webhooksFile,
      JSON.stringify({
        webhooks: [
          { name: 'noc', url: `${noc.url}/hook`, secret: HOOK_SECRET, components: ['outbound-calls'] },
          { name: 'chat', url: `${slack.url}/slack`, format: 'slack', maintenance: false },
        ],
      }),
    );
    const runtime = createNotifyRuntime({
      env: {
        ...kind.env(),
        SITE_URL: site.url,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Example Voice status <status@example.com>',
        NOTIFY_POLL_SECONDS: '1',
        WEBHOOKS_FILE: webhooksFile,
        NOTIFY_SECRET: 'a-notify-secret-for-tests-0123456789',
      },
      components,
      dispatch: { baseDelayMs: 20, maxDelayMs: 100, idlePollMs: 100 },
      onDispatch: () => {},
    });
    runtimes.push(runtime);
    return runtime;
  }

  async function subscribe(runtime: NotifyRuntime, body: Record<string, unknown>, form = false) {
    const request = new Request(`${site.url}/api/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json', origin: site.url },
      body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
    });
    // The rate limit has its own test; here four people share one address.
    const response = await handleSubscribe(request, { ...(await runtime.deps), rateLimiter: undefined });
    return { status: response.status, body: await response.json() };
  }

  it('sends each confirmed subscriber exactly one e-mail per update of their components, through faults and restarts', async () => {
    let first = server();
    // The first poll is the baseline: the old incident is history, not news.
    expect(await first.poll()).toMatchObject({ baseline: true, enqueued: 0 });

    expect(await subscribe(first, { email: 'Alice@Example.com' })).toEqual({
      status: 202,
      body: { status: 'pending' },
    });
    expect(await subscribe(first, { email: 'alice@example.com', website: '' })).toEqual({
      status: 202,
      body: { status: 'pending' },
    });
    expect(await subscribe(first, { email: 'bob@example.com', components: 'fax', maintenance: 'no' }, true)).toEqual({
      status: 202,
      body: { status: 'pending' },
    });
    expect(await subscribe(first, { email: 'carol@example.com' })).toMatchObject({ status: 202 });
    expect((await subscribe(first, { email: 'not an address', components: ['nope'] })).body).toMatchObject({
      errors: [{ path: 'email' }, { path: 'components[0]' }],
    });

    // One confirmation each (Alice posted twice within the hour), with the one-click unsubscribe headers.
    await until('three confirmations', () => smtp.received.length >= 3);
    expect(mailsTo(smtp, 'alice@example.com')).toHaveLength(1);
    const confirmation = mailsTo(smtp, 'alice@example.com')[0]!;
    expect(confirmation.headers.get('subject')).toContain('Confirm your subscription');
    expect(confirmation.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(confirmation.headers.get('list-unsubscribe')).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/api\/subscriptions\/unsubscribe\?token=.+>$/,
    );
    for (const who of ['alice@example.com', 'bob@example.com']) {
      const confirm = link(mailsTo(smtp, who)[0]!, '/api/subscriptions/confirm');
      const response = await handleConfirm(new Request(confirm), await first.deps);
      expect([response.status, response.headers.get('location')]).toEqual([303, '/status/subscription/confirmed/']);
    }
    const forged = await handleConfirm(
      new Request(`${site.url}/api/subscriptions/confirm?token=x.y`),
      await first.deps,
    );
    expect(forged.headers.get('location')).toBe('/status/subscription/invalid/');

    // An outage of outbound calls, while the mail server fails twice and a receiver is busy once.
    smtp.faults.push('tempfail', 'drop');
    noc.failNext = 1;
    site.file.incidents.unshift({
      id: 'canada-calls',
      title: 'Calls to Canada failing',
      impact: 'major',
      components: { 'outbound-calls': 'partial_outage' },
      updates: [{ at: '2026-11-24T14:00:00Z', status: 'investigating', body: 'Calls to Canada fail.' }],
    } as IncidentsFile['incidents'][number]);
    site.builtAt = new Date();
    // Alice, the NOC (the update and the component's change) and the chat; a background poll may get there first.
    expect((await first.poll())?.baseline).toBe(false);
    await until('the first update to Alice', () =>
      mailsTo(smtp, 'alice@example.com').some((m) => m.headers.get('subject')?.includes('Investigating')),
    );

    // Restart mid-run: the second update is published and polled, and the server stops before sending it.
    site.file.incidents[0]!.updates.push({
      at: '2026-11-24T14:30:00Z',
      status: 'identified',
      body: 'A carrier route failed.',
      components: { 'outbound-calls': 'major_outage' },
    } as IncidentsFile['incidents'][number]['updates'][number]);
    site.builtAt = new Date();
    smtp.faults.push('drop');
    const polled = first.poll();
    await first.close();
    await polled.catch(() => undefined);
    // Two servers now share the database, and each polls the same file (and a redeploy republishes it).
    first = server();
    const second = server();
    await Promise.all([first.poll(), second.poll()]);
    site.builtAt = new Date();
    await Promise.all([first.poll(), second.poll()]);

    site.file.incidents[0]!.updates.push({
      at: '2026-11-24T15:00:00Z',
      status: 'resolved',
      body: 'Calls complete again.',
    } as IncidentsFile['incidents'][number]['updates'][number]);
    site.builtAt = new Date();
    await Promise.all([first.poll(), second.poll()]);
    await until('the resolution to Alice', () =>
      mailsTo(smtp, 'alice@example.com').some((m) => m.headers.get('subject')?.includes('Resolved')),
    );
    await until(
      'three incident payloads at the NOC',
      () => noc.received.filter((h) => h.body.includes('"incident"')).length >= 3,
    );
    await new Promise((r) => setTimeout(r, 500)); // time for any duplicate to show up

    const subjects = mailsTo(smtp, 'alice@example.com').map((m) => m.headers.get('subject'));
    expect(subjects).toEqual([
      '[Example Voice status] Confirm your subscription',
      '[Example Voice status] Calls to Canada failing: Investigating',
      '[Example Voice status] Calls to Canada failing: Identified',
      '[Example Voice status] Calls to Canada failing: Resolved',
    ]);
    // Bob chose fax, Carol never confirmed: only their confirmations.
    expect(mailsTo(smtp, 'bob@example.com')).toHaveLength(1);
    expect(mailsTo(smtp, 'carol@example.com')).toHaveLength(1);

    const update = mailsTo(smtp, 'alice@example.com')[2]!;
    expect(update.text).toContain('A carrier route failed.');
    expect(update.text).toContain('- Outbound calls: major outage');
    expect(update.text).toContain('/status/incidents/canada-calls/');
    expect(update.text).toContain(link(update, '/api/subscriptions/manage'));
    expect(update.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // The NOC receiver: signed Statuspage payloads, one per update and one per component change.
    const bodies = noc.received.map((h) => {
      const check = verifyWebhook({
        secret: HOOK_SECRET,
        body: h.body,
        signature: h.headers['x-dialtone-signature'] as string,
        timestamp: h.headers['x-dialtone-timestamp'] as string,
        nowMs: Date.now(),
      });
      expect(check).toEqual({ ok: true });
      return JSON.parse(h.body) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    });
    const incidents = bodies.filter((b) => b.incident);
    expect(incidents.map((b) => b.incident.incident_updates[0].status).sort()).toEqual([
      'identified',
      'investigating',
      'resolved',
    ]);
    expect(incidents[0]).toMatchObject({
      meta: { documentation: expect.any(String) },
      page: { id: 'status', status_indicator: expect.any(String), status_description: expect.any(String) },
      incident: {
        id: 'canada-calls',
        name: 'Calls to Canada failing',
        shortlink: expect.stringContaining('canada-calls'),
      },
    });
    const changes = bodies
      .filter((b) => b.component_update)
      .map((b) => [b.component_update.old_status, b.component_update.new_status]);
    expect(changes).toEqual([
      ['operational', 'partial_outage'],
      ['partial_outage', 'major_outage'],
      ['major_outage', 'operational'],
    ]);
    expect(bodies).toHaveLength(6);
    // Slack: three messages, each a line with a link.
    expect(slack.received.map((h) => (JSON.parse(h.body) as { text: string }).text)).toEqual([
      expect.stringContaining('Calls to Canada failing: Investigating'),
      expect.stringContaining('Calls to Canada failing: Identified'),
      expect.stringContaining('Calls to Canada failing: Resolved'),
    ]);

    // One click from the mail client (RFC 8058), and nothing more arrives.
    const unsubscribeUrl = update.headers.get('list-unsubscribe')!.slice(1, -1);
    const page = await handleUnsubscribe(new Request(unsubscribeUrl), await first.deps);
    expect(await page.text()).toContain('<button type="submit">Unsubscribe</button>');
    const clicked = await handleUnsubscribe(
      new Request(unsubscribeUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }),
      await first.deps,
    );
    expect(clicked.status).toBe(200);
    const store = await first.store;
    expect(await store.findByEmail('alice@example.com')).toBeUndefined();
    expect(await store.countSubscribers()).toEqual({ pending: 1, confirmed: 1 });
  });
});
