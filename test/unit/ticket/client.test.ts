import { describe, expect, it } from 'vitest';
import { newIdempotencyKey, sendProblemMessage, sendTicket, type Fetch } from '../../../src/lib/ticket/client.ts';

const ENDPOINT = 'https://support.example.com/api/tickets';
const EMAIL = 'support@example.com';

function answering(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Fetch & { calls: RequestInit[] } {
  const calls: RequestInit[] = [];
  const fake = async (_url: string, init: RequestInit) => {
    calls.push(init);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return Object.assign(fake, { calls });
}

describe('sendTicket', () => {
  it('POSTs the ticket as JSON, asking for JSON back', async () => {
    const fetch = answering(202, { reference: 'DT-1', priority: 'high', firstResponseDue: '2025-03-04T10:00:00Z' });
    await sendTicket(fetch, ENDPOINT, { subject: 'No dial tone', idempotencyKey: 'k' });
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    });
    expect(JSON.parse(String(fetch.calls[0]!.body))).toEqual({ subject: 'No dial tone', idempotencyKey: 'k' });
  });

  it('reads the receipt of a received ticket', async () => {
    const receipt = { reference: 'DT-2025-0001', priority: 'critical', firstResponseDue: '2025-03-04T10:15:00Z' };
    expect(await sendTicket(answering(202, receipt), ENDPOINT, {})).toEqual({ kind: 'received', receipt });
  });

  it('treats a 202 without a reference as a failure, not a receipt', async () => {
    expect(await sendTicket(answering(202, {}), ENDPOINT, {})).toEqual({
      kind: 'failed',
      status: 202,
      message: undefined,
    });
  });

  it('passes the server field errors on as data', async () => {
    const errors = [{ path: 'contact.email', message: 'must be an e-mail address such as you@example.com' }];
    expect(await sendTicket(answering(400, { errors }), ENDPOINT, {})).toEqual({ kind: 'invalid', errors });
  });

  it('reads the wait of a rate-limited answer from retry-after', async () => {
    const limited = answering(429, { errors: [{ path: '', message: 'too many' }] }, { 'retry-after': '42' });
    expect(await sendTicket(limited, ENDPOINT, {})).toEqual({ kind: 'rate-limited', retryAfterSeconds: 42 });
    expect(await sendTicket(answering(429, {}), ENDPOINT, {})).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: undefined,
    });
  });

  it('says the key was used for another ticket on 409, so the form can start a new key', async () => {
    expect(
      await sendTicket(answering(409, { errors: [{ path: 'idempotencyKey', message: 'x' }] }), ENDPOINT, {}),
    ).toEqual({
      kind: 'conflict',
    });
    expect(sendProblemMessage({ kind: 'conflict' }, EMAIL)).toMatch(/reached us before you changed it\. Send again/);
  });

  it('says a ticket is too large on 413, whatever the body', async () => {
    expect(await sendTicket(answering(413, 'not json'), ENDPOINT, {})).toEqual({ kind: 'too-large' });
  });

  it("keeps the server's first message for other failures, and copes with a body that is not JSON", async () => {
    const stored = { errors: [{ path: '', message: 'the ticket could not be stored: try again in a minute' }] };
    expect(await sendTicket(answering(503, stored), ENDPOINT, {})).toEqual({
      kind: 'failed',
      status: 503,
      message: 'the ticket could not be stored: try again in a minute',
    });
    expect(await sendTicket(answering(502, '<html>Bad gateway</html>'), ENDPOINT, {})).toEqual({
      kind: 'failed',
      status: 502,
      message: undefined,
    });
  });

  it('reports a network error as unreachable instead of throwing', async () => {
    const offline: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await sendTicket(offline, ENDPOINT, {})).toEqual({ kind: 'unreachable' });
  });
});

describe('sendProblemMessage', () => {
  it('tells the customer their answers are kept and sending again is safe', () => {
    expect(sendProblemMessage({ kind: 'unreachable' }, EMAIL)).toMatch(/will not open a second ticket/);
  });

  it('says how long to wait, or "a few" seconds when the server did not say', () => {
    expect(sendProblemMessage({ kind: 'rate-limited', retryAfterSeconds: 30 }, EMAIL)).toMatch(
      /send again in 30 seconds/,
    );
    expect(sendProblemMessage({ kind: 'rate-limited', retryAfterSeconds: undefined }, EMAIL)).toMatch(
      /send again in a few seconds/,
    );
  });

  it('asks to shorten a ticket that is too large', () => {
    expect(sendProblemMessage({ kind: 'too-large' }, EMAIL)).toMatch(/too long to send/);
  });

  it("adds the support e-mail to the server's message, or to a generic one", () => {
    expect(sendProblemMessage({ kind: 'failed', status: 503, message: 'Stored nowhere.' }, EMAIL)).toBe(
      `Stored nowhere. If it keeps failing, write to ${EMAIL}.`,
    );
    expect(sendProblemMessage({ kind: 'failed', status: 500, message: undefined }, EMAIL)).toBe(
      `Something went wrong on our side. If it keeps failing, write to ${EMAIL}.`,
    );
  });
});

describe('newIdempotencyKey', () => {
  it('uses randomUUID when the browser has it', () => {
    const uuid = '123e4567-e89b-42d3-a456-426614174000';
    expect(newIdempotencyKey({ randomUUID: () => uuid, getRandomValues: (a) => a })).toBe(uuid);
  });

  it('builds a version 4 UUID from random bytes where randomUUID is missing (plain http)', () => {
    const fill = <T extends ArrayBufferView | null>(array: T): T => {
      new Uint8Array(array!.buffer).fill(0xff);
      return array;
    };
    expect(newIdempotencyKey({ getRandomValues: fill })).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('fits the key the ticket schema accepts', () => {
    expect(newIdempotencyKey()).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{15,63}$/);
  });
});
