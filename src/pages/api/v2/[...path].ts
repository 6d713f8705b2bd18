// /api/v2/*.json: Atlassian Statuspage's public API v2 files (summary, status, components, incidents,
// scheduled maintenances), derived at the build instant; `npm run status -- summary` prints the same JSON.
import type { APIRoute } from 'astro';
import { incidentsFile, statusNow, statusPage } from '../../../data/incidents.ts';
import { statuspageApi } from '../../../lib/status/statuspage.ts';

export function getStaticPaths() {
  return Object.keys(statuspageApi(incidentsFile(), statusPage(), statusNow())).map((path) => ({ params: { path } }));
}

export const GET: APIRoute = ({ params }) => {
  const json = statuspageApi(incidentsFile(), statusPage(), statusNow())[params.path ?? ''];
  if (json === undefined) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(json), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
