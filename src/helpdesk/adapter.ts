// One interface for every helpdesk: deliver a stored ticket, or say how the attempt failed.
import type { StoredTicket } from './outbox.ts';

export interface DeliveryReceipt {
  externalId: string;
  externalUrl?: string | undefined;
  /** The helpdesk said its quota is spent until this time (epoch ms): pause all deliveries until then. */
  pauseUntil?: number | undefined;
}

export interface DeliveryContext {
  /** An earlier attempt may have created the ticket: look for it before creating a second one. */
  maybeCreated: boolean;
  signal: AbortSignal;
}

export interface HelpdeskAdapter {
  readonly name: string;
  deliver(ticket: StoredTicket, context: DeliveryContext): Promise<DeliveryReceipt>;
  /** One authenticated, read-only call (`npm run tickets -- --check-helpdesk`): what the helpdesk said. */
  check(signal: AbortSignal): Promise<HelpdeskCheck>;
}

/** ok: tickets can be delivered as configured; lines: what was found, or what to fix. */
export interface HelpdeskCheck {
  ok: boolean;
  lines: string[];
}

/**
 * retry: nothing was created, try again later; ambiguous: it may have been created (timeout, 5xx, connection
 * lost); rate-limited: wait `retryAfterMs` before any delivery; rejected: the helpdesk refuses this request
 * (bad token, missing repository, invalid data) until an operator fixes something.
 */
export type DeliveryFailure = 'retry' | 'ambiguous' | 'rate-limited' | 'rejected';

export class DeliveryError extends Error {
  readonly failure: DeliveryFailure;
  readonly retryAfterMs: number | undefined;

  constructor(failure: DeliveryFailure, message: string, retryAfterMs?: number) {
    super(message);
    this.name = 'DeliveryError';
    this.failure = failure;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The local helpdesk: the outbox is the inbox (`npm run tickets`), so delivery is immediate. */
export function createLocalAdapter(): HelpdeskAdapter {
  return {
    name: 'local',
    deliver: async (ticket) => ({ externalId: ticket.reference }),
    check: async () => ({
      ok: true,
      lines: ['local inbox: tickets stay in the outbox (npm run tickets); there is no helpdesk to call'],
    }),
  };
}
