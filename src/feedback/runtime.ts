// Everything POST /api/feedback needs, built once per server process from the same environment as the ticket
// endpoint: the store beside the outbox, the public site, the proxies, and a rate limit of its own.
import { ticketServerConfigFromEnv } from '../helpdesk/config.ts';
import { createRateLimiter } from '../helpdesk/rate-limit.ts';
import type { FeedbackRequestDeps } from './handler.ts';
import { openFeedbackStore } from './open.ts';
import type { FeedbackStore } from './store.ts';

/** A reader votes once an article and a few searches fail a visit: 20 at once, then one every 3 seconds. */
export const FEEDBACK_BURST = 20;
export const FEEDBACK_REFILL_MS = 3_000;

export interface FeedbackRuntime {
  deps: Omit<FeedbackRequestDeps, 'clientAddress'>;
  store: FeedbackStore;
  ready: Promise<void>;
  close(): Promise<void>;
}

export function createFeedbackRuntime(env: Record<string, string | undefined> = process.env): FeedbackRuntime {
  const config = ticketServerConfigFromEnv(env);
  const { store, ready } = openFeedbackStore(config.outboxUrl ?? config.outboxPath);
  return {
    deps: {
      store,
      siteUrl: config.siteUrl,
      trustProxy: config.trustProxy,
      rateLimiter: createRateLimiter({
        burst: FEEDBACK_BURST,
        refillEveryMs: FEEDBACK_REFILL_MS,
        globalPerMinute: config.rateLimitGlobal * 4,
      }),
    },
    store,
    ready,
    close: () => store.close(),
  };
}

let shared: FeedbackRuntime | undefined;

/** The process-wide runtime, created on first use (so a static build never opens the database). */
export function feedbackRuntime(): FeedbackRuntime {
  shared ??= createFeedbackRuntime();
  return shared;
}
