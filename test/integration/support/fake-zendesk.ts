// A fake Zendesk Support API on 127.0.0.1, following the documented request and response shapes of:
//   Create Ticket, List Tickets (?external_id=)  https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/
//   Idempotency (Idempotency-Key, x-idempotency-lookup, 2 hours)
//                                           https://developer.zendesk.com/api-reference/ticketing/introduction/#idempotency
//   Show Ticket Metrics (GET /api/v2/tickets/{ticket_id}/metrics.json: ticket_metric.created_at and
//   reply_time_in_minutes {calendar, business}, null until the first public agent reply)
//                                           https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/
//   Show the currently authenticated user   https://developer.zendesk.com/api-reference/ticketing/users/users/
//   API token auth ({email}/token:{token})  https://developer.zendesk.com/api-reference/introduction/security-and-auth/
//   Rate limits (429, Retry-After, X-Rate-Limit-Remaining)
//                                           https://developer.zendesk.com/api-reference/introduction/rate-limits/
import {
  basicCredentials,
  startFakeServer,
  type FakeAnswer,
  type FakeRequest,
  type FakeServer,
} from './fake-server.ts';

export interface ZendeskTicket {
  id: number;
  subject: string;
  comment: { html_body?: string; body?: string; public: boolean };
  requester: { name: string; email: string };
  priority: string;
  tags: string[];
  external_id: string;
  custom_fields?: Array<{ id: number; value: string }>;
  created_at: string;
  /** When an agent first replied in public (what the ticket metrics count from created_at); none yet: undefined. */
  first_reply_at?: string;
}

export type ZendeskRoute = 'create' | 'lookup' | 'me' | 'metrics';

const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

export async function startFakeZendesk(options: { email?: string; token?: string; role?: string } = {}) {
  const email = options.email ?? 'bot@example.com';
  let token = options.token ?? 'zendesk-token';
  const tickets: ZendeskTicket[] = [];
  /** Idempotency-Key -> the ticket and the exact body it was created with. */
  const keys = new Map<string, { ticket: ZendeskTicket; body: string }>();

  const route = ({ method, url }: FakeRequest): ZendeskRoute | undefined => {
    if (url.pathname === '/api/v2/tickets.json')
      return method === 'POST' ? 'create' : method === 'GET' ? 'lookup' : undefined;
    if (url.pathname === '/api/v2/users/me.json' && method === 'GET') return 'me';
    if (/^\/api\/v2\/tickets\/\d+\/metrics\.json$/.test(url.pathname) && method === 'GET') return 'metrics';
    return undefined;
  };

  const shown = (t: ZendeskTicket, base: string) => ({
    id: t.id,
    url: `${base}/api/v2/tickets/${t.id}.json`,
    external_id: t.external_id,
    subject: t.subject,
    priority: t.priority,
    status: 'new',
    tags: t.tags,
    custom_fields: t.custom_fields ?? [],
  });

  function create(request: FakeRequest): FakeAnswer {
    const key = request.headers['idempotency-key'] as string | undefined;
    const seen = key === undefined ? undefined : keys.get(key);
    if (seen && seen.body !== request.body) {
      return { status: 400, body: { error: 'IdempotentRequestError', description: 'Request parameters differ' } };
    }
    if (seen)
      return {
        status: 201,
        body: { ticket: shown(seen.ticket, server.baseUrl) },
        headers: { 'x-idempotency-lookup': 'hit' },
      };
    const input = (JSON.parse(request.body) as { ticket?: Partial<ZendeskTicket> }).ticket ?? {};
    const invalid: string[] = [];
    if (typeof input.subject !== 'string' || input.subject === '') invalid.push('subject');
    if (typeof input.comment?.html_body !== 'string' && typeof input.comment?.body !== 'string')
      invalid.push('comment');
    if (typeof input.requester?.email !== 'string' || !input.requester.email.includes('@')) invalid.push('requester');
    if (!PRIORITIES.includes(input.priority ?? '')) invalid.push('priority');
    if (input.tags !== undefined && !(Array.isArray(input.tags) && input.tags.every((t) => !/\s/.test(t)))) {
      invalid.push('tags');
    }
    if (invalid.length > 0) {
      const details = Object.fromEntries(invalid.map((f) => [f, [{ description: `${f} is invalid` }]]));
      return { status: 422, body: { error: 'RecordInvalid', description: 'Record validation errors', details } };
    }
    const ticket = {
      ...(input as ZendeskTicket),
      id: tickets.length + 1,
      comment: { public: true, ...input.comment },
      created_at: new Date().toISOString(),
    };
    tickets.push(ticket);
    if (key !== undefined) keys.set(key, { ticket, body: request.body });
    return {
      status: 201,
      body: { ticket: shown(ticket, server.baseUrl) },
      headers: { location: `${server.baseUrl}/api/v2/tickets/${ticket.id}.json`, 'x-idempotency-lookup': 'miss' },
    };
  }

  // Minutes from creation to the first public agent reply, whole minutes as Zendesk reports them.
  function metrics(request: FakeRequest): FakeAnswer {
    const id = Number(request.url.pathname.split('/')[4]);
    const ticket = tickets.find((t) => t.id === id);
    if (!ticket) return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
    const minutes = ticket.first_reply_at
      ? Math.round((Date.parse(ticket.first_reply_at) - Date.parse(ticket.created_at)) / 60_000)
      : null;
    return {
      status: 200,
      body: {
        ticket_metric: {
          id: 1000 + id,
          ticket_id: id,
          url: `${server.baseUrl}/api/v2/ticket_metrics/${1000 + id}.json`,
          created_at: ticket.created_at,
          updated_at: ticket.first_reply_at ?? ticket.created_at,
          replies: minutes === null ? 0 : 1,
          reply_time_in_minutes: { calendar: minutes, business: minutes },
        },
      },
    };
  }

  const server: FakeServer<ZendeskRoute> = await startFakeServer<ZendeskRoute>({
    route,
    refuse: (request) => {
      const [user, password] = basicCredentials(request.headers) ?? [];
      if (user === `${email}/token` && password === token) return undefined;
      return { status: 401, body: { error: "Couldn't authenticate you" } };
    },
    handle: (name, request): FakeAnswer => {
      if (name === 'create') return create(request);
      if (name === 'metrics') return metrics(request);
      if (name === 'me') {
        return { status: 200, body: { user: { id: 9001, name: 'Support Bot', email, role: options.role ?? 'admin' } } };
      }
      const externalId = request.url.searchParams.get('external_id');
      const matching = tickets.filter((t) => externalId === null || t.external_id === externalId);
      return {
        status: 200,
        body: { tickets: matching.map((t) => shown(t, server.baseUrl)), count: matching.length, next_page: null },
      };
    },
    headers: () => ({ 'x-rate-limit': '700', 'x-rate-limit-remaining': '699', 'ratelimit-reset': '41' }),
  });

  return {
    ...server,
    tickets,
    env: {
      HELPDESK: 'zendesk',
      ZENDESK_URL: server.baseUrl,
      ZENDESK_EMAIL: email,
      ZENDESK_API_TOKEN: token,
    } as Record<string, string>,
    setToken(next: string) {
      token = next;
    },
    /** A ticket as if created at `createdAt` (as delivery would have), returning its id. */
    addTicket(externalId: string, createdAt: string): number {
      const id = tickets.length + 1;
      tickets.push({
        id,
        subject: externalId,
        comment: { body: '', public: true },
        requester: { name: 'Customer', email: 'customer@example.com' },
        priority: 'normal',
        tags: [],
        external_id: externalId,
        created_at: createdAt,
      });
      return id;
    },
    /** An agent's first public reply on ticket `id` at `at` (later replies do not change the metric). */
    reply(id: number, at: string) {
      const ticket = tickets.find((t) => t.id === id)!;
      ticket.first_reply_at ??= at;
    },
    /** Zendesk keeps idempotency keys for two hours; after that only the external_id lookup prevents a duplicate. */
    forgetIdempotencyKeys: () => keys.clear(),
  };
}

export type FakeZendesk = Awaited<ReturnType<typeof startFakeZendesk>>;
