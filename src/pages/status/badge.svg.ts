// /status/badge.svg: the overall status as a badge for READMEs and intranets.
import type { APIRoute } from 'astro';
import { incidentsFile, statusNow } from '../../data/incidents.ts';
import { statusBadgeSvg } from '../../lib/status/badge.ts';
import { pageIndicator } from '../../lib/status/derive.ts';

export const GET: APIRoute = () =>
  new Response(statusBadgeSvg(pageIndicator(incidentsFile(), statusNow())), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
