// Each update says what it did to each component: uptime, component status, the Statuspage JSON and the views
// follow the timeline; files in the old form (one status per component for the whole incident) are unchanged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentStatus, componentSteps } from '../../../src/lib/status/derive.ts';
import { incidentView } from '../../../src/lib/status/overview.ts';
import { statusPageInfo } from '../../../src/lib/status/page.ts';
import { validateIncidentsValue, type IncidentsFile } from '../../../src/lib/status/schema.ts';
import { incidentsJson, statuspageApi } from '../../../src/lib/status/statuspage.ts';
import { componentUptime, uptimeByComponent } from '../../../src/lib/status/uptime.ts';
import { incidentNoticesByCategory } from '../../../src/lib/ticket/incident-notices.ts';
import { sample } from './helpers.ts';

const DAY = 1440;

/** Outbound calls: partial outage at 10:00, major outage from 11:00, resolved at 12:00 (3 March 2026, UTC). */
function escalating(): IncidentsFile {
  const raw = {
    components: [
      { id: 'outbound-calls', name: 'Outbound calls' },
      { id: 'inbound-calls', name: 'Inbound calls' },
      { id: 'outbound-calls-2', name: 'Other' },
    ],
    incidents: [
      {
        id: 'route-failure',
        title: 'Calls to Canada failing',
        impact: 'major',
        components: { 'outbound-calls': 'partial_outage' },
        updates: [
          { at: '2026-03-03T10:00:00Z', status: 'investigating', body: 'Some calls fail.' },
          {
            at: '2026-03-03T11:00:00Z',
            status: 'identified',
            body: 'All calls to Canada fail; inbound slowed.',
            components: { 'outbound-calls': 'major_outage', 'inbound-calls': 'degraded_performance' },
          },
          {
            at: '2026-03-03T11:30:00Z',
            status: 'monitoring',
            body: 'Inbound is fine again.',
            components: { 'inbound-calls': 'operational' },
          },
          { at: '2026-03-03T12:00:00Z', status: 'resolved', body: 'Fixed.' },
        ],
      },
    ],
    maintenances: [],
  };
  const result = validateIncidentsValue(raw, 'incidents.json');
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.data;
}

const day = (file: IncidentsFile, id: string) => componentUptime(file, id, '2026-03-05T00:00:00Z').days.at(-3)!;

describe('an incident that goes from partial to major outage', () => {
  it('counts major only from the update that said so in the 90-day uptime', () => {
    const outbound = day(escalating(), 'outbound-calls');
    expect(outbound.date).toBe('2026-03-03');
    expect(outbound.minutes).toEqual({
      major_outage: 60,
      partial_outage: 60,
      degraded_performance: 0,
      under_maintenance: 0,
    });
    expect(outbound.uptime).toBeCloseTo(1 - (60 + 0.3 * 60) / DAY, 10);
    // The old reading (major for the whole two hours) would have counted 120 minutes in full.
    expect(outbound.uptime).toBeGreaterThan(1 - 120 / DAY);
    expect(outbound.incidentIds).toEqual(['route-failure']);
  });

  it('counts a component an update adds from that update, until an update says it recovered', () => {
    const inbound = day(escalating(), 'inbound-calls');
    expect(inbound.minutes.degraded_performance).toBe(30);
    expect(inbound.incidentIds).toEqual(['route-failure']);
  });

  it("gives each component the latest update's status while unresolved", () => {
    const file = escalating();
    expect(componentStatus(file, 'outbound-calls', '2026-03-03T10:30:00Z')).toBe('partial_outage');
    expect(componentStatus(file, 'outbound-calls', '2026-03-03T11:10:00Z')).toBe('major_outage');
    expect(componentStatus(file, 'inbound-calls', '2026-03-03T11:10:00Z')).toBe('degraded_performance');
    expect(componentStatus(file, 'inbound-calls', '2026-03-03T11:40:00Z')).toBe('operational');
    expect(componentStatus(file, 'outbound-calls', '2026-03-03T12:00:00Z')).toBe('operational');
  });

  it("lists each update's own changes as Statuspage's affected_components", () => {
    const page = statusPageInfo({ siteUrl: 'https://support.example.com' });
    const [incident] = incidentsJson(escalating(), page, '2026-03-04T00:00:00Z').incidents;
    const affected = incident!.incident_updates
      .map((u) => [u.status, u.affected_components?.map((c) => `${c.code}: ${c.old_status} -> ${c.new_status}`)])
      .reverse();
    expect(affected).toEqual([
      ['investigating', ['outbound-calls: operational -> partial_outage']],
      [
        'identified',
        ['outbound-calls: partial_outage -> major_outage', 'inbound-calls: operational -> degraded_performance'],
      ],
      ['monitoring', ['inbound-calls: degraded_performance -> operational']],
      ['resolved', ['outbound-calls: major_outage -> operational']],
    ]);
    expect(incident!.components.map((c) => c.id)).toEqual(['outbound-calls', 'inbound-calls']);
    // A component's updated_at is its last change.
    const summary = statuspageApi(escalating(), page, '2026-03-03T11:45:00Z')['summary.json'] as {
      components: { id: string; status: string; updated_at: string }[];
    };
    expect(summary.components.find((c) => c.id === 'inbound-calls')).toMatchObject({
      status: 'operational',
      updated_at: '2026-03-03T11:30:00Z',
    });
    expect(summary.components.find((c) => c.id === 'outbound-calls')).toMatchObject({
      status: 'major_outage',
      updated_at: '2026-03-03T11:00:00Z',
    });
  });

  it('shows the change on the updates that name components, and the worst status once resolved', () => {
    const file = escalating();
    const during = incidentView(file, file.incidents[0]!, '2026-03-03T11:10:00Z')!;
    expect(during.components.map((c) => `${c.id} ${c.status}`)).toEqual([
      'outbound-calls major_outage',
      'inbound-calls degraded_performance',
    ]);
    expect(during.updates.map((u) => u.components.map((c) => `${c.name}: ${c.statusLabel}`))).toEqual([
      ['Outbound calls: Major outage', 'Inbound calls: Degraded performance'],
      [],
    ]);
    const after = incidentView(file, file.incidents[0]!, '2026-03-04T00:00:00Z')!;
    expect(after.components.map((c) => `${c.id} ${c.status}`)).toEqual([
      'outbound-calls major_outage',
      'inbound-calls degraded_performance',
    ]);
  });

  it('warns the ticket form of an incident by the components its updates added', () => {
    const notices = incidentNoticesByCategory(
      {
        ...escalating(),
        components: [
          ...escalating().components,
          { id: 'sip-trunking', name: 'SIP trunking' },
          { id: 'customer-portal', name: 'Portal' },
        ],
      },
      '2026-03-03T11:10:00Z',
    );
    expect(notices['inbound-calls']?.map((n) => n.id)).toEqual(['route-failure']);
    expect(notices.portal).toBeUndefined();
  });
});

describe('files in the old form (components on the incident only)', () => {
  it('give one step per update with the incident-level status until resolved', () => {
    const incident = sample().incidents.find((i) => i.id === '2026-10-29-phones-not-registering')!;
    const steps = componentSteps(incident, '2026-11-01T00:00:00Z');
    expect(steps.map((s) => s.statuses['hosted-pbx'])).toEqual([
      'major_outage',
      'major_outage',
      'major_outage',
      'operational',
    ]);
    expect(steps.map((s) => s.changes.length)).toEqual([2, 0, 0, 2]);
  });

  it('derive the same Statuspage JSON and uptime as before per-update components existed', () => {
    const before = JSON.parse(readFileSync('test/fixtures/status/sample-outputs.json', 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    const page = statusPageInfo({
      siteUrl: 'https://support.example.com',
      providerName: 'Example Voice',
      timeZone: 'America/New_York',
    });
    for (const [at, expected] of Object.entries(before)) {
      const api = statuspageApi(sample(), page, at);
      expect(JSON.parse(JSON.stringify(api['summary.json'])), at).toEqual(expected['summary.json']);
      expect(JSON.parse(JSON.stringify(api['incidents.json'])), at).toEqual(expected['incidents.json']);
      const uptime = uptimeByComponent(sample(), at, { timeZone: 'America/New_York' }).map((u) => ({
        componentId: u.componentId,
        percentage: u.percentage,
        days: u.days.filter((d) => d.uptime < 1 || d.incidentIds.length + d.maintenanceIds.length > 0),
      }));
      expect(uptime, at).toEqual(expected.uptime);
    }
  });
});
