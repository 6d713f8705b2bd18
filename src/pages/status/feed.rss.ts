// /status/feed.rss: RSS 2.0 of incidents and maintenance.
import type { APIRoute } from 'astro';
import { incidentsFile, statusNow, statusPage } from '../../data/incidents.ts';
import { statusRss } from '../../lib/status/feeds.ts';
import { renderMarkdown } from '../../lib/status/markdown.ts';

export const GET: APIRoute = ({ site }) => {
  const page = statusPage();
  const body = statusRss(incidentsFile(), page, statusNow(), {
    selfUrl: new URL('/status/feed.rss', site).href,
    renderMarkdown: (markdown) => renderMarkdown(markdown, { headingShift: 1, baseUrl: page.url }),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
