// One HTTP call to a helpdesk's REST API, and what the delivery loop should make of its answer.
import { DeliveryError } from './adapter.ts';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when there was none or it was not JSON. */
  body: unknown;
}

export interface HttpCall {
  method: 'GET' | 'POST' | 'HEAD' | 'OPTIONS';
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal: AbortSignal;
  timeoutMs: number;
}

/**
 * Sends one request and reads the whole answer. No answer at all (refused, reset, timed out) throws an ambiguous
 * DeliveryError: a create may have happened. Redirects are not followed: a POST silently turned into a GET would
 * look like success, so a moved API is an operator's fix.
 */
export async function callHelpdesk(helpdesk: string, call: HttpCall): Promise<HttpAnswer> {
  const signal = AbortSignal.any([call.signal, AbortSignal.timeout(call.timeoutMs)]);
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: { 'user-agent': 'dialtone-helpdesk', ...call.headers },
      body: call.body,
      signal,
      redirect: 'manual',
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text.slice(0, 300);
    }
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : error;
    throw new DeliveryError('ambiguous', `no answer from ${helpdesk} (${String(reason)}): it may have been created`);
  }
}

/** Without a Retry-After, wait a minute: every helpdesk here counts its quota per minute or longer. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * 429: wait as asked; 408, 5xx: ambiguous (look before creating again); other statuses: rejected, kept for an
 * operator (bad credentials, missing permission, invalid data, a redirect to elsewhere).
 */
export function classifyAnswer(helpdesk: string, answer: HttpAnswer, now: number): DeliveryError {
  const { status } = answer;
  const detail = describeBody(answer.body);
  const retryAfterMs = retryAfter(answer.headers, now);
  if (status === 429) {
    return new DeliveryError(
      'rate-limited',
      `${helpdesk} rate limit (429)${detail}`,
      retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS,
    );
  }
  if (status >= 500 || status === 408) {
    return new DeliveryError('ambiguous', `${helpdesk} answered ${status}${detail}`, retryAfterMs);
  }
  if (status >= 300 && status < 400) {
    const location = answer.headers.get('location');
    return new DeliveryError(
      'rejected',
      `${helpdesk} redirected (${status}) to ${location ?? 'somewhere else'}: set the final address`,
    );
  }
  return new DeliveryError('rejected', `${helpdesk} rejected the request (${status})${detail}`);
}

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfter(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The error text helpdesks put in their bodies (Zendesk: error/description/details; Freshdesk: errors[]). */
function describeBody(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body.trim() === '' ? '' : `: ${body.trim()}`;
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['error', 'message', 'description']) {
    const value = b[key];
    if (typeof value === 'string') parts.push(value);
    else if (value && typeof value === 'object') parts.push(JSON.stringify(value));
  }
  if (b.details !== undefined) parts.push(JSON.stringify(b.details));
  if (Array.isArray(b.errors)) parts.push(JSON.stringify(b.errors));
  const text = parts.join(': ').slice(0, 500);
  return text === '' ? '' : `: ${text}`;
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
