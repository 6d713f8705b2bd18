// GET /api/subscriptions/confirm?token=...: the link in the confirmation e-mail (303 to a page saying how it went).
import type { APIRoute } from 'astro';
import { handleConfirm } from '../../../notify/handler.ts';
import { notifyRuntime } from '../../../notify/runtime.ts';

export const prerender = false;

export const GET: APIRoute = async ({ request }) => handleConfirm(request, await notifyRuntime().deps);
