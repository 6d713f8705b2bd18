// /status/feed.atom: Atom feed of incidents and maintenance.
import type { APIRoute } from 'astro';
import { incidentsFile, statusNow, statusPage } from '../../data/incidents.ts';
import { statusAtom } from '../../lib/status/feeds.ts';
import { renderMarkdown } from '../../lib/status/markdown.ts';

export const GET: APIRoute = ({ site }) => {
  const page = statusPage();
  const body = statusAtom(incidentsFile(), page, statusNow(), {
    selfUrl: new URL('/status/feed.atom', site).href,
    renderMarkdown: (markdown) => renderMarkdown(markdown, { headingShift: 1, baseUrl: page.url }),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
