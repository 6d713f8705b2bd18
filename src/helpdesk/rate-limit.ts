// Per-client token buckets: a few tickets in a burst, then a steady trickle; enough for people, not for floods.

export interface RateLimiter {
  /** Takes one token for `client`; when none is left, says how long until the next one. */
  take(client: string, nowMs: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export interface RateLimitOptions {
  burst?: number;
  refillEveryMs?: number;
  /** Forget the fullest buckets beyond this many clients, so memory stays bounded. */
  maxClients?: number;
}

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const burst = options.burst ?? 5;
  const refillEveryMs = options.refillEveryMs ?? 60_000;
  const maxClients = options.maxClients ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    take(client, nowMs) {
      const bucket = buckets.get(client) ?? { tokens: burst, at: nowMs };
      const refilled = Math.min(burst, bucket.tokens + Math.max(0, nowMs - bucket.at) / refillEveryMs);
      buckets.delete(client); // re-inserted last: the Map keeps clients in least-recently-seen order
      if (refilled < 1) {
        buckets.set(client, { tokens: refilled, at: nowMs });
        return { allowed: false, retryAfterSeconds: Math.ceil(((1 - refilled) * refillEveryMs) / 1000) };
      }
      buckets.set(client, { tokens: refilled - 1, at: nowMs });
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      return { allowed: true };
    },
  };
}

/**
 * The client a request comes from. Behind a trusted proxy it is the last X-Forwarded-For hop, the one the proxy
 * appended: anything before it was written by the client and could be made up to dodge the limit.
 */
export function clientKey(request: Request, clientAddress: string | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const last = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return clientAddress ?? 'unknown';
}
