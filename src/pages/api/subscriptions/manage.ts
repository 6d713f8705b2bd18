// /api/subscriptions/manage?token=...: GET shows the subscriber's choice of components, POST saves a new one.
import type { APIRoute } from 'astro';
import { handleManage } from '../../../notify/handler.ts';
import { notifyRuntime } from '../../../notify/runtime.ts';

export const prerender = false;

export const ALL: APIRoute = async ({ request }) => handleManage(request, await notifyRuntime().deps);
