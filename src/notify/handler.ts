// The subscription endpoints, framework-agnostic: subscribe (POST /api/subscriptions), confirm (GET .../confirm),
// unsubscribe (GET shows a button, POST is RFC 8058's one click) and manage (GET a form, POST saves it).
import { randomUUID } from 'node:crypto';
import type { FieldError } from '../lib/errors.ts';
import { confirmationEmail, scopeWords } from '../lib/notify/messages.ts';
import { formToInput, parseSubscription } from '../lib/notify/subscription.ts';
import { clientKey, type RateLimiter } from '../helpdesk/rate-limit.ts';
import { subscriberLinks } from './notifier.ts';
import { errorsPage, htmlPage, managePage, unsubscribeButtonPage } from './pages.ts';
import type { NotifyStore } from './store.ts';
import { CONFIRM_TTL_MS, signToken, verifyToken } from './token.ts';

const MAX_BODY_BYTES = 8 * 1024;

/** The prerendered pages the links land on. */
export const SUBSCRIPTION_PAGES = {
  pending: '/status/subscription/pending/',
  confirmed: '/status/subscription/confirmed/',
  invalid: '/status/subscription/invalid/',
} as const;

export interface SubscriptionDeps {
  store: NotifyStore;
  /** The signing key (NOTIFY_SECRET, else the database's). */
  secret: string;
  components: ReadonlyArray<{ id: string; name: string }>;
  pageName: string;
  /** Public site URL without a trailing slash: links in e-mails, and the Origin browsers post from. */
  siteUrl: string;
  clientAddress?: string | undefined;
  trustProxy?: number;
  rateLimiter?: RateLimiter | undefined;
  now?: () => Date;
  /** A message was stored: wake the sending loop. */
  onEnqueued?: () => void;
}

export async function handleSubscribe(request: Request, deps: SubscriptionDeps): Promise<Response> {
  try {
    return await subscribe(request, deps);
  } catch {
    return problem(503, 'the subscription could not be stored: try again in a minute', { 'retry-after': '60' });
  }
}

async function subscribe(request: Request, deps: SubscriptionDeps): Promise<Response> {
  const now = deps.now ?? (() => new Date());
  if (request.method !== 'POST') return problem(405, 'use POST', { allow: 'POST' });
  if (!originAllowed(request, deps.siteUrl)) {
    return problem(403, `post from ${deps.siteUrl} (this request came from another site)`);
  }
  if (deps.rateLimiter) {
    const verdict = deps.rateLimiter.take(
      clientKey(request, deps.clientAddress, deps.trustProxy ?? 0),
      now().getTime(),
    );
    if (!verdict.allowed) {
      const wait = String(verdict.retryAfterSeconds);
      return problem(429, `too many subscriptions from your network: try again in ${wait} seconds`, {
        'retry-after': wait,
      });
    }
  }
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const form = type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
  if (type !== 'application/json' && !form) {
    return problem(415, 'send JSON (application/json) or a form (application/x-www-form-urlencoded)');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return problem(413, `the body is over ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return problem(413, `the body is over ${MAX_BODY_BYTES} bytes`);
  // A browser's form post without JavaScript lands on pages, not on JSON.
  const browser = form && /\btext\/html\b/.test(request.headers.get('accept') ?? '');
  let input: unknown;
  if (form) {
    input =
      type === 'multipart/form-data'
        ? formToInput(
            [
              ...(await new Request(request.url, { method: 'POST', headers: request.headers, body: text }).formData()),
            ].filter((e): e is [string, string] => typeof e[1] === 'string'),
          )
        : formToInput(new URLSearchParams(text));
  } else {
    try {
      input = JSON.parse(text);
    } catch {
      return invalid([{ path: '', message: 'the body is not valid JSON' }], browser);
    }
  }
  const parsed = parseSubscription(
    input,
    deps.components.map((c) => c.id),
  );
  if (!parsed.ok) return invalid(parsed.errors, browser);

  const stamp = now();
  const { subscriber } = await deps.store.subscribe(parsed.data, randomUUID(), stamp);
  if (subscriber.state === 'pending') {
    const expiresAt = new Date(stamp.getTime() + CONFIRM_TTL_MS);
    const names = new Map(deps.components.map((c) => [c.id, c.name]));
    const body = confirmationEmail({
      pageName: deps.pageName,
      statusUrl: `${deps.siteUrl}/status/`,
      confirmUrl: `${deps.siteUrl}/api/subscriptions/confirm?token=${encodeURIComponent(signToken(deps.secret, subscriber.id, 'confirm', expiresAt))}`,
      expiresAt: expiresAt.toISOString(),
      scope: scopeWords(subscriber.components, names),
      links: subscriberLinks(deps.siteUrl, deps.secret, subscriber.id),
    });
    // One confirmation an hour per address, however often the form is sent: nobody can mail-bomb with it.
    const hour = Math.floor(stamp.getTime() / 3_600_000);
    const added = await deps.store.enqueue(
      [{ channel: 'email', recipient: subscriber.id, eventKey: `confirm:${hour}`, body }],
      stamp,
    );
    if (added > 0) deps.onEnqueued?.();
  }
  // The same answer whether the address was new, pending or confirmed: nobody can probe who subscribes.
  if (browser) return redirect(SUBSCRIPTION_PAGES.pending);
  return json(202, { status: 'pending' });
}

export async function handleConfirm(request: Request, deps: SubscriptionDeps): Promise<Response> {
  const now = (deps.now ?? (() => new Date()))();
  const token = new URL(request.url).searchParams.get('token');
  const check = verifyToken(deps.secret, token, 'confirm', now);
  if (!check.ok) return redirect(SUBSCRIPTION_PAGES.invalid);
  const subscriber = await deps.store.confirm(check.subscriber, now);
  return redirect(subscriber ? SUBSCRIPTION_PAGES.confirmed : SUBSCRIPTION_PAGES.invalid);
}

export async function handleUnsubscribe(request: Request, deps: SubscriptionDeps): Promise<Response> {
  const url = new URL(request.url);
  const check = verifyToken(deps.secret, url.searchParams.get('token'), 'manage', (deps.now ?? (() => new Date()))());
  if (!check.ok) return invalidLink();
  if (request.method === 'GET' || request.method === 'HEAD') {
    if (!(await deps.store.subscriber(check.subscriber))) {
      return htmlPage(200, 'You are not subscribed', '<p>This address gets no status e-mails from us.</p>');
    }
    return unsubscribeButtonPage(url.pathname + url.search);
  }
  if (request.method !== 'POST') return problem(405, 'use GET or POST', { allow: 'GET, HEAD, POST' });
  // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click`; the page's button posts nothing. Both unsubscribe,
  // and a second click (or a subscriber already erased) is the same success.
  await deps.store.remove(check.subscriber);
  return htmlPage(
    200,
    'You are unsubscribed',
    '<p>You will get no more status e-mails from us. Your address has been deleted.</p>',
  );
}

export async function handleManage(request: Request, deps: SubscriptionDeps): Promise<Response> {
  const url = new URL(request.url);
  const check = verifyToken(deps.secret, url.searchParams.get('token'), 'manage', (deps.now ?? (() => new Date()))());
  if (!check.ok) return invalidLink();
  const subscriber = await deps.store.subscriber(check.subscriber);
  if (!subscriber) return invalidLink();
  const links = subscriberLinks(deps.siteUrl, deps.secret, subscriber.id);
  if (request.method === 'GET' || request.method === 'HEAD') {
    return managePage(url.pathname + url.search, deps.components, subscriber, links.unsubscribeUrl);
  }
  if (request.method !== 'POST') return problem(405, 'use GET or POST', { allow: 'GET, HEAD, POST' });
  const form = new URLSearchParams((await request.text()).slice(0, MAX_BODY_BYTES));
  const parsed = parseSubscription(
    { ...formToInput(form), email: subscriber.email },
    deps.components.map((c) => c.id),
  );
  if (!parsed.ok) return errorsPage(parsed.errors);
  await deps.store.setPreferences(subscriber.id, parsed.data);
  const names = new Map(deps.components.map((c) => [c.id, c.name]));
  return htmlPage(
    200,
    'Your choice is saved',
    `<p>You will receive ${scopeWords(parsed.data.components, names).replace(/[<>&]/g, '')}${parsed.data.maintenance ? ', and maintenance notices' : ', without maintenance notices'}.</p>`,
  );
}

function invalidLink(): Response {
  return htmlPage(
    400,
    'This link is not valid',
    '<p>It may be incomplete, or the subscription was already removed. Nothing was changed.</p>',
  );
}

function invalid(errors: FieldError[], browser: boolean): Response {
  return browser ? errorsPage(errors) : json(400, { errors });
}

/** Browsers always send Origin on POST: it must be this endpoint's own origin or the site's. */
function originAllowed(request: Request, siteUrl: string): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true; // not a browser (curl, a script): nothing to forge
  const allowed = new Set([new URL(request.url).origin]);
  try {
    allowed.add(new URL(siteUrl).origin);
  } catch {
    // an unparsable SITE_URL allows only the endpoint's own origin
  }
  return allowed.has(origin);
}

function redirect(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

function problem(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { errors: [{ path: '', message }] }, headers);
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
