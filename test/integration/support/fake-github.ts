// A fake GitHub REST API on 127.0.0.1: the endpoints Octokit calls for issues, with faults on demand.
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

export type Route = 'create' | 'list' | 'repo';

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
  close(): Promise<void>;
}

export async function startFakeGitHub(options: { token?: string; owner?: string; repo?: string } = {}) {
  const owner = options.owner ?? 'example';
  const repo = options.repo ?? 'support-tickets';
  let token = options.token ?? 'test-token';
  const issues: FakeIssue[] = [];
  const requests: FakeGitHub['requests'] = [];
  const queued: Record<Route, Fault[]> = { create: [], list: [], repo: [] };
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
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route: Route | undefined =
      url.pathname === issuesPath
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
