// POST /api/tickets: the one on-demand route. The work is in src/helpdesk (framework-agnostic and tested there).
import type { APIRoute } from 'astro';
import { handleTicketRequest } from '../../helpdesk/handler.ts';
import { ticketRuntime } from '../../helpdesk/runtime.ts';

export const prerender = false;

// SITE_URL at runtime wins; without it, the site the pages were built for (behind a TLS-terminating proxy the
// request's own origin is http:// while browsers send https://).
const handle: APIRoute = ({ request, clientAddress }) => {
  const deps = ticketRuntime().deps;
  return handleTicketRequest(request, { ...deps, siteUrl: deps.siteUrl ?? import.meta.env.SITE, clientAddress });
};

export const POST = handle;
// Any other method: the handler answers a CORS preflight from the site, else 405 with `Allow: POST`.
export const ALL = handle;
