import { describe, expect, it } from 'vitest';
import {
  activeMaintenances,
  componentStatus,
  componentStatusOrder,
  incidentStatus,
  isUnresolved,
  maintenanceStatus,
  pageIndicator,
  unresolvedIncidents,
  upcomingMaintenances,
  visibleIncidents,
  worseComponentStatus,
  worstComponentStatus,
} from '../../../src/lib/status/derive.ts';
import type { IncidentsFile, Maintenance } from '../../../src/lib/status/schema.ts';
import { sample, small } from './helpers.ts';

const statusesAt = (file: IncidentsFile, now: string) =>
  Object.fromEntries(file.components.map((c) => [c.id, componentStatus(file, c.id, now)]));

const incident = (file: IncidentsFile, id: string) => {
  const found = file.incidents.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};
const maintenance = (file: IncidentsFile, id: string) => {
  const found = file.maintenances.find((m) => m.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('worst-status ordering', () => {
  it('orders operational < under_maintenance < degraded < partial < major', () => {
    expect(componentStatusOrder).toEqual([
      'operational',
      'under_maintenance',
      'degraded_performance',
      'partial_outage',
      'major_outage',
    ]);
    for (let i = 0; i < componentStatusOrder.length; i++) {
      for (let j = 0; j < componentStatusOrder.length; j++) {
        const [a, b] = [componentStatusOrder[i]!, componentStatusOrder[j]!];
        expect(worseComponentStatus(a, b)).toBe(componentStatusOrder[Math.max(i, j)]);
      }
    }
  });

  it('takes the worst of a list, operational for none', () => {
    expect(worstComponentStatus([])).toBe('operational');
    expect(worstComponentStatus(['degraded_performance', 'under_maintenance', 'partial_outage'])).toBe(
      'partial_outage',
    );
  });
});

describe('incidents at an instant', () => {
  const file = small();

  it('before an incident: it does not exist yet, everything is operational', () => {
    const now = '2026-01-10T09:59:59Z';
    expect(visibleIncidents(file, now)).toEqual([]);
    expect(incidentStatus(incident(file, 'trunk-errors'), now)).toBeNull();
    expect(statusesAt(file, now)).toEqual({ trunks: 'operational', pbx: 'operational', portal: 'operational' });
    expect(pageIndicator(file, now)).toBe('none');
  });

  it('an update becomes visible exactly at its time', () => {
    expect(incidentStatus(incident(file, 'trunk-errors'), '2026-01-10T10:00:00Z')).toBe('investigating');
    expect(incidentStatus(incident(file, 'trunk-errors'), '2026-01-10T10:29:59Z')).toBe('investigating');
    expect(incidentStatus(incident(file, 'trunk-errors'), new Date('2026-01-10T10:30:00Z'))).toBe('identified');
  });

  it('during one incident: its components take its statuses, the page its impact', () => {
    const now = '2026-01-10T10:15:00Z';
    expect(statusesAt(file, now)).toEqual({
      trunks: 'partial_outage',
      pbx: 'degraded_performance',
      portal: 'operational',
    });
    expect(pageIndicator(file, now)).toBe('major');
  });

  it('during overlapping incidents: the worst status and the worst impact win', () => {
    const now = '2026-01-10T11:15:00Z';
    expect(unresolvedIncidents(file, now).map((i) => i.id)).toEqual(['trunk-errors', 'trunk-outage']);
    expect(componentStatus(file, 'trunks', now)).toBe('major_outage');
    expect(pageIndicator(file, now)).toBe('critical');
  });

  it('after one of two resolves, the other still counts', () => {
    const now = '2026-01-10T11:45:00Z';
    expect(isUnresolved(incident(file, 'trunk-outage'), now)).toBe(false);
    expect(componentStatus(file, 'trunks', now)).toBe('partial_outage');
    expect(pageIndicator(file, now)).toBe('major');
  });

  it('after all resolve: operational again', () => {
    const now = '2026-01-10T12:00:00Z';
    expect(unresolvedIncidents(file, now)).toEqual([]);
    expect(statusesAt(file, now)).toEqual({ trunks: 'operational', pbx: 'operational', portal: 'operational' });
    expect(pageIndicator(file, now)).toBe('none');
  });

  it('an incident whose updates are all in the future does not exist', () => {
    expect(visibleIncidents(file, '2026-01-19T00:00:00Z').map((i) => i.id)).toEqual(['trunk-errors', 'trunk-outage']);
  });
});

describe('maintenance at an instant', () => {
  const file = small();
  const patch = maintenance(file, 'pbx-patch'); // no updates: starts and completes by itself
  const upgrade = maintenance(file, 'core-upgrade'); // started early, verifying, completed early

  it('is scheduled before its start, in progress from start, completed from end', () => {
    expect(maintenanceStatus(patch, '2026-01-15T05:59:59Z')).toBe('scheduled');
    expect(maintenanceStatus(patch, '2026-01-15T06:00:00Z')).toBe('in_progress');
    expect(maintenanceStatus(patch, '2026-01-15T07:59:59Z')).toBe('in_progress');
    expect(maintenanceStatus(patch, '2026-01-15T08:00:00Z')).toBe('completed');
  });

  it('follows its updates: in progress early, verifying, completed early', () => {
    expect(maintenanceStatus(upgrade, '2026-01-25T05:49:00Z')).toBe('scheduled');
    expect(maintenanceStatus(upgrade, '2026-01-25T05:50:00Z')).toBe('in_progress');
    expect(maintenanceStatus(upgrade, '2026-01-25T07:30:00Z')).toBe('verifying');
    expect(maintenanceStatus(upgrade, '2026-01-25T07:45:00Z')).toBe('completed');
  });

  it('a "completed" update before the window cancels it; a stale "scheduled" does not stop it starting', () => {
    const cancelled: Maintenance = {
      ...patch,
      updates: [{ at: '2026-01-14T00:00:00Z', status: 'completed', body: 'Cancelled.' }],
    };
    expect(maintenanceStatus(cancelled, '2026-01-15T07:00:00Z')).toBe('completed');
    const announced: Maintenance = {
      ...patch,
      updates: [{ at: '2026-01-14T00:00:00Z', status: 'scheduled', body: 'Planned.' }],
    };
    expect(maintenanceStatus(announced, '2026-01-15T07:00:00Z')).toBe('in_progress');
  });

  it('puts its components under maintenance while active, and sets the page indicator', () => {
    const now = '2026-01-15T07:00:00Z';
    expect(activeMaintenances(file, now).map((m) => m.id)).toEqual(['pbx-patch']);
    expect(statusesAt(file, now)).toEqual({ trunks: 'operational', pbx: 'under_maintenance', portal: 'operational' });
    expect(pageIndicator(file, now)).toBe('maintenance');
    expect(pageIndicator(file, '2026-01-15T08:00:00Z')).toBe('none');
  });

  it('an unresolved incident outranks maintenance, for the component and for the page', () => {
    const now = '2026-01-25T07:00:00Z'; // portal-slow (minor, degraded) is still unresolved
    expect(statusesAt(file, now)).toEqual({
      trunks: 'under_maintenance',
      pbx: 'operational',
      portal: 'degraded_performance',
    });
    expect(pageIndicator(file, now)).toBe('minor');
  });

  it('an unresolved incident of impact "none" does not hide maintenance in the page indicator', () => {
    const notice: IncidentsFile = {
      ...file,
      incidents: file.incidents.map((i) => (i.id === 'portal-slow' ? { ...i, impact: 'none' as const } : i)),
    };
    expect(pageIndicator(notice, '2026-01-25T07:00:00Z')).toBe('maintenance');
    expect(pageIndicator(notice, '2026-01-25T09:00:00Z')).toBe('none');
  });

  it('lists upcoming maintenance soonest first', () => {
    expect(upcomingMaintenances(file, '2026-01-01T00:00:00Z').map((m) => m.id)).toEqual(['pbx-patch', 'core-upgrade']);
    expect(upcomingMaintenances(file, '2026-01-20T00:00:00Z').map((m) => m.id)).toEqual(['core-upgrade']);
  });
});

describe('the sample file', () => {
  it('on 24 November 2026: one unresolved incident on outbound calls, one upcoming maintenance', () => {
    const file = sample();
    const now = '2026-11-24T05:30:00Z';
    expect(unresolvedIncidents(file, now).map((i) => i.id)).toEqual(['2026-11-24-outbound-calls-canada']);
    expect(incidentStatus(incident(file, '2026-11-24-outbound-calls-canada'), now)).toBe('identified');
    const degraded = Object.entries(statusesAt(file, now)).filter(([, status]) => status !== 'operational');
    expect(degraded).toEqual([['outbound-calls', 'partial_outage']]);
    expect(pageIndicator(file, now)).toBe('major');
    expect(upcomingMaintenances(file, now).map((m) => m.id)).toEqual(['2026-12-01-sbc-upgrade']);
    expect(file.incidents.filter((i) => i.postmortem).length).toBeGreaterThanOrEqual(2);
  });

  it('during the SBC upgrade window, after the incident is resolved, the page shows maintenance', () => {
    const file = sample();
    const resolved: IncidentsFile = {
      ...file,
      incidents: file.incidents.map((i) =>
        i.id === '2026-11-24-outbound-calls-canada'
          ? {
              ...i,
              updates: [...i.updates, { at: '2026-11-24T09:00:00Z', status: 'resolved' as const, body: 'Fixed.' }],
            }
          : i,
      ),
    };
    const now = '2026-12-01T07:00:00Z';
    expect(pageIndicator(resolved, now)).toBe('maintenance');
    expect(componentStatus(resolved, 'sip-trunking', now)).toBe('under_maintenance');
    expect(componentStatus(resolved, 'sms', now)).toBe('operational');
  });
});
