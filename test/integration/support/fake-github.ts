// A fake GitHub REST API on 127.0.0.1: the endpoints Octokit calls for issues, their comments and the token's
// user, with pagination and faults (rate limits included) on demand.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  created_at: string;
  updated_at: string;
  html_url: string;
}

/**
 * What the next matching request gets instead of a normal answer:
 * status: an error response (with headers such as Retry-After); hang: no answer at all;
 * createThen: the issue IS created, then the connection drops, hangs or answers 502 (ambiguous for the client).
 */
export type Fault =
  | { status: number; headers?: Record<string, string> }
  | { hang: true }
  | { createThen: 'drop' | 'hang' | 'status-502' };

export type Route = 'create' | 'list' | 'repo' | 'comments' | 'user';

export interface FakeComment {
  id: number;
  user: { login: string; type: 'User' | 'Bot' };
  body: string;
  created_at: string;
}

export interface FakeGitHub {
  baseUrl: string;
  token: string;
  issues: FakeIssue[];
  /** Every request, in arrival order; a create carries the title and labels it asked for. */
  requests: Array<{ route: Route; at: number; title?: string; labels?: string[] }>;
  /** Faults for the next requests on a route, in order. */
  failNext(route: Route, ...faults: Fault[]): void;
  /** For every request without a queued fault: a fault, or undefined for a normal answer. */
  chaos(pick: ((route: Route) => Fault | undefined) | undefined): void;
  setToken(token: string): void;
  /** Like GitHub for a token without triage access: issues are created, their labels silently dropped. */
  dropLabels(drop: boolean): void;
  /** Issues filed by someone else (no hidden key). */
  addIssues(count: number): void;
  /** The login GET /user answers: the account the token belongs to (the intake account). */
  login: string;
  /** A comment on an issue, by `login`, at `createdAt` (ISO); comments list in the order added. */
  addComment(issue: number, login: string, createdAt: string, body?: string): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: { token?: string; owner?: string; repo?: string; login?: string } = {}) {
  const login = options.login ?? 'dialtone-intake';
  const comments = new Map<number, FakeComment[]>();
  const owner = options.owner ?? 'example';
  const repo = options.repo ?? 'support-tickets';
  let token = options.token ?? 'test-token';
  const issues: FakeIssue[] = [];
  const requests: FakeGitHub['requests'] = [];
  const queued: Record<Route, Fault[]> = { create: [], list: [], repo: [], comments: [], user: [] };
  let chaos: ((route: Route) => Fault | undefined) | undefined;
  let droppingLabels = false;
  const hanging = new Set<ServerResponse>();

  const issuesPath = `/repos/${owner}/${repo}/issues`;

  function createIssue(input: { title: string; body?: string; labels?: string[] }): FakeIssue {
    const number = issues.length + 1;
    const now = new Date().toISOString();
    const issue = {
      number,
      title: input.title,
      body: input.body ?? '',
      labels: droppingLabels ? [] : (input.labels ?? []),
      created_at: now,
      updated_at: now,
      html_url: `https://github.example/${owner}/${repo}/issues/${number}`,
    };
    issues.push(issue);
    return issue;
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  /** One page of `items` (per_page, page) with GitHub's Link header to the next. */
  function paged<T>(url: URL, res: ServerResponse, items: T[]) {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    send(res, 200, items.slice((page - 1) * perPage, page * perPage), headers);
  }

  function list(url: URL, res: ServerResponse) {
    const since = url.searchParams.get('since');
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const matching = issues.filter((i) => since === null || i.updated_at >= since).sort((a, b) => b.number - a.number);
    const slice = matching.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < matching.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    send(
      res,
      200,
      slice.map((i) => ({ ...i, labels: i.labels.map((name) => ({ name })) })),
      headers,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // The Host the client used, so Link headers point back here (port included).
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const commentsOf = new RegExp(`^${issuesPath}/(\\d+)/comments$`).exec(url.pathname);
    const route: Route | undefined = commentsOf
      ? req.method === 'GET'
        ? 'comments'
        : undefined
      : url.pathname === '/user' && req.method === 'GET'
        ? 'user'
        : url.pathname === issuesPath
          ? req.method === 'POST'
            ? 'create'
            : req.method === 'GET'
              ? 'list'
              : undefined
          : url.pathname === `/repos/${owner}/${repo}` && req.method === 'GET'
            ? 'repo'
            : undefined;
    if (!route) return send(res, 404, { message: 'Not Found' });
    const asked =
      route === 'create'
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { title?: string; labels?: string[] })
        : {};
    requests.push({ route, at: Date.now(), title: asked.title, labels: asked.labels });
    if (req.headers.authorization !== `token ${token}`) return send(res, 401, { message: 'Bad credentials' });

    const fault = queued[route].shift() ?? chaos?.(route);
    if (fault && 'status' in fault)
      return send(res, fault.status, { message: `injected ${fault.status}` }, fault.headers);
    if (fault && 'hang' in fault) return void hanging.add(res);

    if (route === 'list') return list(url, res);
    if (route === 'user') return send(res, 200, { login, type: 'User' });
    if (route === 'comments') {
      const number = Number(commentsOf![1]);
      if (!issues.some((i) => i.number === number)) return send(res, 404, { message: 'Not Found' });
      return paged(url, res, comments.get(number) ?? []);
    }
    if (route === 'repo') {
      const permissions = { admin: false, maintain: false, push: true, triage: true, pull: true };
      return send(res, 200, { full_name: `${owner}/${repo}`, private: true, has_issues: true, permissions });
    }
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      title: string;
      body?: string;
      labels?: string[];
    };
    if (typeof input.title !== 'string' || input.title === '') return send(res, 422, { message: 'Validation Failed' });
    if (input.body !== undefined && input.body.length > 65_536) return send(res, 422, { message: 'body is too long' });
    const issue = createIssue(input);
    if (fault && 'createThen' in fault) {
      if (fault.createThen === 'drop') return void res.socket?.destroy();
      if (fault.createThen === 'hang') return void hanging.add(res);
      return send(res, 502, { message: 'Bad Gateway' });
    }
    send(res, 201, issue, {
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { message: 'fake server bug' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeGitHub = {
    baseUrl: `http://127.0.0.1:${port}`,
    get token() {
      return token;
    },
    issues,
    requests,
    failNext: (route, ...faults) => queued[route].push(...faults),
    chaos: (pick) => {
      chaos = pick;
    },
    dropLabels: (drop) => {
      droppingLabels = drop;
    },
    setToken: (next) => {
      token = next;
    },
    login,
    addComment: (issue, author, createdAt, body = 'comment') => {
      const list = comments.get(issue) ?? [];
      const id = [...comments.values()].reduce((n, l) => n + l.length, 0) + 1;
      list.push({ id, user: { login: author, type: 'User' }, body, created_at: createdAt });
      comments.set(issue, list);
    },
    addIssues: (count) => {
      for (let i = 0; i < count; i++) createIssue({ title: `Other issue ${i}`, body: 'filed by hand' });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** Polls until `condition` holds, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
