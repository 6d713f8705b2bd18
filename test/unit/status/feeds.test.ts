import { describe, expect, it } from 'vitest';
import { statusBadgeSvg } from '../../../src/lib/status/badge.ts';
import {
  escapeIcsText,
  escapeXml,
  foldIcsLine,
  maintenanceCalendar,
  statusAtom,
  statusRss,
} from '../../../src/lib/status/feeds.ts';
import { statusPageInfo } from '../../../src/lib/status/page.ts';
import type { IncidentsFile } from '../../../src/lib/status/schema.ts';
import { sample, small } from './helpers.ts';
import { childrenNamed, childText, parseXml } from './xml.ts';

const page = statusPageInfo({ siteUrl: 'https://support.example.com', providerName: 'Example & Co', timeZone: 'UTC' });
const now = '2026-01-31T00:00:00Z';

describe('the XML checker used below', () => {
  it('rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow();
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(() => parseXml('<a href=x/>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow();
    expect(parseXml('<a t="1 &amp; 2">x &lt; y</a>')).toEqual({
      name: 'a',
      attributes: { t: '1 & 2' },
      children: [],
      text: 'x < y',
    });
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<b a="1">Tom & Jerry's</b>\u0001`)).toBe(
      '&lt;b a=&quot;1&quot;&gt;Tom &amp; Jerry&apos;s&lt;/b&gt;',
    );
  });
});

describe('RSS', () => {
  const rss = parseXml(statusRss(small(), page, now, { selfUrl: 'https://support.example.com/status/feed.rss' }));
  const channel = childrenNamed(rss, 'channel')[0]!;
  const items = childrenNamed(channel, 'item');

  it('is RSS 2.0 with a channel naming the page (escaped)', () => {
    expect(rss.attributes.version).toBe('2.0');
    expect(childText(channel, 'title')).toBe('Example & Co status');
    expect(childText(channel, 'link')).toBe('https://support.example.com/status/');
    expect(childrenNamed(channel, 'atom:link')[0]?.attributes.rel).toBe('self');
  });

  it('has one item per incident and maintenance, most recently updated first', () => {
    expect(items.map((i) => childText(i, 'title'))).toEqual([
      'Maintenance: Core upgrade',
      'Portal slow',
      'Maintenance: PBX patch',
      'Trunk call failures',
      'Trunks down',
    ]);
    const first = items[3]!;
    expect(childText(first, 'guid')).toBe('https://support.example.com/status/incidents/trunk-errors/');
    expect(childText(first, 'pubDate')).toBe('Sat, 10 Jan 2026 10:00:00 GMT');
  });

  it('carries the timeline as escaped HTML, newest first, with the postmortem', () => {
    const html = childText(items[3]!, 'description')!;
    expect(html).toContain('Looking into &lt;failed&gt; calls &amp; errors.');
    expect(html.indexOf('Resolved')).toBeLessThan(html.indexOf('Investigating'));
    expect(html).toContain('<h2>Postmortem</h2>');
  });

  it('leaves out what does not exist yet', () => {
    const early = parseXml(statusRss(small(), page, '2026-01-10T10:45:00Z', { selfUrl: 'https://x.example/f' }));
    const titles = childrenNamed(childrenNamed(early, 'channel')[0]!, 'item').map((i) => childText(i, 'title'));
    expect(titles).toEqual(['Trunk call failures']); // maintenance appears once announced (or started)
  });
});

describe('Atom', () => {
  const feed = parseXml(statusAtom(small(), page, now, { selfUrl: 'https://support.example.com/status/feed.atom' }));
  const entries = childrenNamed(feed, 'entry');

  it('is an Atom feed with id, title, updated, author and links', () => {
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(childText(feed, 'id')).toBe('https://support.example.com/status/');
    expect(childText(feed, 'updated')).toBe('2026-01-25T07:45:00Z');
    expect(childrenNamed(feed, 'link').map((l) => l.attributes.rel)).toEqual(['self', 'alternate']);
    expect(childrenNamed(feed, 'author')).toHaveLength(1);
  });

  it('gives every entry a unique id, RFC 3339 times and HTML content', () => {
    const ids = entries.map((e) => childText(e, 'id'));
    expect(new Set(ids).size).toBe(entries.length);
    for (const entry of entries) {
      expect(childText(entry, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(childrenNamed(entry, 'content')[0]?.attributes.type).toBe('html');
    }
    const trunk = entries.find((e) => childText(e, 'title') === 'Trunk call failures')!;
    expect(childText(trunk, 'published')).toBe('2026-01-10T10:00:00Z');
    expect(childText(trunk, 'updated')).toBe('2026-01-12T09:00:00Z'); // the postmortem
  });

  it('uses a Markdown renderer when given one', () => {
    const xml = statusAtom(small(), page, now, {
      selfUrl: 'https://x.example/f',
      renderMarkdown: (md) => `<div>${md.length}</div>`,
    });
    expect(xml).toContain('&lt;div&gt;');
    parseXml(xml);
  });
});

describe('iCalendar of maintenance windows', () => {
  const ics = maintenanceCalendar(sample(), page, '2026-11-24T05:30:00Z');
  const unfolded = ics.replace(/\r\n /g, '');
  const lines = unfolded.split('\r\n');

  it('uses CRLF line endings only, and folds every line to at most 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n [^\r\n]/); // some line was long enough to fold
  });

  it('is a calendar with one event per maintenance, each with UID, DTSTAMP and UTC times', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(lines).toContain('UID:2026-12-01-sbc-upgrade@support.example.com');
    expect(lines).toContain('DTSTART:20261201T060000Z');
    expect(lines).toContain('DTEND:20261201T080000Z');
    expect(lines.filter((l) => l === 'DTSTAMP:20261124T053000Z')).toHaveLength(3);
    expect(lines).toContain('SUMMARY:Maintenance: Session border controller software upgrade');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('escapes text values', () => {
    const description = lines.find((l) => l.startsWith('DESCRIPTION:') && l.includes('SIP trunking'));
    expect(description).toContain('Affects: SIP trunking\\, Inbound calls & DIDs\\, Outbound calls\\n\\nWe will');
    expect(description).toContain('drop once\\; new calls');
    expect(escapeIcsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('marks a maintenance completed before its start as cancelled', () => {
    const file: IncidentsFile = {
      ...small(),
      maintenances: [
        {
          id: 'called-off',
          title: 'Called off',
          components: ['pbx'],
          start: '2026-02-01T06:00:00Z',
          end: '2026-02-01T07:00:00Z',
          updates: [{ at: '2026-01-30T00:00:00Z', status: 'completed', body: 'Cancelled.' }],
        },
      ],
    };
    expect(maintenanceCalendar(file, page, now)).toContain('\r\nSTATUS:CANCELLED\r\n');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `DESCRIPTION:${'é'.repeat(80)}`;
    const folded = foldIcsLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldIcsLine('SHORT:1')).toBe('SHORT:1');
  });
});

describe('status badge', () => {
  it('is an accessible SVG image naming the status', () => {
    const svg = parseXml(statusBadgeSvg('major'));
    expect(svg.name).toBe('svg');
    expect(svg.attributes.role).toBe('img');
    expect(svg.attributes['aria-label']).toBe('status: Partial System Outage');
    expect(childText(svg, 'title')).toBe('status: Partial System Outage');
    expect(statusBadgeSvg('none')).toContain('All Systems Operational');
    expect(statusBadgeSvg('none')).not.toBe(statusBadgeSvg('critical'));
  });

  it('escapes its label', () => {
    const svg = parseXml(statusBadgeSvg('maintenance', { label: 'R&D <voice>' }));
    expect(childText(svg, 'title')).toBe('R&D <voice>: Service Under Maintenance');
  });
});
