// A fake Zendesk Support API on 127.0.0.1, following the documented request and response shapes of:
//   Create Ticket, List Tickets (?external_id=)  https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/
//   Idempotency (Idempotency-Key, x-idempotency-lookup, 2 hours)
//                                           https://developer.zendesk.com/api-reference/ticketing/introduction/#idempotency
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
}

export type ZendeskRoute = 'create' | 'lookup' | 'me';

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
    const ticket = { ...(input as ZendeskTicket), id: tickets.length + 1, comment: { public: true, ...input.comment } };
    tickets.push(ticket);
    if (key !== undefined) keys.set(key, { ticket, body: request.body });
    return {
      status: 201,
      body: { ticket: shown(ticket, server.baseUrl) },
      headers: { location: `${server.baseUrl}/api/v2/tickets/${ticket.id}.json`, 'x-idempotency-lookup': 'miss' },
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
    /** Zendesk keeps idempotency keys for two hours; after that only the external_id lookup prevents a duplicate. */
    forgetIdempotencyKeys: () => keys.clear(),
  };
}

export type FakeZendesk = Awaited<ReturnType<typeof startFakeZendesk>>;
