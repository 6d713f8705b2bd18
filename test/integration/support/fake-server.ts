// The loopback server under every fake helpdesk: routes, credentials, and faults injected per route on demand.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault } from './fake-github.ts';

export type { Fault };

export interface FakeRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeServerOptions<Route extends string> {
  route(request: FakeRequest): Route | undefined;
  /** Undefined when the credentials are good; otherwise the helpdesk's own refusal (401 and its body). */
  refuse(request: FakeRequest): FakeAnswer | undefined;
  handle(route: Route, request: FakeRequest): FakeAnswer;
  /** Headers every answer carries (rate-limit counters). */
  headers?: () => Record<string, string>;
}

export interface FakeServer<Route extends string> {
  baseUrl: string;
  requests: Array<{ route: Route; at: number }>;
  /** Faults for the next requests on a route, in order. createThen: the handler runs, then the answer is lost. */
  failNext(route: Route, ...faults: Fault[]): void;
  close(): Promise<void>;
}

export async function startFakeServer<Route extends string>(
  options: FakeServerOptions<Route>,
): Promise<FakeServer<Route>> {
  const requests: FakeServer<Route>['requests'] = [];
  const queued = new Map<Route, Fault[]>();
  const hanging = new Set<ServerResponse>();

  function send(res: ServerResponse, answer: FakeAnswer) {
    const json = answer.body !== undefined;
    res.writeHead(answer.status, {
      ...(json ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      ...options.headers?.(),
      ...answer.headers,
    });
    res.end(json ? JSON.stringify(answer.body) : undefined);
  }

  const server = createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const route = options.route(request);
      if (route === undefined) return send(res, { status: 404, body: { error: 'InvalidEndpoint' } });
      requests.push({ route, at: Date.now() });
      const refused = options.refuse(request);
      if (refused) return send(res, refused);
      const fault = queued.get(route)?.shift();
      if (fault && 'status' in fault) {
        return send(res, { status: fault.status, body: { error: `injected ${fault.status}` }, headers: fault.headers });
      }
      if (fault && 'hang' in fault) return void hanging.add(res);
      const answer = options.handle(route, request);
      if (fault && 'createThen' in fault && answer.status < 300) {
        if (fault.createThen === 'drop') return void res.socket?.destroy();
        if (fault.createThen === 'hang') return void hanging.add(res);
        return send(res, { status: 502, body: { error: 'Bad Gateway' } });
      }
      send(res, answer);
    } catch (error) {
      send(res, { status: 500, body: { error: `fake server bug: ${String(error)}` } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failNext: (route, ...faults) => queued.set(route, [...(queued.get(route) ?? []), ...faults]),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user and password of a Basic Authorization header, or undefined. */
export function basicCredentials(headers: IncomingHttpHeaders): [string, string] | undefined {
  const match = /^Basic (.+)$/.exec(headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}
