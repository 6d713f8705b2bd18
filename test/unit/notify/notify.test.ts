// The pure rules of subscriptions: the request, the events read from the published JSON, who wants which, the
// webhooks file's errors.
import { describe, expect, it } from 'vitest';
import { publishedEvents, wants } from '../../../src/lib/notify/events.ts';
import { eventEmail, slackPayload, statuspagePayload } from '../../../src/lib/notify/messages.ts';
import { formToInput, maskEmail, parseSubscription } from '../../../src/lib/notify/subscription.ts';
import { parseWebhooksFile } from '../../../src/lib/notify/webhooks.ts';
import { statusPageInfo } from '../../../src/lib/status/page.ts';
import { validateIncidentsText } from '../../../src/lib/status/schema.ts';
import { incidentsJson, scheduledMaintenancesJson } from '../../../src/lib/status/statuspage.ts';
import { readFileSync } from 'node:fs';

const ids = ['trunks', 'pbx', 'portal'];
const text = readFileSync('test/fixtures/status/small.json', 'utf8');
const checked = validateIncidentsText(text, 'small.json');
if (!checked.ok) throw new Error(checked.errors.join('\n'));
const file = checked.data;
const page = statusPageInfo({ siteUrl: 'https://support.example.com' });

describe('the subscription request', () => {
  it('takes JSON or form fields; empty components (or every one) mean all', () => {
    expect(parseSubscription({ email: ' Noc@Example.COM ' }, ids)).toEqual({
      ok: true,
      data: { email: 'noc@example.com', components: [], maintenance: true },
    });
    const form = formToInput(new URLSearchParams('email=a@b.co&components=pbx&components=trunks&maintenance=no'));
    expect(parseSubscription(form, ids)).toMatchObject({ data: { components: ['pbx', 'trunks'], maintenance: false } });
    expect(parseSubscription({ email: 'a@b.co', components: ids }, ids)).toMatchObject({ data: { components: [] } });
  });

  it('names each bad field, and refuses a filled honeypot', () => {
    const result = parseSubscription({ email: 'nope', components: ['fax'], maintenance: 'maybe', website: 'x' }, ids);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'email',
      'components[0]',
      'maintenance',
      'website',
    ]);
  });

  it('masks addresses for operators', () => {
    expect(maskEmail('alice@example.com')).toBe('a***@***.com');
  });
});

describe('events from the published JSON', () => {
  const now = new Date('2026-01-20T00:00:00Z');
  const events = publishedEvents(
    incidentsJson(file, page, now) as never,
    scheduledMaintenancesJson(file, page, now) as never,
    now,
  );

  it('gives each incident update a stable key, and each component change its own', () => {
    const keys = events.map((e) => e.key);
    expect(keys).toContain('incident-update:trunk-errors-u1');
    expect(keys).toContain('component-update:trunk-errors-u1:trunks');
    expect(new Set(keys).size).toBe(keys.length);
    const again = publishedEvents(
      incidentsJson(file, page, now) as never,
      { page: {}, scheduled_maintenances: [] } as never,
      now,
    );
    expect(again.filter((e) => e.kind === 'incident-update').map((e) => e.key)).toEqual(
      events.filter((e) => e.kind === 'incident-update').map((e) => e.key),
    );
  });

  it('lets component filters and the maintenance choice decide who hears', () => {
    const trunks = events.find((e) => e.key === 'incident-update:trunk-outage-u1')!;
    expect(wants({ components: ['trunks'], maintenance: false }, trunks)).toBe(true);
    expect(wants({ components: ['portal'], maintenance: true }, trunks)).toBe(false);
    expect(wants({ components: [], maintenance: false }, trunks)).toBe(true);
    const maintenance = { ...trunks, kind: 'maintenance-start' as const };
    expect(wants({ components: [], maintenance: false }, maintenance)).toBe(false);
  });

  it('renders an e-mail with the one-click headers, a Statuspage body and an inert Slack line', () => {
    const event = events.find((e) => e.key === 'incident-update:trunk-errors-u1')!;
    const links = { unsubscribeUrl: 'https://x/u?token=t', manageUrl: 'https://x/m?token=t' };
    const mail = eventEmail(event, links, 'updates for every component', 'https://x/status/');
    expect(mail.subject).toBe('[Example Voice status] Trunk call failures: Investigating');
    expect(mail.headers).toEqual({
      'List-Unsubscribe': '<https://x/u?token=t>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(mail.text).toContain('Choose other components: https://x/m?token=t');
    expect(statuspagePayload(event, 'https://x/status/')).toMatchObject({
      page: { id: 'status' },
      incident: { id: 'trunk-errors' },
    });
    expect((slackPayload(event) as { text: string }).text).toContain('Looking into &lt;failed&gt; calls &amp; errors.');
  });
});

describe('the webhooks file', () => {
  it('names the file, line, field and fix of each problem', () => {
    const text =
      '{\n  "webhooks": [\n    { "name": "noc", "url": "http://noc.example.com/hook" },\n    { "name": "noc", "url": "https://x.example", "format": "slack", "components": ["fax"] }\n  ]\n}\n';
    const result = parseWebhooksFile('hooks.json', text, ids);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(/^hooks\.json:3: webhooks\[0\]\.url: must be https:\/\//),
      expect.stringMatching(/^hooks\.json:3: webhooks\[0\]\.secret: is required for the statuspage format/),
      expect.stringMatching(/^hooks\.json:4: webhooks\[1\]\.name: "noc" is used twice/),
    ]);
    const ok = parseWebhooksFile(
      'hooks.json',
      '{"webhooks":[{"name":"chat","url":"https://h.example","format":"slack","components":["fax"]}]}',
      ids,
    );
    expect(ok.ok ? [] : ok.errors).toEqual([expect.stringContaining('"fax" is not a component of the status page')]);
  });
});
