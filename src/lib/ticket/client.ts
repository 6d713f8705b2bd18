// The ticket form's side of POST /api/tickets: one idempotency key per draft (so sending again, after a network
// error or a second click, gives the same reference), the answer as data, and the words the form shows for it.
// Pure: the caller passes fetch (the browser's, or a fake in tests).
import type { FieldError } from '../errors.ts';
import type { Priority } from '../policy/schema.ts';

export interface TicketReceipt {
  reference: string;
  priority: Priority;
  firstResponseDue: string;
}

/** What came of sending a ticket. */
export type SendOutcome =
  | { kind: 'received'; receipt: TicketReceipt }
  /** The server checked the ticket and names the fields to fix. */
  | { kind: 'invalid'; errors: FieldError[] }
  /** Several tickets from this connection just now: send again after `retryAfterSeconds` (when the server says). */
  | { kind: 'rate-limited'; retryAfterSeconds: number | undefined }
  | { kind: 'too-large' }
  /** The draft was edited after an earlier send reached us under the same key: send it again with a new key. */
  | { kind: 'conflict' }
  /** Any other answer; `message` is the server's first error, when it gave one. */
  | { kind: 'failed'; status: number; message: string | undefined }
  /** No answer at all: offline, DNS, a connection reset. */
  | { kind: 'unreachable' };

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** POSTs the ticket as JSON and reads the answer; never throws. */
export async function sendTicket(fetch: Fetch, endpoint: string, ticket: unknown): Promise<SendOutcome> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(ticket),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const body = (await response.json().catch(() => ({}))) as Partial<TicketReceipt> & { errors?: FieldError[] };
  if (response.status === 202 && body.reference && body.priority && body.firstResponseDue) {
    return {
      kind: 'received',
      receipt: { reference: body.reference, priority: body.priority, firstResponseDue: body.firstResponseDue },
    };
  }
  if (response.status === 400 && body.errors?.length) return { kind: 'invalid', errors: body.errors };
  if (response.status === 429) {
    const wait = Number(response.headers.get('retry-after') ?? NaN);
    return { kind: 'rate-limited', retryAfterSeconds: Number.isInteger(wait) && wait >= 0 ? wait : undefined };
  }
  if (response.status === 413) return { kind: 'too-large' };
  if (response.status === 409) return { kind: 'conflict' };
  return { kind: 'failed', status: response.status, message: body.errors?.[0]?.message };
}

/** What the form says when a ticket was not received (the received and invalid outcomes are shown otherwise). */
export function sendProblemMessage(
  outcome: Exclude<SendOutcome, { kind: 'received' | 'invalid' }>,
  supportEmail: string,
): string {
  switch (outcome.kind) {
    case 'unreachable':
      return (
        'We could not reach our server: check your connection and send again. Your answers are kept on this ' +
        'device, and sending again will not open a second ticket.'
      );
    case 'rate-limited':
      return `We received several tickets from your connection just now: send again in ${outcome.retryAfterSeconds ?? 'a few'} seconds. Your answers are kept.`;
    case 'too-large':
      return 'Your ticket is too long to send: shorten the description or the lists.';
    case 'conflict':
      return (
        'An earlier send of this ticket reached us before you changed it. Send again to file the changed ticket ' +
        'as a new one; the earlier one is kept too.'
      );
    case 'failed':
      return `${outcome.message ?? 'Something went wrong on our side.'} If it keeps failing, write to ${supportEmail}.`;
  }
}

/** A UUID v4; crypto.randomUUID only exists on https and localhost, getRandomValues everywhere. */
export function newIdempotencyKey(
  random: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto,
): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
