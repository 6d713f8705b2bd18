// The signed links in e-mails: a subscriber's id, what the link is for and (for confirmations) when it expires,
// with an HMAC-SHA256 under the server's secret. No address in them, and nothing to look up to check one.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'confirm' | 'manage';

/** A confirmation link works for two days; manage and unsubscribe links as long as the subscription lasts. */
export const CONFIRM_TTL_MS = 48 * 60 * 60_000;

interface Claims {
  s: string;
  p: TokenPurpose;
  /** Expiry, epoch seconds (absent: none). */
  e?: number;
}

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signToken(secret: string, subscriber: string, purpose: TokenPurpose, expiresAt?: Date): string {
  const claims: Claims = { s: subscriber, p: purpose, ...(expiresAt && { e: Math.floor(expiresAt.getTime() / 1000) }) };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

export type TokenCheck = { ok: true; subscriber: string } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyToken(secret: string, token: string | null, purpose: TokenPurpose, now: Date): TokenCheck {
  const [payload, signature, extra] = (token ?? '').split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (claims.p !== purpose || typeof claims.s !== 'string') return { ok: false, reason: 'invalid' };
  if (claims.e !== undefined && claims.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, subscriber: claims.s };
}
