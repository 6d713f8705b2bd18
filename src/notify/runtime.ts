// Everything subscriptions need in a server process, built once from the environment: the store (in the
// outbox's database), the signing key, the sending loop and the notifier.
import { loadIncidents } from '../content-io.ts';
import { ticketServerConfigFromEnv } from '../helpdesk/config.ts';
import { createRateLimiter } from '../helpdesk/rate-limit.ts';
import { startDispatch, type DispatchEvent, type DispatchLoop } from './dispatch.ts';
import { notifyConfigFromEnv, type NotifyConfig } from './config.ts';
import type { SubscriptionDeps } from './handler.ts';
import { startNotifier, type Notifier } from './notifier.ts';
import { PostgresNotifyStore } from './postgres-store.ts';
import { createSmtpMailer } from './senders.ts';
import { SqliteNotifyStore } from './sqlite-store.ts';
import type { NotifyStore, RecordedEvents } from './store.ts';

export interface NotifyRuntime {
  config: NotifyConfig;
  /** The handlers' dependencies, once the store is open and the secret known (rejects with why not). */
  deps: Promise<Omit<SubscriptionDeps, 'clientAddress'>>;
  store: Promise<NotifyStore>;
  /** One poll of the published JSON now (the loop polls by itself every NOTIFY_POLL_SECONDS). */
  poll(): Promise<RecordedEvents | undefined>;
  close(): Promise<void>;
}

export interface NotifyRuntimeOptions {
  env?: Record<string, string | undefined>;
  /** The page's components; default: content/incidents.json (or CONTENT_DIR's). */
  components?: Array<{ id: string; name: string }>;
  /** Tests: shorter backoff and polls. */
  dispatch?: { baseDelayMs?: number; maxDelayMs?: number; idlePollMs?: number; leaseMs?: number };
  /** false: no background loops (the CLI). */
  start?: boolean;
  onDispatch?: (event: DispatchEvent) => void;
}

/** The store in the outbox's database: OUTBOX_URL (PostgreSQL), else the OUTBOX_PATH file. */
export async function openNotifyStore(env: Record<string, string | undefined>): Promise<NotifyStore> {
  const { outboxUrl, outboxPath } = ticketServerConfigFromEnv({ ...env, HELPDESK: 'local' });
  return outboxUrl ? PostgresNotifyStore.open(outboxUrl) : new SqliteNotifyStore(outboxPath);
}

export function pageComponents(): Array<{ id: string; name: string }> {
  const loaded = loadIncidents();
  if (!loaded.ok) throw new Error(`cannot read the status page's components:\n${loaded.errors.join('\n')}`);
  return loaded.data.components.map(({ id, name }) => ({ id, name }));
}

export function createNotifyRuntime(options: NotifyRuntimeOptions = {}): NotifyRuntime {
  const env = options.env ?? process.env;
  const components = options.components ?? pageComponents();
  const config = notifyConfigFromEnv(
    env,
    components.map((c) => c.id),
  );
  let dispatch: DispatchLoop | undefined;
  let notifier: Notifier | undefined;
  const mailer = config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : undefined;
  const store = openNotifyStore(env);
  store.catch(() => {}); // reported through `deps`
  const deps = store.then(async (opened) => {
    const secret = config.secret ?? (await opened.secret());
    if (options.start !== false) {
      dispatch = startDispatch({
        store: opened,
        mailer,
        webhooks: config.webhooks,
        mailDomain: new URL(config.siteUrl).hostname || 'localhost',
        ...options.dispatch,
        onEvent: options.onDispatch ?? logDispatch,
      });
      notifier = startNotifier({
        store: opened,
        siteUrl: config.siteUrl,
        pollMs: config.pollSeconds * 1000,
        webhooks: config.webhooks,
        secret,
        componentNames: new Map(components.map((c) => [c.id, c.name])),
        onPolled: (result) => {
          if (result.enqueued > 0) dispatch?.wake();
        },
        onError: (error) => console.warn(`notify: cannot read the published status at ${config.siteUrl}: ${error}`),
      });
    }
    const trustProxy = Number(env.TRUST_PROXY || 0);
    return {
      store: opened,
      secret,
      components,
      pageName: `${env.PUBLIC_PROVIDER_NAME || 'Example Voice'} status`,
      siteUrl: config.siteUrl,
      trustProxy: Number.isInteger(trustProxy) ? trustProxy : 0,
      // A few addresses in a burst, then one every 10 minutes: enough for a person, not for a list.
      rateLimiter: createRateLimiter({ burst: 3, refillEveryMs: 600_000, globalPerMinute: 120 }),
      onEnqueued: () => dispatch?.wake(),
    };
  });
  deps.catch(() => {});
  let closed = false;
  return {
    config,
    deps,
    store,
    async poll() {
      await deps;
      return notifier?.poll();
    },
    async close() {
      if (closed) return;
      closed = true;
      await notifier?.stop();
      await dispatch?.stop();
      mailer?.close();
      await (await store.catch(() => undefined))?.close();
    },
  };
}

let shared: NotifyRuntime | undefined;

/** The process-wide runtime, created on first use (so a static build never opens the store). */
export function notifyRuntime(): NotifyRuntime {
  shared ??= createNotifyRuntime();
  return shared;
}

function logDispatch(event: DispatchEvent): void {
  if (event.type === 'retry') {
    const when = Math.round(event.retryInMs / 1000);
    console.warn(
      `notify: ${event.channel} message ${event.id} ${event.rejected ? 'rejected' : 'failed'}, retry in ${when}s: ${event.error}`,
    );
  } else if (event.type === 'error') console.error(`notify: store error: ${event.error}`);
}
