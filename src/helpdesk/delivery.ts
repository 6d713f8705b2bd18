// The delivery loop: leases the most urgent due ticket, sends it to the helpdesk, and schedules a retry with
// backoff when that fails. Several loops (processes, servers) may share one outbox: leases keep them apart.
import { createSleeper } from '../server/sleeper.ts';
import { newLeaseOwner } from '../storage/lease-owner.ts';
import { DeliveryError, type HelpdeskAdapter } from './adapter.ts';
import type { Outbox, StoredTicket } from './outbox.ts';

export interface DeliveryOptions {
  outbox: Outbox;
  adapter: HelpdeskAdapter;
  now?: () => number;
  random?: () => number;
  /** This loop's id in `claimed_by` (default: host, pid and a random part). */
  owner?: string;
  /** First retry delay; doubles per attempt up to maxDelayMs, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** No retry comes sooner than this (plus jitter), whatever Retry-After: 0 or a past reset time says. */
  minRetryMs?: number;
  /**
   * After an ambiguous failure (timeout, 5xx, lost connection) the helpdesk may still create the ticket: wait
   * this long before looking for it (and creating it if absent). GitHub can take several seconds; default 30 s.
   */
  lookupDelayMs?: number;
  /** How long a claim holds without renewal; renewed every third of it while the attempt runs. */
  leaseMs?: number;
  /** A rejected ticket (401, 404, 422...) stays in the outbox as `failed` and is retried this often. */
  rejectedRetryMs?: number;
  /** How often to look for tickets stored by another process and for expired leases, when idle. */
  idlePollMs?: number;
  onEvent?: (event: DeliveryEvent) => void;
}

export const DEFAULT_LOOKUP_DELAY_MS = 30_000;
export const DEFAULT_MIN_RETRY_MS = 5_000;
export const DEFAULT_MAX_RETRY_MS = 15 * 60_000;

export type DeliveryEvent =
  | { type: 'delivered'; reference: string; externalId: string; attempts: number }
  | { type: 'retry'; reference: string; failure: string; error: string; retryInMs: number }
  | { type: 'recovered'; count: number }
  | { type: 'error'; error: string };

export interface DeliveryLoop {
  readonly owner: string;
  /** Look for due tickets now (after a new ticket was stored). */
  wake(): void;
  /** Stops after aborting the attempt in flight; that ticket is retried (looking first) later. */
  stop(): Promise<void>;
}

export function startDelivery(options: DeliveryOptions): DeliveryLoop {
  const { outbox, adapter } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const owner = options.owner ?? newLeaseOwner();
  const baseDelayMs = options.baseDelayMs ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_RETRY_MS;
  const minRetryMs = options.minRetryMs ?? DEFAULT_MIN_RETRY_MS;
  const lookupDelayMs = options.lookupDelayMs ?? DEFAULT_LOOKUP_DELAY_MS;
  const leaseMs = options.leaseMs ?? 60_000;
  const rejectedRetryMs = options.rejectedRetryMs ?? 60 * 60_000;
  const idlePollMs = options.idlePollMs ?? 30_000;
  const emit = options.onEvent ?? (() => {});

  let stopped = false;
  let pausedUntil = 0;
  // Recovery runs on start, after any outbox error (until it succeeds), and every idle poll for dead peers.
  let needsRecovery = true;
  let nextRecoveryAt = 0;
  let inFlight: AbortController | undefined;
  const { sleep, wake } = createSleeper();

  /** Spreads retries of many tickets (and many servers) so they never arrive together. */
  const jitter = (ms: number) => ms + random() * Math.max(minRetryMs, ms / 2);

  function backoff(attempts: number): number {
    return Math.max(minRetryMs, Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1)));
  }

  async function attempt(ticket: StoredTicket): Promise<void> {
    const controller = new AbortController();
    inFlight = controller;
    // Keep the lease while the helpdesk is slow; if it cannot be kept, give up before someone else starts.
    const renewal = setInterval(() => {
      outbox
        .renewLease(ticket.reference, owner, new Date(now() + leaseMs))
        .then((held) => held || controller.abort(new Error('lease lost')))
        .catch(() => controller.abort(new Error('lease could not be renewed')));
    }, leaseMs / 3);
    try {
      const receipt = await adapter.deliver(ticket, { maybeCreated: ticket.maybeCreated, signal: controller.signal });
      await outbox.markDelivered(ticket.reference, receipt, new Date(now()));
      if (receipt.pauseUntil !== undefined) pausedUntil = Math.max(pausedUntil, receipt.pauseUntil);
      emit({
        type: 'delivered',
        reference: ticket.reference,
        externalId: receipt.externalId,
        attempts: ticket.attempts,
      });
    } catch (error) {
      const reason = controller.signal.aborted
        ? new DeliveryError('ambiguous', stopped ? 'stopped while sending' : String(controller.signal.reason))
        : toDeliveryError(error);
      await failed(ticket, reason);
    } finally {
      clearInterval(renewal);
      inFlight = undefined;
    }
  }

  async function failed(ticket: StoredTicket, error: DeliveryError): Promise<void> {
    let retryInMs: number;
    if (error.failure === 'rate-limited') {
      retryInMs = Math.max(minRetryMs, error.retryAfterMs ?? backoff(ticket.attempts)) + random() * minRetryMs;
      pausedUntil = Math.max(pausedUntil, now() + retryInMs);
    } else if (error.failure === 'rejected') {
      retryInMs = jitter(rejectedRetryMs);
    } else if (error.failure === 'ambiguous') {
      retryInMs = jitter(Math.max(lookupDelayMs, backoff(ticket.attempts), error.retryAfterMs ?? 0));
    } else {
      retryInMs = jitter(Math.max(backoff(ticket.attempts), error.retryAfterMs ?? 0));
    }
    await outbox.markRetry(ticket.reference, owner, {
      error: `${error.failure}: ${error.message}`,
      at: new Date(now() + retryInMs),
      maybeCreated: error.failure === 'ambiguous',
      state: error.failure === 'rejected' ? 'failed' : 'pending',
    });
    emit({ type: 'retry', reference: ticket.reference, failure: error.failure, error: error.message, retryInMs });
  }

  async function recover(t: number): Promise<void> {
    if (!needsRecovery && t < nextRecoveryAt) return;
    const count = await outbox.recover({ now: new Date(t), owner, retryAt: new Date(t + lookupDelayMs) });
    needsRecovery = false;
    nextRecoveryAt = t + Math.min(idlePollMs, leaseMs);
    if (count > 0) emit({ type: 'recovered', count });
  }

  async function run(): Promise<void> {
    while (!stopped) {
      try {
        const t = now();
        await recover(t);
        if (pausedUntil > t) {
          await sleep(pausedUntil - t);
          continue;
        }
        const due = await outbox.claimNext({ now: new Date(t), owner, leaseMs });
        if (due) {
          await attempt(due);
          continue;
        }
        const next = await outbox.nextAttemptTime();
        await sleep(next === undefined ? idlePollMs : Math.min(idlePollMs, next - t));
      } catch (error) {
        // The outbox itself failed (disk full, database down): keep the loop alive. A row this loop left
        // 'sending' goes back to the queue on the next turn that can write, marked "look before creating again".
        needsRecovery = true;
        emit({ type: 'error', error: String(error) });
        if (!stopped) await sleep(Math.min(baseDelayMs, minRetryMs));
      }
    }
  }

  const running = run();
  return {
    owner,
    wake,
    async stop() {
      stopped = true;
      inFlight?.abort(new Error('stopped while sending'));
      wake();
      await running;
    },
  };
}

function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  // An adapter bug or an unknown failure: assume the worst (it may have been created) and keep the ticket.
  return new DeliveryError('ambiguous', error instanceof Error ? error.message : String(error));
}
