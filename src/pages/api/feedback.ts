// POST /api/feedback: "Was this helpful?" votes and failed searches. The work is in src/feedback (tested there).
import type { APIRoute } from 'astro';
import { handleFeedbackRequest } from '../../feedback/handler.ts';
import { feedbackRuntime } from '../../feedback/runtime.ts';

export const prerender = false;

const handle: APIRoute = ({ request, clientAddress }) => {
  const deps = feedbackRuntime().deps;
  return handleFeedbackRequest(request, { ...deps, siteUrl: deps.siteUrl ?? import.meta.env.SITE, clientAddress });
};

export const POST = handle;
// HEAD is the widget's "is the server here?" probe; OPTIONS a preflight from the site; anything else 405.
export const ALL = handle;
