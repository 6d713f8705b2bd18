// What the delivery loop does with each kind of GitHub answer.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/helpdesk/github-adapter.ts';

const now = Date.parse('2026-11-24T15:00:00Z');
const httpError = (status: number, message: string, headers: Record<string, string> = {}) => ({
  status,
  message,
  response: { headers },
});

describe('classify', () => {
  it('waits out rate limits: 429, 403 with Retry-After or a spent quota, and a bare secondary-limit 403', () => {
    expect(classify(httpError(429, 'slow down', { 'retry-after': '30' }), now)).toMatchObject({
      failure: 'rate-limited',
      retryAfterMs: 30_000,
    });
    expect(classify(httpError(403, 'quota', { 'x-ratelimit-remaining': '0' }), now).failure).toBe('rate-limited');
    expect(
      classify(httpError(403, 'You have exceeded a secondary rate limit. Please wait a few minutes.'), now),
    ).toMatchObject({ failure: 'rate-limited', retryAfterMs: 60_000 });
  });

  it('treats 5xx and no answer as ambiguous (look before creating again), other 4xx as rejected', () => {
    expect(classify(httpError(502, 'bad gateway'), now).failure).toBe('ambiguous');
    expect(classify(new Error('socket hang up'), now).failure).toBe('ambiguous');
    expect(classify(httpError(403, 'Resource not accessible by integration'), now).failure).toBe('rejected');
    expect(classify(httpError(422, 'Validation Failed'), now).failure).toBe('rejected');
  });
});
