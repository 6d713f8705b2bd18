// Feeds of incidents and maintenance: RSS 2.0, Atom (RFC 4287) and an iCalendar (RFC 5545) of maintenance windows.
import { maintenanceStatus, visibleIncidents, visiblePostmortem, visibleUpdates } from './derive.ts';
import { updateStatusLabels } from './labels.ts';
import type { IncidentsFile } from './schema.ts';
import { incidentUrl, spPage, type StatusPageInfo } from './statuspage.ts';
import { formatInZone, toMillis, toTimestamp, type Instant } from './time.ts';

export interface FeedOptions {
  /** Absolute URL the feed itself is served at (rel="self"). */
  selfUrl: string;
  /** Markdown to HTML; by default the text is escaped and split into paragraphs. */
  renderMarkdown?: (markdown: string) => string;
  /** At most this many entries, most recently updated first. */
  limit?: number;
}

interface FeedEntry {
  id: string;
  title: string;
  url: string;
  published: number;
  updated: number;
  html: string;
}

/** Text safe inside XML element content and attribute values (also drops characters XML 1.0 forbids). */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function plainParagraphs(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeXml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function feedEntries(file: IncidentsFile, page: StatusPageInfo, now: Instant, options: FeedOptions): FeedEntry[] {
  const render = options.renderMarkdown ?? plainParagraphs;
  const timeline = (updates: { at: string; status: keyof typeof updateStatusLabels; body: string }[]) =>
    [...updates]
      .reverse()
      .map((u) => {
        const when = escapeXml(formatInZone(Date.parse(u.at), page.timeZone));
        return `<p><strong>${updateStatusLabels[u.status]}</strong> · ${when}</p>${render(u.body)}`;
      })
      .join('');
  const incidents = visibleIncidents(file, now).map((incident): FeedEntry => {
    const updates = visibleUpdates(incident.updates, now);
    const postmortem = visiblePostmortem(incident, now);
    const times = updates.map((u) => Date.parse(u.at));
    return {
      id: incident.id,
      title: incident.title,
      url: incidentUrl(page, incident.id),
      published: Math.min(...times),
      updated: Math.max(...times, postmortem ? Date.parse(postmortem.at) : 0),
      html: (postmortem ? `<h2>Postmortem</h2>${render(postmortem.body)}` : '') + timeline(updates),
    };
  });
  const maintenances = file.maintenances.map((m): FeedEntry => {
    const updates = visibleUpdates(m.updates, now);
    const start = Date.parse(m.start);
    const window = `Scheduled for ${formatInZone(start, page.timeZone)} to ${formatInZone(Date.parse(m.end), page.timeZone)}`;
    const status = updateStatusLabels[maintenanceStatus(m, now)];
    const times = updates.map((u) => Date.parse(u.at));
    return {
      id: m.id,
      title: `Maintenance: ${m.title}`,
      url: incidentUrl(page, m.id),
      // Appears once announced (its first update) or started, whichever is first: stable across builds.
      published: Math.min(start, ...times),
      // Starting and ending are changes too, once they have happened.
      updated: Math.max(
        ...times,
        ...[start, Date.parse(m.end)].filter((t) => t <= toMillis(now)),
        Math.min(start, ...times),
      ),
      html: `<p>${escapeXml(window)} (${escapeXml(status)})</p>${timeline(updates)}`,
    };
  });
  return [...incidents, ...maintenances]
    .filter((entry) => entry.published <= toMillis(now))
    .sort((a, b) => b.updated - a.updated || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 50);
}

/** RSS 2.0 of incidents and maintenance, most recently updated first. */
export function statusRss(file: IncidentsFile, page: StatusPageInfo, now: Instant, options: FeedOptions): string {
  const items = feedEntries(file, page, now, options).map((e) =>
    [
      '<item>',
      `<title>${escapeXml(e.title)}</title>`,
      `<link>${escapeXml(e.url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(e.url)}</guid>`,
      `<pubDate>${new Date(e.published).toUTCString()}</pubDate>`,
      `<description>${escapeXml(e.html)}</description>`,
      '</item>',
    ].join('\n'),
  );
  const updated = Date.parse(spPage(file, page, now).updated_at);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeXml(page.name)}</title>`,
    `<link>${escapeXml(page.url)}</link>`,
    `<description>${escapeXml(`Incidents and scheduled maintenance: ${page.name}`)}</description>`,
    '<language>en</language>',
    `<lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>`,
    `<atom:link href="${escapeXml(options.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** Atom feed of incidents and maintenance, most recently updated first. */
export function statusAtom(file: IncidentsFile, page: StatusPageInfo, now: Instant, options: FeedOptions): string {
  const entries = feedEntries(file, page, now, options).map((e) =>
    [
      '<entry>',
      `<id>${escapeXml(e.url)}</id>`,
      `<title>${escapeXml(e.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `<published>${toTimestamp(e.published)}</published>`,
      `<updated>${toTimestamp(e.updated)}</updated>`,
      `<content type="html">${escapeXml(e.html)}</content>`,
      '</entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `<id>${escapeXml(page.url)}</id>`,
    `<title>${escapeXml(page.name)}</title>`,
    `<updated>${spPage(file, page, now).updated_at}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(options.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(page.url)}"/>`,
    `<author><name>${escapeXml(page.name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** TEXT value escaping of RFC 5545 §3.3.11. */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space, which counts
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20261201T060000Z` */
function icsTime(ms: number): string {
  return toTimestamp(ms).replace(/[-:]/g, '');
}

/** A subscribable calendar of maintenance windows (times in UTC, CRLF line endings, folded lines). */
export function maintenanceCalendar(file: IncidentsFile, page: StatusPageInfo, now: Instant): string {
  const host = new URL(page.url).host;
  const names = new Map(file.components.map((c) => [c.id, c.name]));
  const events = file.maintenances.flatMap((m) => {
    const updates = visibleUpdates(m.updates, now);
    const latest = updates.at(-1);
    const cancelled = latest?.status === 'completed' && Date.parse(latest.at) < Date.parse(m.start);
    const affects = `Affects: ${m.components.map((id) => names.get(id) ?? id).join(', ')}`;
    const description = [affects, latest?.body, incidentUrl(page, m.id)].filter(Boolean).join('\n\n');
    return [
      'BEGIN:VEVENT',
      `UID:${m.id}@${host}`,
      `DTSTAMP:${icsTime(toMillis(now))}`,
      `DTSTART:${icsTime(Date.parse(m.start))}`,
      `DTEND:${icsTime(Date.parse(m.end))}`,
      ...(latest ? [`LAST-MODIFIED:${icsTime(Date.parse(latest.at))}`] : []),
      `SEQUENCE:${Math.max(0, updates.length - 1)}`,
      `SUMMARY:${escapeIcsText(`Maintenance: ${m.title}`)}`,
      `DESCRIPTION:${escapeIcsText(description)}`,
      `URL:${incidentUrl(page, m.id)}`,
      `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
  });
  const name = escapeIcsText(`${page.name}: maintenance`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//dialtone//status ${escapeIcsText(host)}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...events,
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}
