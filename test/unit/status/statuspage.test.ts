import { describe, expect, it } from 'vitest';
import { statusPageInfo } from '../../../src/lib/status/page.ts';
import {
  activeMaintenancesJson,
  componentsJson,
  incidentsJson,
  scheduledMaintenancesJson,
  statuspageApi,
  statusJson,
  summaryJson,
  unresolvedIncidentsJson,
  upcomingMaintenancesJson,
  type SpComponent,
  type SpIncident,
} from '../../../src/lib/status/statuspage.ts';
import { sample, small } from './helpers.ts';

const page = statusPageInfo({ siteUrl: 'https://support.example.com', providerName: 'Example Voice', timeZone: 'UTC' });

// Field names of Atlassian Statuspage's public API v2 (https://<page>/api/v2/).
const PAGE_FIELDS = ['id', 'name', 'url', 'time_zone', 'updated_at'];
const COMPONENT_FIELDS = [
  'id',
  'name',
  'status',
  'created_at',
  'updated_at',
  'position',
  'description',
  'showcase',
  'start_date',
  'group_id',
  'page_id',
  'group',
  'only_show_if_degraded',
];
const INCIDENT_FIELDS = [
  'id',
  'name',
  'status',
  'created_at',
  'updated_at',
  'monitoring_at',
  'resolved_at',
  'impact',
  'shortlink',
  'started_at',
  'page_id',
  'incident_updates',
  'components',
];
const UPDATE_FIELDS = [
  'id',
  'status',
  'body',
  'incident_id',
  'created_at',
  'updated_at',
  'display_at',
  'affected_components',
  'deliver_notifications',
  'custom_tweet',
  'tweet_id',
];
const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
];
const INDICATORS = ['none', 'minor', 'major', 'critical', 'maintenance'];
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const sorted = (keys: string[]) => [...keys].sort();

function expectComponent(component: SpComponent) {
  const extra = component.group ? ['components'] : [];
  expect(sorted(Object.keys(component))).toEqual(sorted([...COMPONENT_FIELDS, ...extra]));
  expect(COMPONENT_STATUSES).toContain(component.status);
  expect(component.created_at).toMatch(ISO);
  expect(component.updated_at).toMatch(ISO);
  expect(component.page_id).toBe(page.id);
}

function expectIncident(incident: SpIncident, statuses: string[], extraFields: string[]) {
  expect(sorted(Object.keys(incident))).toEqual(sorted([...INCIDENT_FIELDS, ...extraFields]));
  expect(statuses).toContain(incident.status);
  for (const field of ['created_at', 'updated_at', 'started_at'] as const) expect(incident[field]).toMatch(ISO);
  expect(incident.shortlink).toBe(`https://support.example.com/status/incidents/${incident.id}/`);
  for (const update of incident.incident_updates) {
    expect(sorted(Object.keys(update))).toEqual(sorted(UPDATE_FIELDS));
    expect(update.incident_id).toBe(incident.id);
    expect(statuses).toContain(update.status);
  }
  const times = incident.incident_updates.map((u) => Date.parse(u.display_at));
  expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first, as Statuspage lists them
  incident.components.forEach(expectComponent);
}

const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'];
const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'];

describe('Statuspage v2 shapes', () => {
  const file = sample();
  const now = '2026-11-24T05:30:00Z';

  it('summary.json: page, components, unresolved incidents, active and upcoming maintenance, status', () => {
    const summary = summaryJson(file, page, now);
    expect(Object.keys(summary)).toEqual(['page', 'components', 'incidents', 'scheduled_maintenances', 'status']);
    expect(sorted(Object.keys(summary.page))).toEqual(sorted(PAGE_FIELDS));
    expect(summary.page).toEqual({
      id: 'status',
      name: 'Example Voice status',
      url: 'https://support.example.com/status/',
      time_zone: 'UTC',
      updated_at: '2026-11-24T04:38:00Z',
    });
    summary.components.forEach(expectComponent);
    summary.incidents.forEach((i) =>
      expectIncident(i, INCIDENT_STATUSES, ['postmortem_body', 'postmortem_published_at']),
    );
    summary.scheduled_maintenances.forEach((m) => {
      expectIncident(m, MAINTENANCE_STATUSES, ['scheduled_for', 'scheduled_until']);
      expect(m.impact).toBe('maintenance');
    });
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(INDICATORS).toContain(summary.status.indicator);
    expect(summary.incidents.map((i) => [i.id, i.status, i.impact])).toEqual([
      ['2026-11-24-outbound-calls-canada', 'identified', 'major'],
    ]);
    expect(summary.scheduled_maintenances.map((m) => [m.id, m.status, m.scheduled_for, m.scheduled_until])).toEqual([
      ['2026-12-01-sbc-upgrade', 'scheduled', '2026-12-01T06:00:00Z', '2026-12-01T08:00:00Z'],
    ]);
  });

  it('components.json: groups are components with group: true and the ids of their members', () => {
    const { components } = componentsJson(file, page, now);
    const groups = components.filter((c) => c.group);
    expect(groups.map((g) => [g.id, g.name, g.status])).toEqual([
      ['group-voice', 'Voice', 'partial_outage'],
      ['group-messaging-fax', 'Messaging & fax', 'operational'],
      ['group-platform', 'Platform', 'operational'],
    ]);
    expect(groups[0]?.components).toEqual(['sip-trunking', 'hosted-pbx', 'inbound-calls', 'outbound-calls', 'e911']);
    const outbound = components.find((c) => c.id === 'outbound-calls');
    expect(outbound).toMatchObject({ status: 'partial_outage', group_id: 'group-voice', group: false, position: 4 });
    expect(outbound?.updated_at).toBe('2026-11-24T04:03:00Z');
    for (const member of components.filter((c) => !c.group)) {
      expect(groups.find((g) => g.id === member.group_id)?.components).toContain(member.id);
    }
  });

  it('incident updates carry the component changes Statuspage shows (opening and resolving)', () => {
    const { incidents } = incidentsJson(file, page, now);
    const registration = incidents.find((i) => i.id === '2026-10-29-phones-not-registering');
    expect(registration).toMatchObject({
      status: 'resolved',
      impact: 'critical',
      monitoring_at: '2026-10-29T13:49:00Z',
      resolved_at: '2026-10-29T14:35:00Z',
      postmortem_published_at: '2026-10-31T16:00:00Z',
    });
    const updates = registration!.incident_updates;
    expect(updates.at(-1)?.affected_components).toEqual([
      {
        code: 'hosted-pbx',
        name: 'Hosted PBX & phone registration',
        old_status: 'operational',
        new_status: 'major_outage',
      },
      { code: 'inbound-calls', name: 'Inbound calls & DIDs', old_status: 'operational', new_status: 'partial_outage' },
    ]);
    expect(updates[0]?.affected_components?.map((c) => c.new_status)).toEqual(['operational', 'operational']);
    expect(updates[1]?.affected_components).toBeNull();
  });

  it('incidents.json lists every incident that exists at now, newest first', () => {
    const { incidents } = incidentsJson(file, page, now);
    expect(incidents).toHaveLength(file.incidents.length);
    const created = incidents.map((i) => Date.parse(i.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(incidentsJson(file, page, '2026-11-24T04:00:00Z').incidents.map((i) => i.id)).not.toContain(
      '2026-11-24-outbound-calls-canada',
    );
  });

  it('hides updates and postmortems dated after now', () => {
    const early = incidentsJson(file, page, '2026-10-29T13:30:00Z').incidents.find(
      (i) => i.id === '2026-10-29-phones-not-registering',
    );
    expect(early?.incident_updates.map((u) => u.status)).toEqual(['identified', 'investigating']);
    expect(early).toMatchObject({ status: 'identified', resolved_at: null, postmortem_body: null });
  });

  it('unresolved, scheduled, upcoming and active files select the right entries', () => {
    expect(unresolvedIncidentsJson(file, page, now).incidents.map((i) => i.id)).toEqual([
      '2026-11-24-outbound-calls-canada',
    ]);
    expect(scheduledMaintenancesJson(file, page, now).scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([
      ['2026-12-01-sbc-upgrade', 'scheduled'],
      ['2026-11-05-portal-database', 'completed'],
      ['2026-10-20-porting-system-upgrade', 'completed'],
    ]);
    expect(upcomingMaintenancesJson(file, page, now).scheduled_maintenances.map((m) => m.id)).toEqual([
      '2026-12-01-sbc-upgrade',
    ]);
    expect(activeMaintenancesJson(file, page, now).scheduled_maintenances).toEqual([]);
    const during = '2026-12-01T07:00:00Z';
    expect(activeMaintenancesJson(file, page, during).scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([
      ['2026-12-01-sbc-upgrade', 'in_progress'],
    ]);
    expect(upcomingMaintenancesJson(file, page, during).scheduled_maintenances).toEqual([]);
  });

  it('a completed maintenance reports when it ended', () => {
    const portal = scheduledMaintenancesJson(file, page, now).scheduled_maintenances.find(
      (m) => m.id === '2026-11-05-portal-database',
    );
    expect(portal).toMatchObject({ status: 'completed', resolved_at: '2026-11-05T07:42:00Z' });
  });

  it('status.json is the page and the indicator, with Statuspage wording', () => {
    expect(statusJson(small(), page, '2026-01-10T11:15:00Z').status).toEqual({
      indicator: 'critical',
      description: 'Major Service Outage',
    });
    expect(statusJson(small(), page, '2026-01-15T07:00:00Z').status).toEqual({
      indicator: 'maintenance',
      description: 'Service Under Maintenance',
    });
    expect(statusJson(small(), page, '2026-01-12T00:00:00Z').status).toEqual({
      indicator: 'none',
      description: 'All Systems Operational',
    });
    expect(statusJson(small(), page, '2026-01-20T10:00:00Z').status.description).toBe('Minor Service Outage');
  });

  it('serves every /api/v2 path the site publishes', () => {
    expect(Object.keys(statuspageApi(file, page, now))).toEqual([
      'summary.json',
      'status.json',
      'components.json',
      'incidents.json',
      'incidents/unresolved.json',
      'scheduled-maintenances.json',
      'scheduled-maintenances/upcoming.json',
      'scheduled-maintenances/active.json',
    ]);
  });

  it('is the same for the same instant, whichever form it is given in', () => {
    expect(summaryJson(file, page, new Date(now))).toEqual(summaryJson(file, page, now));
    expect(summaryJson(file, page, '2026-11-24T00:30:00-05:00')).toEqual(summaryJson(file, page, now));
  });
});
