// Tickets as a signed POST to any HTTPS receiver (an automation tool, an in-house CRM, Jira Service Management).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { webhookPayload } from '../lib/ticket/index.ts';
import type { DeliveryContext, DeliveryReceipt, HelpdeskAdapter, HelpdeskCheck } from './adapter.ts';
import { callHelpdesk, classifyAnswer } from './http.ts';
import type { StoredTicket } from './outbox.ts';

export const SIGNATURE_HEADER = 'x-dialtone-signature';
export const TIMESTAMP_HEADER = 'x-dialtone-timestamp';
/** Receivers should refuse a signature older (or newer) than this: a captured request cannot be replayed later. */
export const REPLAY_WINDOW_SECONDS = 300;

export interface WebhookAdapterOptions {
  url: string;
  secret: string;
  requestTimeoutMs?: number;
  now?: () => number;
}

/** `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<body>` under the shared secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers written in Node (and our tests): the signature matches and the timestamp is recent. */
export function verifyWebhook(input: {
  secret: string;
  body: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  nowMs: number;
}): { ok: true } | { ok: false; reason: string } {
  const timestamp = Number(input.timestamp);
  if (!input.timestamp || !Number.isInteger(timestamp)) return { ok: false, reason: `no ${TIMESTAMP_HEADER}` };
  if (Math.abs(input.nowMs / 1000 - timestamp) > REPLAY_WINDOW_SECONDS) {
    return { ok: false, reason: 'timestamp outside the replay window' };
  }
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'signature does not match' };
  }
  return { ok: true };
}

export function createWebhookAdapter(options: WebhookAdapterOptions): HelpdeskAdapter {
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const now = options.now ?? Date.now;

  function signedHeaders(body: string): Record<string, string> {
    // Signed afresh on every attempt, so a retry hours later is still inside the receiver's replay window.
    const timestamp = Math.floor(now() / 1000);
    return {
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(options.secret, timestamp, body),
    };
  }

  /**
   * There is nothing to look up on an unknown receiver: after an ambiguous failure the same ticket goes again
   * with the same Idempotency-Key (the reference), and the receiver keeps the first one it saw.
   */
  async function deliver(stored: StoredTicket, context: DeliveryContext): Promise<DeliveryReceipt> {
    const body = JSON.stringify(webhookPayload(stored.ticket, { ...stored.derived, reference: stored.reference }));
    const answer = await callHelpdesk('the webhook', {
      method: 'POST',
      url: options.url,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': stored.reference,
        ...signedHeaders(body),
      },
      body,
      signal: context.signal,
      timeoutMs,
    });
    if (answer.status >= 200 && answer.status < 300) {
      // A receiver may answer with its own id and address for the ticket; anything else, the reference is the id.
      const reply = (answer.body ?? {}) as { id?: unknown; url?: unknown };
      const id = typeof reply.id === 'string' || typeof reply.id === 'number' ? String(reply.id) : stored.reference;
      const url = typeof reply.url === 'string' && /^https?:\/\//.test(reply.url) ? reply.url : undefined;
      return { externalId: id.slice(0, 200), externalUrl: url };
    }
    throw classifyAnswer('the webhook', answer, now());
  }

  /** A signed HEAD: proves the address answers; only a real ticket exercises the receiver's signature check. */
  async function check(signal: AbortSignal): Promise<HelpdeskCheck> {
    const where = `webhook ${options.url}`;
    let status: number;
    try {
      ({ status } = await callHelpdesk('the webhook', {
        method: 'HEAD',
        url: options.url,
        headers: signedHeaders(''),
        signal,
        timeoutMs,
      }));
    } catch (error) {
      return {
        ok: false,
        lines: [`${where}: ${(error instanceof Error ? error.message : String(error)).replace(/: it may.*$/, '')}`],
      };
    }
    const untested = 'a delivery itself cannot be checked without sending a ticket (the receiver verifies POSTs)';
    if (status === 404 || status === 410 || (status >= 300 && status < 400) || status >= 500) {
      return { ok: false, lines: [`${where} answered HEAD with ${status}: check WEBHOOK_URL`, untested] };
    }
    if (status === 401 || status === 403) {
      return { ok: false, lines: [`${where} refused our signed HEAD (${status}): check WEBHOOK_SECRET`, untested] };
    }
    return { ok: true, lines: [`${where} is reachable (HEAD answered ${status})`, untested] };
  }

  return { name: 'webhook', deliver, check };
}
