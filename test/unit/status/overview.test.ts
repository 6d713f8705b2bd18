import { describe, expect, it } from 'vitest';
import {
  findStatusEntry,
  historyPages,
  incidentBanners,
  statusEntryIds,
  statusHistory,
  statusOverview,
} from '../../../src/lib/status/overview.ts';
import { overviewFacts, statusSentence, summaryFacts } from '../../../src/lib/status/sentence.ts';
import { statusPageInfo } from '../../../src/lib/status/page.ts';
import { summaryJson } from '../../../src/lib/status/statuspage.ts';
import { sample, small } from './helpers.ts';

describe('statusOverview (what /status/ shows)', () => {
  const overview = statusOverview(sample(), '2026-11-24T05:30:00Z', 'America/New_York');

  it('has the banner, the groups in file order and their components with status', () => {
    expect([overview.indicator, overview.description]).toEqual(['major', 'Partial System Outage']);
    expect(overview.groups.map((g) => [g.name, g.status, g.components.length])).toEqual([
      ['Voice', 'partial_outage', 5],
      ['Messaging & fax', 'operational', 2],
      ['Platform', 'operational', 3],
    ]);
    const outbound = overview.groups[0]?.components.find((c) => c.id === 'outbound-calls');
    expect(outbound).toMatchObject({ status: 'partial_outage', statusLabel: 'Partial outage' });
  });

  it('lists the unresolved incident with its timeline newest first', () => {
    expect(overview.unresolved).toHaveLength(1);
    const incident = overview.unresolved[0]!;
    expect(incident).toMatchObject({
      id: '2026-11-24-outbound-calls-canada',
      status: 'identified',
      statusLabel: 'Identified',
      path: '/status/incidents/2026-11-24-outbound-calls-canada/',
      startedAt: '2026-11-24T04:03:00Z',
      resolvedAt: null,
      postmortem: null,
    });
    expect(incident.updates.map((u) => u.statusLabel)).toEqual(['Identified', 'Investigating']);
    expect(incident.components.map((c) => c.id)).toEqual(['outbound-calls']);
  });

  it("shows a resolved incident's components with the status it gave them, not today's", () => {
    const resolved = findStatusEntry(sample(), '2026-10-29-phones-not-registering', '2026-11-24T05:30:00Z');
    expect(resolved?.components.map((c) => [c.id, c.statusLabel])).toEqual([
      ['hosted-pbx', 'Major outage'],
      ['inbound-calls', 'Partial outage'],
    ]);
  });

  it('lists maintenance in progress and upcoming, and 90-day uptime per component', () => {
    expect(overview.activeMaintenances).toEqual([]);
    expect(overview.upcomingMaintenances.map((m) => [m.id, m.statusLabel])).toEqual([
      ['2026-12-01-sbc-upgrade', 'Scheduled'],
    ]);
    expect(overview.uptime.map((u) => u.days.length)).toEqual(Array(10).fill(90));
  });

  it('groups components without a group under null', () => {
    const groups = statusOverview(small(), '2026-01-15T07:00:00Z', 'UTC').groups;
    expect(groups.map((g) => [g.name, g.status])).toEqual([
      ['Voice', 'under_maintenance'],
      [null, 'operational'],
    ]);
  });
});

describe('permalinks and history', () => {
  it('finds an incident or a maintenance by id, as visible at now', () => {
    const file = small();
    expect(findStatusEntry(file, 'trunk-errors', '2026-01-10T10:40:00Z')).toMatchObject({
      kind: 'incident',
      status: 'identified',
    });
    expect(findStatusEntry(file, 'trunk-errors', '2026-01-09T00:00:00Z')).toBeNull();
    expect(findStatusEntry(file, 'pbx-patch', '2026-01-15T07:00:00Z')).toMatchObject({
      kind: 'maintenance',
      status: 'in_progress',
    });
    expect(findStatusEntry(file, 'nope', '2026-01-15T07:00:00Z')).toBeNull();
    expect(statusEntryIds(file, '2026-01-12T00:00:00Z')).toEqual([
      'trunk-errors',
      'trunk-outage',
      'pbx-patch',
      'core-upgrade',
    ]);
  });

  it('shows a postmortem once it is published', () => {
    expect(findStatusEntry(small(), 'trunk-errors', '2026-01-11T00:00:00Z')).toMatchObject({ postmortem: null });
    expect(findStatusEntry(small(), 'trunk-errors', '2026-01-12T09:00:00Z')).toMatchObject({
      resolvedAt: '2026-01-10T12:00:00Z',
      postmortem: { at: '2026-01-12T09:00:00Z' },
    });
  });

  it('groups history by month in the team time zone, every month down to the oldest, newest first', () => {
    const months = statusHistory(sample(), '2026-11-24T05:30:00Z', 'America/New_York');
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(months[0]?.label).toBe('November 2026');
    expect(months[0]?.entries.map((e) => e.id)).toEqual([
      '2026-11-24-outbound-calls-canada',
      '2026-11-17-sms-delivery-delays',
      '2026-11-09-fax-t38-failures',
      '2026-11-05-portal-database',
    ]);
    expect(historyPages(months, 2).map((p) => p.map((m) => m.month))).toEqual([['2026-11', '2026-10'], ['2026-09']]);
    expect(historyPages([], 3)).toEqual([[]]);
  });

  it('keeps empty months so the history has no gaps', () => {
    const months = statusHistory(small(), '2026-04-01T00:00:00Z', 'UTC');
    expect(months.map((m) => [m.month, m.entries.length])).toEqual([
      ['2026-04', 0],
      ['2026-03', 0],
      ['2026-02', 0],
      ['2026-01', 5],
    ]);
  });
});

describe('incidentBanners (KB pages and the ticket form)', () => {
  it('links the unresolved incidents, worst first, and nothing once resolved', () => {
    expect(incidentBanners(small(), '2026-01-10T11:15:00Z').map((b) => [b.id, b.impact, b.path])).toEqual([
      ['trunk-outage', 'critical', '/status/incidents/trunk-outage/'],
      ['trunk-errors', 'major', '/status/incidents/trunk-errors/'],
    ]);
    expect(incidentBanners(small(), '2026-01-12T00:00:00Z')).toEqual([]);
  });

  it('links maintenance while it is in progress, after the incidents', () => {
    expect(incidentBanners(small(), '2026-01-15T07:00:00Z')).toEqual([
      {
        kind: 'maintenance',
        id: 'pbx-patch',
        title: 'PBX patch',
        impact: 'maintenance',
        statusLabel: 'In progress',
        path: '/status/incidents/pbx-patch/',
      },
    ]);
    expect(incidentBanners(small(), '2026-01-15T08:00:00Z')).toEqual([]);
  });
});

describe('statusSentence (the banner in plain words)', () => {
  const sentence = (now: string) => statusSentence(overviewFacts(statusOverview(small(), now, 'UTC')));

  it('says what is affected and how, and that we are on it', () => {
    expect(sentence('2026-01-10T11:15:00Z')).toBe(
      'We are working on 2 incidents affecting SIP trunking (major outage) and Hosted PBX (degraded performance).',
    );
    expect(sentence('2026-01-20T10:00:00Z')).toBe(
      'We are working on an incident affecting Customer portal (degraded performance).',
    );
  });

  it('names the components under maintenance, and says so when all is well', () => {
    expect(sentence('2026-01-15T07:00:00Z')).toBe('Scheduled maintenance is in progress on Hosted PBX.');
    expect(sentence('2026-01-12T00:00:00Z')).toBe('All our services are running normally.');
  });

  it('says the same from the summary JSON, as the page script does after a refresh', () => {
    for (const now of [
      '2026-01-10T11:15:00Z',
      '2026-01-15T07:00:00Z',
      '2026-01-20T10:00:00Z',
      '2026-01-12T00:00:00Z',
    ]) {
      const summary = JSON.parse(JSON.stringify(summaryJson(small(), statusPageInfo(), now)));
      expect(statusSentence(summaryFacts(summary))).toBe(sentence(now));
    }
  });
});
