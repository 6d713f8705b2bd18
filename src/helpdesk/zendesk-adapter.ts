// Tickets as Zendesk tickets (Support API), with the customer as requester and no duplicate after an ambiguous failure.
import { helpdeskTags, ticketTitle, toHtml, ZENDESK_PRIORITY } from '../lib/ticket/index.ts';
import type { DeliveryContext, DeliveryReceipt, HelpdeskAdapter, HelpdeskCheck } from './adapter.ts';
import { DeliveryError } from './adapter.ts';
import type { ZendeskConfig } from './config.ts';
import { basicAuth, callHelpdesk, classifyAnswer, type HttpAnswer } from './http.ts';
import type { StoredTicket } from './outbox.ts';

export interface ZendeskAdapterOptions extends Omit<ZendeskConfig, 'helpdesk'> {
  requestTimeoutMs?: number;
  now?: () => number;
}

interface ZendeskTicket {
  id: number;
  external_id?: string | null;
}

/** The body of POST /api/v2/tickets.json for a stored ticket. */
export function zendeskTicket(stored: StoredTicket, options: Pick<ZendeskConfig, 'commentPublic' | 'fields'>) {
  const facts = { ...stored.derived, reference: stored.reference };
  const { ticket, derived } = stored;
  const custom: Array<{ id: number; value: string }> = [];
  const { fields } = options;
  if (fields.category !== undefined) custom.push({ id: fields.category, value: ticket.category });
  if (fields.firstResponseDue !== undefined)
    custom.push({ id: fields.firstResponseDue, value: derived.firstResponseDue });
  if (fields.resolutionDue !== undefined && derived.resolutionDue !== null) {
    custom.push({ id: fields.resolutionDue, value: derived.resolutionDue });
  }
  return {
    ticket: {
      subject: ticketTitle(ticket, facts),
      // html_body, not body: Zendesk reads our escaped HTML as given, where a plain body gets autolinked.
      comment: { html_body: toHtml(ticket, facts), public: options.commentPublic },
      requester: { name: ticket.contact.name, email: ticket.contact.email },
      priority: ZENDESK_PRIORITY[derived.priority],
      tags: helpdeskTags(ticket, derived),
      external_id: stored.reference,
      ...(custom.length > 0 ? { custom_fields: custom } : {}),
    },
  };
}

export function createZendeskAdapter(options: ZendeskAdapterOptions): HelpdeskAdapter {
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const now = options.now ?? Date.now;
  const headers = {
    authorization: basicAuth(`${options.email}/token`, options.token),
    accept: 'application/json',
  };
  const call = (signal: AbortSignal, path: string, init: { method?: 'GET' | 'POST'; body?: unknown; key?: string }) =>
    callHelpdesk('Zendesk', {
      method: init.method ?? 'GET',
      url: `${options.baseUrl}${path}`,
      headers: {
        ...headers,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.key === undefined ? {} : { 'idempotency-key': init.key }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal,
      timeoutMs,
    });
  const receipt = (ticket: ZendeskTicket, answer?: HttpAnswer): DeliveryReceipt => ({
    externalId: String(ticket.id),
    externalUrl: `${options.baseUrl}/agent/tickets/${ticket.id}`,
    pauseUntil: answer ? quotaSpentUntil(answer, now()) : undefined,
  });

  /** External ids need not be unique in Zendesk: the oldest ticket with ours is the one we created. */
  async function findExisting(stored: StoredTicket, signal: AbortSignal): Promise<DeliveryReceipt | undefined> {
    const answer = await call(signal, `/api/v2/tickets.json?external_id=${encodeURIComponent(stored.reference)}`, {});
    if (answer.status !== 200) throw classifyAnswer('Zendesk', answer, now());
    const tickets = ((answer.body as { tickets?: ZendeskTicket[] } | undefined)?.tickets ?? []).filter(
      (t) => t.external_id === stored.reference,
    );
    if (tickets.length === 0) return undefined;
    return receipt(tickets.reduce((a, b) => (a.id <= b.id ? a : b)));
  }

  async function deliver(stored: StoredTicket, context: DeliveryContext): Promise<DeliveryReceipt> {
    if (context.maybeCreated) {
      const existing = await findExisting(stored, context.signal);
      if (existing) return existing;
    }
    // Zendesk answers a repeat of this key (within two hours) with the ticket it already created.
    const answer = await call(context.signal, '/api/v2/tickets.json', {
      method: 'POST',
      body: zendeskTicket(stored, options),
      key: stored.deliveryKey,
    });
    if (answer.status === 409) {
      // The same key is still being processed from an earlier attempt: it may well be created by now.
      throw new DeliveryError('ambiguous', 'Zendesk is still processing an earlier attempt (409)');
    }
    const created = (answer.body as { ticket?: ZendeskTicket } | undefined)?.ticket;
    if ((answer.status === 200 || answer.status === 201) && typeof created?.id === 'number') {
      return receipt(created, answer);
    }
    if (answer.status < 300) {
      throw new DeliveryError('ambiguous', `Zendesk answered ${answer.status} without a ticket id`);
    }
    throw classifyAnswer('Zendesk', answer, now());
  }

  async function check(signal: AbortSignal): Promise<HelpdeskCheck> {
    const where = `Zendesk at ${options.baseUrl}`;
    const answer = await call(signal, '/api/v2/users/me.json', {});
    if (answer.status === 401 || answer.status === 403) {
      return fail(`${where} refused the credentials (${answer.status}): check ZENDESK_EMAIL and ZENDESK_API_TOKEN, and
    that token access is on (Admin Center > Apps and integrations > APIs > Zendesk API)`);
    }
    if (answer.status !== 200) return fail(`${where}: ${classifyAnswer('Zendesk', answer, now()).message}`);
    const user = (answer.body as { user?: { id?: number | null; name?: string; email?: string; role?: string } })?.user;
    if (!user || user.id === null || user.id === undefined) {
      return fail(`${where} answered as an anonymous user: the e-mail/token pair was not accepted`);
    }
    const lines = [
      `${where}: signed in as ${user.name ?? '?'} <${user.email ?? '?'}>, role ${user.role ?? '?'}`,
      `comments will be ${options.commentPublic ? 'public (the requester is notified)' : 'private (internal notes)'}`,
    ];
    if (user.role !== 'agent' && user.role !== 'admin') {
      return fail(...lines, 'the token must belong to an agent or admin: an end user cannot file tickets for others');
    }
    return { ok: true, lines };
  }

  return { name: 'zendesk', deliver, check };
}

function fail(...lines: string[]): HelpdeskCheck {
  return { ok: false, lines: lines.map((line) => line.replace(/\s*\n\s*/g, ' ')) };
}

/** Zendesk counts requests per minute: when none is left, wait for the reset it announces before the next one. */
function quotaSpentUntil(answer: HttpAnswer, now: number): number | undefined {
  if (answer.headers.get('x-rate-limit-remaining') !== '0') return undefined;
  const reset = Number(answer.headers.get('ratelimit-reset'));
  return now + (Number.isFinite(reset) && reset > 0 ? reset * 1000 : 60_000);
}
