// A webhook receiver on 127.0.0.1 that does what README.md ("HELPDESK=webhook") asks of a receiver: verify the
// HMAC-SHA256 signature over `timestamp.body`, refuse timestamps outside the 5-minute window, and keep the first
// delivery per Idempotency-Key (the header of https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/).
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../../src/helpdesk/index.ts';
import type { WebhookPayload } from '../../../src/lib/ticket/index.ts';
import { startFakeServer, type FakeRequest } from './fake-server.ts';

export type WebhookRoute = 'create' | 'head';

export interface ReceivedTicket {
  id: string;
  idempotencyKey: string;
  payload: WebhookPayload;
}

const PATH = '/hooks/dialtone';

export async function startFakeWebhook(options: { secret?: string } = {}) {
  let secret = options.secret ?? 'a-webhook-secret-of-at-least-32-characters';
  /** Distinct tickets, one per Idempotency-Key: what the receiver's system ends up holding. */
  const tickets: ReceivedTicket[] = [];
  const rejected: string[] = [];

  const route = ({ method, url }: FakeRequest): WebhookRoute | undefined => {
    if (url.pathname !== PATH) return undefined;
    return method === 'POST' ? 'create' : method === 'HEAD' ? 'head' : undefined;
  };

  const server = await startFakeServer<WebhookRoute>({
    route,
    refuse: (request) => {
      const verdict = verifyWebhook({
        secret,
        body: request.body,
        signature: request.headers[SIGNATURE_HEADER] as string | undefined,
        timestamp: request.headers[TIMESTAMP_HEADER] as string | undefined,
        nowMs: Date.now(),
      });
      if (verdict.ok) return undefined;
      rejected.push(verdict.reason);
      return { status: 401, body: { error: verdict.reason } };
    },
    handle: (name, request) => {
      if (name === 'head') return { status: 204 };
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || key === '') return { status: 400, body: { error: 'Idempotency-Key is required' } };
      const seen = tickets.find((t) => t.idempotencyKey === key);
      if (seen) return { status: 200, body: { id: seen.id, duplicate: true } };
      const ticket = { id: `CRM-${tickets.length + 1}`, idempotencyKey: key, payload: JSON.parse(request.body) };
      tickets.push(ticket);
      return { status: 201, body: { id: ticket.id, url: `https://crm.example/tickets/${ticket.id}` } };
    },
  });

  return {
    ...server,
    tickets,
    rejected,
    env: { HELPDESK: 'webhook', WEBHOOK_URL: `${server.baseUrl}${PATH}`, WEBHOOK_SECRET: secret } as Record<
      string,
      string
    >,
    setSecret(next: string) {
      secret = next;
    },
  };
}

export type FakeWebhook = Awaited<ReturnType<typeof startFakeWebhook>>;
