// /status/maintenance.ics: a subscribable iCalendar of maintenance windows.
import type { APIRoute } from 'astro';
import { incidentsFile, statusNow, statusPage } from '../../data/incidents.ts';
import { maintenanceCalendar } from '../../lib/status/feeds.ts';

export const GET: APIRoute = () =>
  new Response(maintenanceCalendar(incidentsFile(), statusPage(), statusNow()), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
