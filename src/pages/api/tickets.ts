// POST /api/tickets: the one on-demand route. The work is in src/helpdesk (framework-agnostic and tested there).
import type { APIRoute } from 'astro';
import { handleTicketRequest } from '../../helpdesk/handler.ts';
import { ticketRuntime } from '../../helpdesk/runtime.ts';

export const prerender = false;

export const POST: APIRoute = ({ request, clientAddress }) =>
  handleTicketRequest(request, { ...ticketRuntime().deps, clientAddress });

// Any other method: the handler answers 405 with `Allow: POST`.
export const ALL: APIRoute = ({ request, clientAddress }) =>
  handleTicketRequest(request, { ...ticketRuntime().deps, clientAddress });
