// Tickets as Freshdesk tickets (API v2). Freshdesk has no idempotency header, so the reference rides along as a
// tag, and after an ambiguous failure the adapter looks for it before creating the ticket again.
import { FRESHDESK_PRIORITY, helpdeskTags, ticketTitle, toHtml } from '../lib/ticket/index.ts';
import type { DeliveryContext, DeliveryReceipt, HelpdeskAdapter, HelpdeskCheck } from './adapter.ts';
import { DeliveryError } from './adapter.ts';
import type { FreshdeskConfig } from './config.ts';
import { basicAuth, callHelpdesk, classifyAnswer, DEFAULT_RATE_LIMIT_WAIT_MS, type HttpAnswer } from './http.ts';
import type { StoredTicket } from './outbox.ts';

export interface FreshdeskAdapterOptions extends Omit<FreshdeskConfig, 'helpdesk'> {
  requestTimeoutMs?: number;
  now?: () => number;
}

interface FreshdeskTicket {
  id: number;
  subject?: string;
  tags?: string[];
}

/** Freshdesk's status 2 is Open, source 2 is Portal (a web form). */
const STATUS_OPEN = 2;
const SOURCE_PORTAL = 2;

/** The body of POST /api/v2/tickets for a stored ticket. */
export function freshdeskTicket(stored: StoredTicket, options: Pick<FreshdeskConfig, 'fields'>) {
  const facts = { ...stored.derived, reference: stored.reference };
  const { ticket, derived } = stored;
  const custom: Record<string, string> = {};
  const { fields } = options;
  if (fields.category !== undefined) custom[fields.category] = ticket.category;
  if (fields.firstResponseDue !== undefined) custom[fields.firstResponseDue] = derived.firstResponseDue;
  if (fields.resolutionDue !== undefined && derived.resolutionDue !== null) {
    custom[fields.resolutionDue] = derived.resolutionDue;
  }
  return {
    name: ticket.contact.name,
    email: ticket.contact.email,
    subject: ticketTitle(ticket, facts),
    description: toHtml(ticket, facts),
    priority: FRESHDESK_PRIORITY[derived.priority],
    status: STATUS_OPEN,
    source: SOURCE_PORTAL,
    // The reference first: the tag search below finds the ticket by it.
    tags: [stored.reference, ...helpdeskTags(ticket, derived)],
    ...(Object.keys(custom).length > 0 ? { custom_fields: custom } : {}),
  };
}

export function createFreshdeskAdapter(options: FreshdeskAdapterOptions): HelpdeskAdapter {
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const now = options.now ?? Date.now;
  const call = (signal: AbortSignal, path: string, body?: unknown) =>
    callHelpdesk('Freshdesk', {
      method: body === undefined ? 'GET' : 'POST',
      url: `${options.baseUrl}${path}`,
      headers: {
        authorization: basicAuth(options.apiKey, 'X'),
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      timeoutMs,
    });
  const receipt = (ticket: FreshdeskTicket, answer?: HttpAnswer): DeliveryReceipt => ({
    externalId: String(ticket.id),
    externalUrl: `${options.baseUrl}/a/tickets/${ticket.id}`,
    pauseUntil: answer ? quotaSpentUntil(answer, now()) : undefined,
  });
  const ours = (reference: string) => (t: FreshdeskTicket) =>
    (t.tags ?? []).includes(reference) || (t.subject ?? '').includes(reference);
  const oldest = (tickets: FreshdeskTicket[]) => tickets.reduce((a, b) => (a.id <= b.id ? a : b));

  /**
   * The tag search first; then the requester's latest tickets, read from the database rather than the search
   * index, because a ticket created seconds ago may not be indexed yet.
   */
  async function findExisting(stored: StoredTicket, signal: AbortSignal): Promise<DeliveryReceipt | undefined> {
    const query = encodeURIComponent(`"tag:'${stored.reference}'"`);
    const search = await call(signal, `/api/v2/search/tickets?query=${query}`);
    if (search.status !== 200) throw classifyAnswer('Freshdesk', search, now());
    const found = ((search.body as { results?: FreshdeskTicket[] } | undefined)?.results ?? []).filter(
      ours(stored.reference),
    );
    if (found.length > 0) return receipt(oldest(found));
    const email = encodeURIComponent(stored.ticket.contact.email);
    const recent = await call(
      signal,
      `/api/v2/tickets?email=${email}&order_by=created_at&order_type=desc&per_page=100`,
    );
    if (recent.status !== 200) throw classifyAnswer('Freshdesk', recent, now());
    const listed = (Array.isArray(recent.body) ? (recent.body as FreshdeskTicket[]) : []).filter(
      ours(stored.reference),
    );
    return listed.length > 0 ? receipt(oldest(listed)) : undefined;
  }

  async function deliver(stored: StoredTicket, context: DeliveryContext): Promise<DeliveryReceipt> {
    if (context.maybeCreated) {
      const existing = await findExisting(stored, context.signal);
      if (existing) return existing;
    }
    const answer = await call(context.signal, '/api/v2/tickets', freshdeskTicket(stored, options));
    const created = answer.body as FreshdeskTicket | undefined;
    if ((answer.status === 200 || answer.status === 201) && typeof created?.id === 'number') {
      return receipt(created, answer);
    }
    if (answer.status < 300) {
      throw new DeliveryError('ambiguous', `Freshdesk answered ${answer.status} without a ticket id`);
    }
    throw classifyAnswer('Freshdesk', answer, now());
  }

  async function check(signal: AbortSignal): Promise<HelpdeskCheck> {
    const where = `Freshdesk at ${options.baseUrl}`;
    const answer = await call(signal, '/api/v2/agents/me');
    if (answer.status === 401 || answer.status === 403) {
      return {
        ok: false,
        lines: [
          `${where} refused the API key (${answer.status}): check FRESHDESK_API_KEY (Profile settings > API key)`,
        ],
      };
    }
    if (answer.status !== 200) {
      return { ok: false, lines: [`${where}: ${classifyAnswer('Freshdesk', answer, now()).message}`] };
    }
    const agent = answer.body as { contact?: { name?: string; email?: string }; ticket_scope?: number } | undefined;
    const lines = [`${where}: signed in as agent ${agent?.contact?.name ?? '?'} <${agent?.contact?.email ?? '?'}>`];
    const limit = answer.headers.get('x-ratelimit-total');
    if (limit !== null) {
      lines.push(`API quota: ${answer.headers.get('x-ratelimit-remaining') ?? '?'} of ${limit} calls left`);
    }
    if (agent?.ticket_scope !== undefined && agent.ticket_scope !== 1) {
      lines.push(
        "the agent's ticket scope is not global access: after a failure it may not see the ticket it created, so give it global access",
      );
      return { ok: false, lines };
    }
    return { ok: true, lines };
  }

  return { name: 'freshdesk', deliver, check };
}

/** Freshdesk gives no reset time with X-Ratelimit-Remaining: 0; its windows are per minute, so wait one. */
function quotaSpentUntil(answer: HttpAnswer, now: number): number | undefined {
  return answer.headers.get('x-ratelimit-remaining') === '0' ? now + DEFAULT_RATE_LIMIT_WAIT_MS : undefined;
}
