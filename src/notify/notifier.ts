// The notifier: polls the site's own published /api/v2/incidents.json and scheduled-maintenances.json (so a
// notification goes out when the update is live, whatever hosts the pages), records what it sees, and owes one
// message per (subscriber or webhook, new event), inside the store's transaction.
import {
  publishedEvents,
  publishedIncidentsSchema,
  publishedMaintenancesSchema,
  wants,
  type NotifyEvent,
} from '../lib/notify/events.ts';
import { eventEmail, scopeWords, slackPayload, statuspagePayload } from '../lib/notify/messages.ts';
import type { Webhook } from '../lib/notify/webhooks.ts';
import type { WebhookBody } from './dispatch.ts';
import type { NewMessage, NotifyStore, RecordedEvents, Subscriber } from './store.ts';
import { signToken } from './token.ts';

export interface NotifierOptions {
  store: NotifyStore;
  /** Where the JSON is read and what links point at, without a trailing slash. */
  siteUrl: string;
  pollMs: number;
  webhooks: readonly Webhook[];
  secret: string;
  /** Component names by id (for "updates for Outbound calls" in the footer). */
  componentNames: ReadonlyMap<string, string>;
  now?: () => number;
  onPolled?: (result: RecordedEvents) => void;
  onError?: (error: string) => void;
}

export interface Notifier {
  /** One poll now (tests, and the first one at start). */
  poll(): Promise<RecordedEvents>;
  stop(): Promise<void>;
}

export function subscriberLinks(siteUrl: string, secret: string, subscriber: string) {
  const token = encodeURIComponent(signToken(secret, subscriber, 'manage'));
  return {
    unsubscribeUrl: `${siteUrl}/api/subscriptions/unsubscribe?token=${token}`,
    manageUrl: `${siteUrl}/api/subscriptions/manage?token=${token}`,
  };
}

/** What each fresh event owes: an e-mail to each confirmed subscriber who wants it, a body to each webhook. */
export function planMessages(
  events: readonly NotifyEvent[],
  subscribers: readonly Subscriber[],
  options: Pick<NotifierOptions, 'siteUrl' | 'secret' | 'webhooks' | 'componentNames'>,
): NewMessage[] {
  const messages: NewMessage[] = [];
  const statusUrl = `${options.siteUrl}/status/`;
  for (const event of events) {
    // Component changes are for machines: e-mail readers get them inside the incident update.
    if (event.kind !== 'component-update') {
      for (const s of subscribers) {
        if (s.state !== 'confirmed' || !wants(s, event)) continue;
        const links = subscriberLinks(options.siteUrl, options.secret, s.id);
        const body = eventEmail(event, links, scopeWords(s.components, options.componentNames), statusUrl);
        messages.push({ channel: 'email', recipient: s.id, eventKey: event.key, body });
      }
    }
    for (const hook of options.webhooks) {
      if (!wants(hook, event)) continue;
      if (hook.format === 'slack' && event.kind === 'component-update') continue;
      const payload =
        hook.format === 'slack' ? slackPayload(event) : statuspagePayload(event, `${options.siteUrl}/status/`);
      const body: WebhookBody = { format: hook.format, payload };
      messages.push({ channel: 'webhook', recipient: hook.name, eventKey: event.key, body });
    }
  }
  return messages;
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

export function startNotifier(options: NotifierOptions): Notifier {
  const now = options.now ?? Date.now;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();

  async function poll(): Promise<RecordedEvents> {
    const base = `${options.siteUrl}/api/v2/`;
    const [incidents, maintenances] = await Promise.all([
      fetchJson(`${base}incidents.json`).then((v) => publishedIncidentsSchema.parse(v)),
      fetchJson(`${base}scheduled-maintenances.json`).then((v) => publishedMaintenancesSchema.parse(v)),
    ]);
    const at = new Date(now());
    const events = publishedEvents(incidents, maintenances, at);
    const byKey = new Map(events.map((e) => [e.key, e]));
    return options.store.recordEvents(
      [...byKey.keys()],
      (fresh, subscribers) =>
        planMessages(
          fresh.map((k) => byKey.get(k)!),
          subscribers,
          options,
        ),
      at,
    );
  }

  const tick = () => {
    if (stopped) return;
    current = poll()
      .then((result) => options.onPolled?.(result))
      .catch((error: unknown) => options.onError?.(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs);
      });
  };
  // The first poll waits a moment: when SITE_URL is this very server, it is not listening yet.
  timer = setTimeout(tick, Math.min(options.pollMs, 2_000));

  return {
    poll,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
