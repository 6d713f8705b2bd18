// POST /api/subscriptions: a pending subscriber and a confirmation e-mail. The work is in src/notify.
import type { APIRoute } from 'astro';
import { handleSubscribe } from '../../notify/handler.ts';
import { notifyRuntime } from '../../notify/runtime.ts';

export const prerender = false;

const handle: APIRoute = async ({ request, clientAddress }) =>
  handleSubscribe(request, { ...(await notifyRuntime().deps), clientAddress });

export const POST = handle;
// Any other method: 405 with `Allow: POST`.
export const ALL = handle;
