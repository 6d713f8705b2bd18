// /api/subscriptions/unsubscribe?token=...: GET shows a button, POST unsubscribes (RFC 8058 one click).
import type { APIRoute } from 'astro';
import { handleUnsubscribe } from '../../../notify/handler.ts';
import { notifyRuntime } from '../../../notify/runtime.ts';

export const prerender = false;

export const ALL: APIRoute = async ({ request }) => handleUnsubscribe(request, await notifyRuntime().deps);
