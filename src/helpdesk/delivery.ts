// The delivery loop: sends stored tickets to the helpdesk one at a time, with backoff, until each is delivered.
import { DeliveryError, type HelpdeskAdapter } from './adapter.ts';
import type { Outbox, StoredTicket } from './outbox.ts';

export interface DeliveryOptions {
  outbox: Outbox;
  adapter: HelpdeskAdapter;
  now?: () => number;
  random?: () => number;
  /** First retry delay; doubles per attempt up to maxDelayMs, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A rejected ticket (401, 404, 422...) stays in the outbox as `failed` and is retried this often. */
  rejectedRetryMs?: number;
  /** How often to look for tickets stored by another process when nothing is scheduled. */
  idlePollMs?: number;
  onEvent?: (event: DeliveryEvent) => void;
}

export type DeliveryEvent =
  | { type: 'delivered'; reference: string; externalId: string; attempts: number }
  | { type: 'retry'; reference: string; failure: string; error: string; retryInMs: number }
  | { type: 'recovered'; count: number }
  | { type: 'error'; error: string };

export interface DeliveryLoop {
  /** Look for due tickets now (after a new ticket was stored). */
  wake(): void;
  /** Stops after aborting the attempt in flight; that ticket is retried (looking first) on the next start. */
  stop(): Promise<void>;
}

export function startDelivery(options: DeliveryOptions): DeliveryLoop {
  const { outbox, adapter } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const baseDelayMs = options.baseDelayMs ?? 2_000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const rejectedRetryMs = options.rejectedRetryMs ?? 60 * 60_000;
  const idlePollMs = options.idlePollMs ?? 30_000;
  const emit = options.onEvent ?? (() => {});

  let stopped = false;
  let pausedUntil = 0;
  let inFlight: AbortController | undefined;
  let wakeUp: () => void = () => {};

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      wakeUp = done;
    });

  /** Exponential backoff with jitter: half fixed, half random, so retries spread out but never come too soon. */
  function backoff(attempts: number): number {
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
    return delay / 2 + random() * (delay / 2);
  }

  async function attempt(ticket: StoredTicket): Promise<void> {
    if (!outbox.claim(ticket.reference)) return;
    const controller = new AbortController();
    inFlight = controller;
    try {
      const receipt = await adapter.deliver(ticket, {
        maybeCreated: ticket.maybeCreated,
        signal: controller.signal,
      });
      outbox.markDelivered(ticket.reference, receipt, new Date(now()));
      if (receipt.pauseUntil !== undefined) pausedUntil = Math.max(pausedUntil, receipt.pauseUntil);
      emit({
        type: 'delivered',
        reference: ticket.reference,
        externalId: receipt.externalId,
        attempts: ticket.attempts + 1,
      });
    } catch (error) {
      failed(ticket, stopped ? new DeliveryError('ambiguous', 'stopped while sending') : toDeliveryError(error));
    } finally {
      inFlight = undefined;
    }
  }

  function failed(ticket: StoredTicket, error: DeliveryError): void {
    const attempts = ticket.attempts + 1;
    let retryInMs = backoff(attempts);
    if (error.failure === 'rate-limited') {
      retryInMs = error.retryAfterMs ?? retryInMs;
      pausedUntil = Math.max(pausedUntil, now() + retryInMs);
    } else if (error.failure === 'rejected') {
      retryInMs = rejectedRetryMs;
    } else if (error.retryAfterMs !== undefined) {
      retryInMs = Math.max(retryInMs, error.retryAfterMs);
    }
    outbox.markRetry(ticket.reference, {
      error: `${error.failure}: ${error.message}`,
      at: new Date(now() + retryInMs),
      maybeCreated: error.failure === 'ambiguous',
      state: error.failure === 'rejected' ? 'failed' : 'pending',
    });
    emit({
      type: 'retry',
      reference: ticket.reference,
      failure: error.failure,
      error: error.message,
      retryInMs,
    });
  }

  async function run(): Promise<void> {
    const recovered = outbox.recoverInterrupted(new Date(now()));
    if (recovered > 0) emit({ type: 'recovered', count: recovered });
    while (!stopped) {
      try {
        const t = now();
        if (pausedUntil > t) {
          await sleep(pausedUntil - t);
          continue;
        }
        const due = outbox.nextDue(new Date(t));
        if (due) {
          await attempt(due);
          continue;
        }
        const next = outbox.nextAttemptTime();
        await sleep(next === undefined ? idlePollMs : Math.min(idlePollMs, next - t));
      } catch (error) {
        // The outbox itself failed (disk full, locked): keep the loop alive and try again shortly. A row left
        // 'sending' by the failed write goes back to the queue, marked "look before creating again".
        emit({ type: 'error', error: String(error) });
        await sleep(baseDelayMs);
        try {
          outbox.recoverInterrupted(new Date(now()));
        } catch {
          // still failing: the next turn of the loop tries again
        }
      }
    }
  }

  const running = run();
  return {
    wake: () => wakeUp(),
    async stop() {
      stopped = true;
      inFlight?.abort();
      wakeUp();
      await running;
    },
  };
}

function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  // An adapter bug or an unknown failure: assume the worst (it may have been created) and keep the ticket.
  return new DeliveryError('ambiguous', error instanceof Error ? error.message : String(error));
}
