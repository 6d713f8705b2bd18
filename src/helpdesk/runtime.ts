// Everything POST /api/tickets needs, built once per server process from the environment.
import { loadPolicy } from '../content-io.ts';
import type { SupportPolicy } from '../lib/policy/index.ts';
import { createLocalAdapter, type HelpdeskAdapter } from './adapter.ts';
import { ticketServerConfigFromEnv, type HelpdeskConfig } from './config.ts';
import { startDelivery, type DeliveryEvent, type DeliveryLoop } from './delivery.ts';
import { createFreshdeskAdapter } from './freshdesk-adapter.ts';
import { createGitHubAdapter } from './github-adapter.ts';
import type { TicketRequestDeps } from './handler.ts';
import type { Outbox } from './outbox.ts';
import { PostgresOutbox } from './postgres-outbox.ts';
import { SqliteOutbox } from './sqlite-outbox.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createWebhookAdapter } from './webhook-adapter.ts';
import { createZendeskAdapter } from './zendesk-adapter.ts';

export interface TicketRuntime {
  /** Pass to handleTicketRequest with the request's clientAddress. */
  deps: Omit<TicketRequestDeps, 'clientAddress'>;
  outbox: Outbox;
  delivery: DeliveryLoop;
  /** Resolves once the outbox is open and migrated; rejects with why it cannot be (the server then stops). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface TicketRuntimeOptions {
  env?: Record<string, string | undefined>;
  /** An already validated policy; otherwise `policyFile`, else the content root's (CONTENT_DIR, default content/). */
  policy?: SupportPolicy;
  policyFile?: string;
  onEvent?: (event: DeliveryEvent) => void;
}

/** Reads and validates the support policy; throws with one `file: path: message` line per problem. */
export function loadPolicyFile(file?: string): SupportPolicy {
  const result = loadPolicy(file);
  if (!result.ok) throw new Error(`invalid support policy:\n${result.errors.join('\n')}`);
  return result.data;
}

/** The adapter for a checked configuration; tests pass a short request timeout. */
export function createAdapter(config: HelpdeskConfig, options: { requestTimeoutMs?: number } = {}): HelpdeskAdapter {
  switch (config.helpdesk) {
    case 'local':
      return createLocalAdapter();
    case 'github':
      return createGitHubAdapter({
        token: config.token,
        owner: config.owner,
        repo: config.repo,
        baseUrl: config.apiUrl,
        ...options,
      });
    case 'zendesk':
      return createZendeskAdapter({ ...config, ...options });
    case 'freshdesk':
      return createFreshdeskAdapter({ ...config, ...options });
    case 'webhook':
      return createWebhookAdapter({ url: config.url, secret: config.secret, ...options });
  }
}

export function createTicketRuntime(options: TicketRuntimeOptions = {}): TicketRuntime {
  const config = ticketServerConfigFromEnv(options.env ?? process.env);
  const policy = options.policy ?? loadPolicyFile(options.policyFile);
  const { outbox, ready } = openOutbox(config.outboxUrl ?? config.outboxPath);
  const delivery = startDelivery({
    outbox,
    adapter: createAdapter(config.helpdesk),
    lookupDelayMs: config.delivery.lookupDelayMs,
    minRetryMs: config.delivery.minRetryMs,
    // Backoff starts at the shortest wait: 5 s, 10 s, 20 s... up to 15 minutes.
    baseDelayMs: config.delivery.minRetryMs,
    maxDelayMs: config.delivery.maxRetryMs,
    onEvent: options.onEvent ?? logEvent,
  });
  // The local helpdesk is the outbox itself: a ticket is delivered by being stored (one commit, no lease).
  const inbox = config.helpdesk.helpdesk === 'local';
  return {
    deps: {
      policy,
      outbox: inbox
        ? {
            store: (ticket, derived, now) => outbox.store(ticket, derived, now, { inbox }),
            findByKey: (key) => outbox.findByKey(key),
          }
        : outbox,
      siteUrl: config.siteUrl,
      trustProxy: config.trustProxy,
      onUntrustedForwardedFor: once(() =>
        console.warn(
          'helpdesk: requests arrive with X-Forwarded-For but TRUST_PROXY is 0: every customer behind the proxy shares one rate-limit bucket. Set TRUST_PROXY to the number of proxies in front of this server (1 for one reverse proxy or load balancer).',
        ),
      ),
      rateLimiter: createRateLimiter({ burst: config.rateLimitBurst, globalPerMinute: config.rateLimitGlobal }),
      onStored: (ticket) => {
        if (ticket.state !== 'delivered') delivery.wake();
      },
    },
    outbox,
    delivery,
    ready,
    async close() {
      await delivery.stop();
      await outbox.close();
    },
  };
}

/**
 * The outbox at `location`: a postgres:// URL, or a SQLite file. PostgreSQL opens asynchronously (connect,
 * migrate): calls made meanwhile wait for it.
 */
export function openOutbox(location: string): { outbox: Outbox; ready: Promise<void> } {
  if (!/^postgres(ql)?:\/\//.test(location)) return { outbox: new SqliteOutbox(location), ready: Promise.resolve() };
  const opening = PostgresOutbox.open(location);
  opening.catch(() => {}); // reported through `ready`
  const call =
    <K extends keyof Outbox>(name: K) =>
    async (...args: unknown[]) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- forwards each method with its own arguments
      ((await opening)[name] as any)(...args);
  const outbox: Outbox = {
    location: location.replace(/:[^:@/]*@/, '@'),
    store: call('store'),
    findByKey: call('findByKey'),
    get: call('get'),
    list: call('list'),
    claimNext: call('claimNext'),
    renewLease: call('renewLease'),
    recover: call('recover'),
    nextAttemptTime: call('nextAttemptTime'),
    markDelivered: call('markDelivered'),
    markRetry: call('markRetry'),
    retryNow: call('retryNow'),
    close: async () => (await opening.catch(() => undefined))?.close(),
  };
  return { outbox, ready: opening.then(() => undefined) };
}

let shared: TicketRuntime | undefined;

/** The process-wide runtime, created on first use (so a static build never opens the outbox). */
export function ticketRuntime(): TicketRuntime {
  shared ??= createTicketRuntime();
  return shared;
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (!done) action();
    done = true;
  };
}

function logEvent(event: DeliveryEvent): void {
  if (event.type === 'delivered') console.info(`helpdesk: ${event.reference} delivered as ${event.externalId}`);
  else if (event.type === 'retry')
    console.warn(
      `helpdesk: ${event.reference} ${event.failure}, retry in ${Math.round(event.retryInMs / 1000)}s: ${event.error}`,
    );
  else if (event.type === 'recovered')
    console.warn(`helpdesk: ${event.count} ticket(s) interrupted mid-send will be checked and retried`);
  else console.error(`helpdesk: outbox error: ${event.error}`);
}
