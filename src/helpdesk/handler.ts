// POST /api/tickets, framework-agnostic: validate, re-derive on the server, store durably, answer 202.
import type { FieldError } from '../lib/errors.ts';
import { parseJson } from '../lib/errors.ts';
import { readableFieldErrors, type SupportPolicy } from '../lib/policy/index.ts';
import { deriveTicket, ticketSchema, type Ticket } from '../lib/ticket/index.ts';
import { ticketHash, type Outbox, type StoredTicket } from './outbox.ts';
import { clientKey, type RateLimiter } from './rate-limit.ts';

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/** A ticket is at most 4 levels deep; anything far deeper is an attack on the parser, not a ticket. */
const MAX_JSON_DEPTH = 32;

export interface TicketRequestDeps {
  policy: SupportPolicy;
  outbox: Pick<Outbox, 'store'> & Partial<Pick<Outbox, 'findByKey'>>;
  now?: () => Date;
  /** The peer address from the server (Astro's `clientAddress`). */
  clientAddress?: string | undefined;
  /** The public site (SITE_URL): browsers posting from it are allowed, as are same-origin requests. */
  siteUrl?: string | undefined;
  /** Proxies in front of the server (TRUST_PROXY): rate-limit by the X-Forwarded-For hop the outermost appended. */
  trustProxy?: number;
  /** Told when X-Forwarded-For arrives but no proxy is trusted (every customer would share the proxy's bucket). */
  onUntrustedForwardedFor?: () => void;
  rateLimiter?: RateLimiter | undefined;
  maxBodyBytes?: number;
  /** Called once a new ticket is stored, e.g. to wake the delivery loop. */
  onStored?: (ticket: StoredTicket) => void;
}

export async function handleTicketRequest(request: Request, deps: TicketRequestDeps): Promise<Response> {
  try {
    return await handle(request, deps);
  } catch {
    return problem(500, `something went wrong on our side: try again, or e-mail ${deps.policy.contacts.supportEmail}`);
  }
}

async function handle(request: Request, deps: TicketRequestDeps): Promise<Response> {
  const cors = corsHeaders(request, deps.siteUrl);
  const answer = await answerRequest(request, deps, cors);
  for (const [name, value] of Object.entries(cors ?? {})) answer.headers.set(name, value);
  return answer;
}

async function answerRequest(
  request: Request,
  deps: TicketRequestDeps,
  cors: Record<string, string> | undefined,
): Promise<Response> {
  const now = deps.now ?? (() => new Date());
  // The preflight of a form served from another origin (static pages on a CDN, PUBLIC_TICKET_ENDPOINT here).
  if (request.method === 'OPTIONS' && cors) {
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      },
    });
  }
  if (request.method !== 'POST') {
    return problem(405, 'only POST is allowed: POST the ticket as JSON to /api/tickets', {
      allow: 'POST',
    });
  }
  if (!originAllowed(request, deps.siteUrl)) {
    return problem(403, 'this form can only be sent from the support site');
  }
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return problem(415, 'send the ticket as JSON with Content-Type: application/json');
  }
  const maxBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const body = await readBody(request, maxBytes);
  if (body === 'too-large') return problem(413, `the ticket is larger than ${maxBytes} bytes: shorten the text`);
  if (body === 'unreadable') return problem(400, 'the request body could not be read as UTF-8 text');

  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    return problem(400, `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep: send the ticket as the form does`);
  }
  const parsed = parseJson(body);
  if (!parsed.ok) return json(400, { errors: [parsed.error] });
  const result = ticketSchema.safeParse(parsed.value);
  if (!result.success) return json(400, { errors: readableFieldErrors(result.error, parsed.value) });

  // The rate limit first. A client over it may be retrying a ticket we have: it still gets its reference. (Every
  // other retry is found by the store itself, so a new ticket costs no look-up before it is stored.)
  const hops = deps.trustProxy ?? 0;
  if (hops === 0 && request.headers.has('x-forwarded-for')) deps.onUntrustedForwardedFor?.();
  const client = deps.rateLimiter ? clientKey(request, deps.clientAddress, hops) : undefined;
  if (deps.rateLimiter && client !== undefined) {
    const verdict = deps.rateLimiter.take(client, now().getTime());
    if (!verdict.allowed) {
      const existing = await deps.outbox.findByKey?.(result.data.idempotencyKey);
      if (existing) return sameKey(existing, result.data);
      const wait = verdict.retryAfterSeconds;
      return problem(429, `too many tickets from this address: try again in ${wait} seconds`, {
        'retry-after': String(wait),
      });
    }
  }

  // Never trust the client's priority or times: derive them here, at the server's clock.
  const stamp = now();
  const derived = deriveTicket(result.data, deps.policy, stamp);
  let stored: { stored: StoredTicket; created: boolean };
  try {
    stored = await deps.outbox.store(result.data, derived, stamp);
  } catch {
    const email = deps.policy.contacts.supportEmail;
    return problem(503, `the ticket could not be stored: try again in a minute, or e-mail ${email}`, {
      'retry-after': '60',
    });
  }
  if (!stored.created) {
    // A retry of a stored ticket: it does not count against the client's allowance.
    if (client !== undefined) deps.rateLimiter?.giveBack(client);
    return sameKey(stored.stored, result.data);
  }
  deps.onStored?.(stored.stored);
  return accepted(stored.stored);
}

/** A retry of a stored ticket gets its reference; another ticket under the same key is refused. */
function sameKey(stored: StoredTicket, ticket: Ticket): Response {
  if (stored.requestHash === null || stored.requestHash === ticketHash(ticket)) return accepted(stored);
  return json(409, {
    errors: [
      {
        path: 'idempotencyKey',
        message:
          'this key was already used for a different ticket: send the edited ticket with a new idempotencyKey (the form starts one for you)',
      },
    ],
  });
}

/** How deeply arrays and objects nest, counted without recursion (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

function accepted({ reference, derived }: StoredTicket): Response {
  return json(202, { reference, priority: derived.priority, firstResponseDue: derived.firstResponseDue });
}

/** CORS headers for a browser posting from the configured site when that is not this endpoint's own origin. */
export function corsHeaders(request: Request, siteUrl: string | undefined): Record<string, string> | undefined {
  const origin = request.headers.get('origin');
  if (origin === null || siteUrl === undefined) return undefined;
  if (origin === new URL(request.url).origin || !originAllowed(request, siteUrl)) return undefined;
  return { 'access-control-allow-origin': origin, vary: 'origin' };
}

/** Browsers always send Origin on POST: it must be this endpoint's own origin or the configured site. */
export function originAllowed(request: Request, siteUrl: string | undefined): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true; // not a browser form post (curl, server-to-server): nothing to forge
  const allowed = new Set<string>();
  for (const url of [request.url, siteUrl]) {
    if (url === undefined) continue;
    try {
      allowed.add(new URL(url).origin);
    } catch {
      // an unparsable URL allows nothing
    }
  }
  return allowed.has(origin);
}

/** Reads at most `maxBytes` (whatever Content-Length claims) and decodes strict UTF-8. */
export async function readBody(request: Request, maxBytes: number): Promise<string | 'too-large' | 'unreadable'> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return 'too-large';
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return 'too-large';
      }
      chunks.push(value);
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return 'unreadable';
  }
}

function problem(status: number, message: string, headers: Record<string, string> = {}): Response {
  const errors: FieldError[] = [{ path: '', message }];
  return json(status, { errors }, headers);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
