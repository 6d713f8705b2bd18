// POST /api/feedback, framework-agnostic: a vote on an article or a failed search, validated, stripped of personal
// data, rate-limited and Origin-checked like tickets. JSON gets 202; a plain form post (no JavaScript) gets 303
// back to the article's thank-you (#feedback-thanks, shown by CSS :target on the static page).
import { fieldErrors, type FieldError } from '../lib/errors.ts';
import { parseJson } from '../lib/errors.ts';
import {
  articlePath,
  feedbackSchema,
  storedComment,
  storedQuery,
  voteFromForm,
  voteSchema,
  type FeedbackInput,
} from '../lib/feedback/schema.ts';
import { corsHeaders, originAllowed, readBody } from '../helpdesk/handler.ts';
import { clientKey, type RateLimiter } from '../helpdesk/rate-limit.ts';
import type { FeedbackStore } from './store.ts';

/** A vote with a 500-character comment is well under 4 KB, even escaped. */
export const FEEDBACK_MAX_BODY_BYTES = 8 * 1024;

/** Where a form post lands: the article, scrolled to its thank-you. */
export const THANKS_FRAGMENT = 'feedback-thanks';

export interface FeedbackRequestDeps {
  store: Pick<FeedbackStore, 'addVote' | 'addFailedSearch'>;
  now?: () => Date;
  clientAddress?: string | undefined;
  siteUrl?: string | undefined;
  trustProxy?: number;
  rateLimiter?: RateLimiter | undefined;
}

export async function handleFeedbackRequest(request: Request, deps: FeedbackRequestDeps): Promise<Response> {
  const cors = corsHeaders(request, deps.siteUrl);
  let answer: Response;
  try {
    answer = await answerRequest(request, deps, cors !== undefined);
  } catch {
    answer = problem(500, 'your feedback could not be recorded: thank you all the same', false);
  }
  for (const [name, value] of Object.entries(cors ?? {})) answer.headers.set(name, value);
  return answer;
}

async function answerRequest(request: Request, deps: FeedbackRequestDeps, crossSite: boolean): Promise<Response> {
  if (request.method === 'OPTIONS' && crossSite) {
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-methods': 'POST, HEAD',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      },
    });
  }
  // The widget's probe: a static-only deployment answers 404 here, and the widget hides itself.
  if (request.method === 'HEAD') return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
  if (request.method !== 'POST') {
    return problem(405, 'only POST is allowed: POST the feedback as JSON or as a form to /api/feedback', false, {
      allow: 'POST, HEAD',
    });
  }
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const isForm = mediaType === 'application/x-www-form-urlencoded';
  if (!originAllowed(request, deps.siteUrl))
    return problem(403, 'feedback can only be sent from the support site', isForm);
  if (!isForm && mediaType !== 'application/json') {
    return problem(415, 'send the feedback as JSON (Content-Type: application/json) or as a form', false);
  }
  const body = await readBody(request, FEEDBACK_MAX_BODY_BYTES);
  if (body === 'too-large') return problem(413, `the feedback is larger than ${FEEDBACK_MAX_BODY_BYTES} bytes`, isForm);
  if (body === 'unreadable') return problem(400, 'the request body could not be read as UTF-8 text', isForm);

  let input: FeedbackInput;
  if (isForm) {
    const result = voteSchema.safeParse(voteFromForm(new URLSearchParams(body)));
    if (!result.success) return formErrors(fieldErrors(result.error));
    input = result.data;
  } else {
    const parsed = parseJson(body);
    if (!parsed.ok) return json(400, { errors: [parsed.error] });
    const result = feedbackSchema.safeParse(parsed.value);
    if (!result.success) return json(400, { errors: fieldErrors(result.error) });
    input = result.data;
  }

  const done = () =>
    isForm && input.kind === 'vote' ? thanks(request, deps.siteUrl, input.article) : json(202, { recorded: true });
  // A robot filled the field people never see: thank it, keep nothing.
  if (input.website) return done();

  const now = (deps.now ?? (() => new Date()))();
  if (deps.rateLimiter) {
    const verdict = deps.rateLimiter.take(clientKey(request, deps.clientAddress, deps.trustProxy ?? 0), now.getTime());
    if (!verdict.allowed) {
      const wait = verdict.retryAfterSeconds;
      return problem(429, `too much feedback from this address: try again in ${wait} seconds`, isForm, {
        'retry-after': String(wait),
      });
    }
  }

  try {
    if (input.kind === 'vote') {
      await deps.store.addVote({
        article: input.article,
        helpful: input.helpful,
        // A reason explains a "no"; on a "yes" it is a stale choice from the form.
        reason: input.helpful ? undefined : input.reason,
        comment: storedComment(input.comment),
        at: now.toISOString(),
      });
    } else {
      const query = storedQuery(input.query);
      // Nothing left once personal data is out (a pasted e-mail address): nothing to learn from.
      if (query !== '') {
        await deps.store.addFailedSearch({
          query,
          outcome: input.outcome,
          source: input.source,
          at: now.toISOString(),
        });
      }
    }
  } catch {
    return problem(503, 'your feedback could not be recorded right now: try again in a minute', isForm, {
      'retry-after': '60',
    });
  }
  return done();
}

/**
 * 303 to the article at its thank-you, on the site the form was posted from: the browser's Origin (already
 * checked as allowed), else the configured site, else this server.
 */
function thanks(request: Request, siteUrl: string | undefined, article: string): Response {
  const origin = request.headers.get('origin');
  const base = origin && origin !== 'null' ? origin : (siteUrl ?? request.url);
  const location = new URL(`${articlePath(article)}#${THANKS_FRAGMENT}`, base).href;
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}

function formErrors(errors: FieldError[]): Response {
  return problem(400, errors.map((e) => `${e.path || 'form'}: ${e.message}`).join('; '), true);
}

/** JSON for scripts; for a plain form, a small page a person can read, with a way back. */
function problem(status: number, message: string, html: boolean, headers: Record<string, string> = {}): Response {
  if (!html) return json(status, { errors: [{ path: '', message }] }, headers);
  const escaped = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Feedback not sent</title><main><h1>Feedback not sent</h1><p>${escaped}</p><p>Use your browser's Back button to return to the article.</p></main></html>`;
  return new Response(page, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}
