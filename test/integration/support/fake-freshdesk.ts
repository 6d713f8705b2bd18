// A fake Freshdesk API v2 on 127.0.0.1, following the documented request and response shapes of
// https://developers.freshdesk.com/api/ : Create a Ticket (#create_ticket), Filter Tickets (#filter_tickets:
// GET /api/v2/search/tickets?query="tag:'x'", {results, total}), List All Tickets (#list_all_tickets, ?email=),
// View a Ticket (#view_a_ticket: GET /api/v2/tickets/[id]?include=stats adds stats.first_responded_at, null until
// an agent responds), View the currently authenticated agent (#me: GET /api/v2/agents/me), Authentication (#authentication: API key
// as the Basic user, X as the password) and Rate Limit (#ratelimit: 429 with Retry-After, X-Ratelimit-* headers).
import {
  basicCredentials,
  startFakeServer,
  type FakeAnswer,
  type FakeRequest,
  type FakeServer,
} from './fake-server.ts';

export interface FreshdeskTicket {
  id: number;
  name?: string;
  email: string;
  subject: string;
  description: string;
  priority: number;
  status: number;
  source: number;
  tags: string[];
  custom_fields?: Record<string, string>;
  created_at: string;
  /** When an agent first responded (stats.first_responded_at); none yet: undefined. */
  first_responded_at?: string;
}

export type FreshdeskRoute = 'create' | 'search' | 'list' | 'me' | 'view';

const validation = (errors: Array<{ field: string; message: string }>): FakeAnswer => ({
  status: 400,
  body: { description: 'Validation failed', errors: errors.map((e) => ({ ...e, code: 'invalid_value' })) },
});

export async function startFakeFreshdesk(
  options: { apiKey?: string; ticketScope?: number; customFields?: string[] } = {},
) {
  let apiKey = options.apiKey ?? 'freshdesk-key';
  const tickets: FreshdeskTicket[] = [];
  /** Search reads an index that lags behind new tickets; false: new tickets are not searchable yet. */
  let indexed = true;
  const unindexed = new Set<number>();
  let remaining = 3000;

  const route = ({ method, url }: FakeRequest): FreshdeskRoute | undefined => {
    if (url.pathname === '/api/v2/tickets') return method === 'POST' ? 'create' : method === 'GET' ? 'list' : undefined;
    if (url.pathname === '/api/v2/search/tickets' && method === 'GET') return 'search';
    if (url.pathname === '/api/v2/agents/me' && method === 'GET') return 'me';
    if (/^\/api\/v2\/tickets\/\d+$/.test(url.pathname) && method === 'GET') return 'view';
    return undefined;
  };

  function create(request: FakeRequest): FakeAnswer {
    const input = JSON.parse(request.body) as Partial<FreshdeskTicket>;
    const errors: Array<{ field: string; message: string }> = [];
    if (typeof input.email !== 'string' || !input.email.includes('@'))
      errors.push({ field: 'email', message: 'It should be a valid email address' });
    if (typeof input.subject !== 'string' || input.subject === '')
      errors.push({ field: 'subject', message: 'It should not be blank' });
    if (typeof input.description !== 'string')
      errors.push({ field: 'description', message: 'It should be a/an String' });
    if (![1, 2, 3, 4].includes(input.priority ?? 0))
      errors.push({ field: 'priority', message: 'It should be one of these values: 1,2,3,4' });
    if (![2, 3, 4, 5].includes(input.status ?? 0))
      errors.push({ field: 'status', message: 'It should be one of these values: 2,3,4,5' });
    if (![1, 2, 3, 7, 9, 10].includes(input.source ?? 0))
      errors.push({ field: 'source', message: 'It should be one of these values: 1,2,3,7,9,10' });
    if (
      input.tags !== undefined &&
      !(Array.isArray(input.tags) && input.tags.every((t) => typeof t === 'string' && t.length <= 32))
    ) {
      errors.push({ field: 'tags', message: 'It should be an array of strings of at most 32 characters' });
    }
    for (const name of Object.keys(input.custom_fields ?? {})) {
      if (!(options.customFields ?? []).includes(name))
        errors.push({ field: name, message: 'Unexpected/invalid field in request' });
    }
    if (errors.length > 0) return validation(errors);
    const ticket: FreshdeskTicket = {
      ...(input as FreshdeskTicket),
      tags: input.tags ?? [],
      id: tickets.length + 1,
      created_at: new Date().toISOString(),
    };
    tickets.push(ticket);
    if (!indexed) unindexed.add(ticket.id);
    return { status: 201, body: ticket, headers: { location: `${server.baseUrl}/api/v2/tickets/${ticket.id}` } };
  }

  function search(request: FakeRequest): FakeAnswer {
    const query = request.url.searchParams.get('query') ?? '';
    const match = /^"tag:'([^']+)'"$/.exec(query);
    if (!match) return validation([{ field: 'query', message: 'Query should be enclosed in double quotes' }]);
    const results = tickets.filter((t) => !unindexed.has(t.id) && t.tags.includes(match[1]!));
    return { status: 200, body: { results, total: results.length } };
  }

  function list(request: FakeRequest): FakeAnswer {
    const email = request.url.searchParams.get('email');
    const perPage = Number(request.url.searchParams.get('per_page') ?? 30);
    if (perPage > 100) return validation([{ field: 'per_page', message: 'It should be less than or equal to 100' }]);
    const matching = tickets.filter((t) => email === null || t.email === email).sort((a, b) => b.id - a.id);
    return { status: 200, body: matching.slice(0, perPage) };
  }

  function view(request: FakeRequest): FakeAnswer {
    const id = Number(request.url.pathname.split('/')[4]);
    const found = tickets.find((t) => t.id === id);
    if (!found) return { status: 404, body: { code: 'access_denied', message: 'Not found' } };
    const { first_responded_at, ...ticket } = found;
    const include = (request.url.searchParams.get('include') ?? '').split(',');
    if (!include.includes('stats')) return { status: 200, body: ticket };
    const stats = {
      agent_responded_at: first_responded_at ?? null,
      requester_responded_at: null,
      first_responded_at: first_responded_at ?? null,
      status_updated_at: ticket.created_at,
      reopened_at: null,
      resolved_at: null,
      closed_at: null,
      pending_since: null,
    };
    return { status: 200, body: { ...ticket, stats } };
  }

  const server: FakeServer<FreshdeskRoute> = await startFakeServer<FreshdeskRoute>({
    route,
    refuse: (request) => {
      const [user, password] = basicCredentials(request.headers) ?? [];
      if (user === apiKey && password === 'X') return undefined;
      return {
        status: 401,
        body: { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' },
      };
    },
    handle: (name, request): FakeAnswer => {
      remaining = Math.max(0, remaining - 1);
      if (name === 'create') return create(request);
      if (name === 'search') return search(request);
      if (name === 'list') return list(request);
      if (name === 'view') return view(request);
      return {
        status: 200,
        body: {
          id: 77,
          ticket_scope: options.ticketScope ?? 1,
          contact: { name: 'Support Bot', email: 'bot@example.com' },
        },
      };
    },
    headers: () => ({
      'x-ratelimit-total': '3000',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-used-currentrequest': '1',
    }),
  });

  return {
    ...server,
    tickets,
    env: { HELPDESK: 'freshdesk', FRESHDESK_DOMAIN: server.baseUrl, FRESHDESK_API_KEY: apiKey } as Record<
      string,
      string
    >,
    /** A ticket as if created at `createdAt` (as delivery would have), returning its id. */
    addTicket(subject: string, createdAt: string): number {
      const id = tickets.length + 1;
      tickets.push({
        id,
        email: 'customer@example.com',
        subject,
        description: '',
        priority: 2,
        status: 2,
        source: 2,
        tags: [],
        created_at: createdAt,
      });
      return id;
    },
    /** An agent's first response on ticket `id` at `at` (later ones do not change stats.first_responded_at). */
    respond(id: number, at: string) {
      const ticket = tickets.find((t) => t.id === id)!;
      ticket.first_responded_at ??= at;
    },
    /** The calls left this window, as the X-Ratelimit-Remaining header will say. */
    setRemaining(calls: number) {
      remaining = calls;
    },
    setApiKey(next: string) {
      apiKey = next;
    },
    /** Until `index()`, new tickets are missing from search results, as right after creation in Freshdesk. */
    lagSearchIndex() {
      indexed = false;
    },
    index() {
      indexed = true;
      unindexed.clear();
    },
  };
}

export type FakeFreshdesk = Awaited<ReturnType<typeof startFakeFreshdesk>>;
