// Per-client token buckets (a few tickets in a burst, then a steady trickle: enough for people, not for floods),
// a global ceiling over all clients, and who the client is behind a known number of proxies.
import { isIPv4, isIPv6 } from 'node:net';

export interface RateLimiter {
  /** Takes one token for `client`; when none is left, says how long until the next one. */
  take(client: string, nowMs: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  /** Returns the token a request took that turned out to be a retry of a stored ticket (it costs nothing). */
  giveBack(client: string): void;
}

export interface RateLimitOptions {
  burst?: number;
  refillEveryMs?: number;
  /** Forget the fullest buckets beyond this many clients, so memory stays bounded. */
  maxClients?: number;
  /** All clients together: at most this many tickets a minute (a burst of as many), whoever sends them. */
  globalPerMinute?: number;
}

/** The key every client shares for the global ceiling (no address looks like it). */
const EVERYONE = '*';

export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const perClient = tokenBuckets(options.burst ?? 5, options.refillEveryMs ?? 60_000, options.maxClients ?? 10_000);
  const global = options.globalPerMinute
    ? tokenBuckets(options.globalPerMinute, 60_000 / options.globalPerMinute, 1)
    : undefined;
  return {
    take(client, nowMs) {
      // The global bucket first: a client refused by it keeps its own allowance for later.
      if (global) {
        const verdict = global.take(EVERYONE, nowMs);
        if (!verdict.allowed) return verdict;
      }
      return perClient.take(client, nowMs);
    },
    giveBack(client) {
      global?.giveBack(EVERYONE);
      perClient.giveBack(client);
    },
  };
}

function tokenBuckets(burst: number, refillEveryMs: number, maxClients: number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(client, nowMs) {
      const bucket = buckets.get(client) ?? { tokens: burst, at: nowMs };
      const refilled = Math.min(burst, bucket.tokens + Math.max(0, nowMs - bucket.at) / refillEveryMs);
      buckets.delete(client); // re-inserted last: the Map keeps clients in least-recently-seen order
      if (refilled < 1) {
        buckets.set(client, { tokens: refilled, at: nowMs });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - refilled) * refillEveryMs) / 1000)) };
      }
      buckets.set(client, { tokens: refilled - 1, at: nowMs });
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      return { allowed: true };
    },
    giveBack(client) {
      const bucket = buckets.get(client);
      if (bucket) bucket.tokens = Math.min(burst, bucket.tokens + 1);
    },
  };
}

/**
 * The client a request comes from. Behind `trustedHops` proxies (TRUST_PROXY) it is the X-Forwarded-For entry
 * the outermost trusted proxy appended, counted from the right: entries further left were written by the client
 * and could be made up to dodge the limit. Without trusted proxies it is the peer address.
 */
export function clientKey(request: Request, clientAddress: string | undefined, trustedHops: number): string {
  if (trustedHops > 0) {
    const hops = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    const hop = hops.length === 0 ? undefined : hops[Math.max(0, hops.length - trustedHops)];
    if (hop) return addressKey(hop);
  }
  return clientAddress ? addressKey(clientAddress) : 'unknown';
}

/**
 * One key per customer network: an IPv4 address as is (IPv4-mapped IPv6 folded to it), an IPv6 address by its
 * /64, since one subscriber usually gets a whole /64 and could otherwise rotate through 2^64 addresses.
 */
export function addressKey(address: string): string {
  let text = address.trim();
  // "[2001:db8::1]:443" or "203.0.113.9:443" from some proxies
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  text = text.replace(/%.*$/, ''); // a zone index (fe80::1%eth0)
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return text.slice(0, 64);
  const groups = expandIPv6(text);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

function expandIPv6(address: string): number[] {
  let text = address.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) becomes two groups.
  const quad = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16));
}
