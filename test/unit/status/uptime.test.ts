import { describe, expect, it } from 'vitest';
import type { IncidentsFile } from '../../../src/lib/status/schema.ts';
import {
  componentUptime,
  describeUptimeDay,
  describeUptimeDays,
  formatMinutes,
  formatPercent,
  outageWeights,
  uptimeByComponent,
  uptimeDayLevel,
} from '../../../src/lib/status/uptime.ts';
import { sample, small } from './helpers.ts';

const DAY = 1440;

/** A file with one component and one resolved incident of the given status and span. */
function oneIncident(status: 'major_outage' | 'partial_outage' | 'degraded_performance', from: string, to: string) {
  const file: IncidentsFile = {
    components: [{ id: 'c', name: 'C' }],
    incidents: [
      {
        id: 'i',
        title: 'I',
        impact: 'major',
        components: { c: status },
        updates: [
          { at: from, status: 'investigating', body: '.' },
          { at: to, status: 'resolved', body: '.' },
        ],
      },
    ],
    maintenances: [],
  };
  return file;
}

const dayOf = (file: IncidentsFile, date: string, now: string, timeZone = 'UTC') => {
  const day = componentUptime(file, 'c', now, { timeZone }).days.find((d) => d.date === date);
  if (!day) throw new Error(`no ${date}`);
  return day;
};

describe('uptime weighting (as Statuspage)', () => {
  it('uses the weights 100% / 30% / 0 / 0', () => {
    expect(outageWeights).toEqual({
      major_outage: 1,
      partial_outage: 0.3,
      degraded_performance: 0,
      under_maintenance: 0,
    });
  });

  it('counts a major outage in full', () => {
    const day = dayOf(
      oneIncident('major_outage', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z'),
      '2026-03-02',
      '2026-03-05T00:00:00Z',
    );
    expect(day.minutes.major_outage).toBe(120);
    expect(day.uptime).toBeCloseTo(1 - 120 / DAY, 10);
    expect(day.incidentIds).toEqual(['i']);
  });

  it('counts a partial outage at 30%', () => {
    const day = dayOf(
      oneIncident('partial_outage', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z'),
      '2026-03-02',
      '2026-03-05T00:00:00Z',
    );
    expect(day.minutes.partial_outage).toBe(120);
    expect(day.uptime).toBeCloseTo(1 - 36 / DAY, 10);
  });

  it('does not count degraded performance', () => {
    const day = dayOf(
      oneIncident('degraded_performance', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z'),
      '2026-03-02',
      '2026-03-05T00:00:00Z',
    );
    expect(day.minutes.degraded_performance).toBe(120);
    expect(day.uptime).toBe(1);
    expect(day.incidentIds).toEqual(['i']);
  });

  it('does not count maintenance, but records its minutes', () => {
    const day = componentUptime(small(), 'pbx', '2026-01-31T00:00:00Z').days.find((d) => d.date === '2026-01-15');
    expect(day?.minutes.under_maintenance).toBe(120);
    expect(day?.uptime).toBe(1);
    expect(day?.maintenanceIds).toEqual(['pbx-patch']);
  });

  it('counts overlapping incidents once, at the worst status', () => {
    // trunks: partial 10:00-12:00 and major 11:00-11:30 on 10 January
    const day = componentUptime(small(), 'trunks', '2026-01-31T00:00:00Z').days.find((d) => d.date === '2026-01-10');
    expect(day?.minutes).toEqual({
      major_outage: 30,
      partial_outage: 90,
      degraded_performance: 0,
      under_maintenance: 0,
    });
    expect(day?.uptime).toBeCloseTo(1 - (30 + 0.3 * 90) / DAY, 10);
    expect(day?.incidentIds).toEqual(['trunk-errors', 'trunk-outage']);
  });

  it('an incident beats maintenance when both hold a component', () => {
    // portal: degraded (unresolved since 20 Jan) and in the core upgrade (05:50-07:45 on 25 Jan)
    const day = componentUptime(small(), 'portal', '2026-01-31T00:00:00Z').days.find((d) => d.date === '2026-01-25');
    expect(day?.minutes.degraded_performance).toBe(DAY);
    expect(day?.minutes.under_maintenance).toBe(0);
  });
});

describe('days and the window', () => {
  it('has 90 days ending today, oldest first', () => {
    const uptime = componentUptime(small(), 'trunks', '2026-01-31T12:00:00Z');
    expect(uptime.days).toHaveLength(90);
    expect(uptime.days.at(-1)?.date).toBe('2026-01-31');
    expect(uptime.days[0]?.date).toBe('2025-11-03');
  });

  it('splits an outage at midnight in the support team time zone', () => {
    const file = oneIncident('major_outage', '2026-03-11T03:00:00Z', '2026-03-11T06:00:00Z');
    const now = '2026-03-20T00:00:00Z';
    expect(dayOf(file, '2026-03-11', now, 'UTC').minutes.major_outage).toBe(180);
    // New York is UTC-4 on 11 March 2026 (daylight time since 8 March): 23:00-02:00
    expect(dayOf(file, '2026-03-10', now, 'America/New_York').minutes.major_outage).toBe(60);
    expect(dayOf(file, '2026-03-11', now, 'America/New_York').minutes.major_outage).toBe(120);
  });

  it('uses the real length of a daylight-saving day', () => {
    const file = oneIncident('major_outage', '2026-03-08T12:00:00Z', '2026-03-08T13:00:00Z');
    const day = dayOf(file, '2026-03-08', '2026-03-20T00:00:00Z', 'America/New_York');
    expect(day.uptime).toBeCloseTo(1 - 60 / (23 * 60), 10);
  });

  it('counts an unresolved incident up to now, and today only up to now', () => {
    const file = oneIncident('major_outage', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z');
    file.incidents[0]!.updates.pop();
    const today = dayOf(file, '2026-03-02', '2026-03-02T11:00:00Z');
    expect(today.minutes.major_outage).toBe(60);
    expect(today.uptime).toBeCloseTo(1 - 60 / 660, 10);
  });

  it('gives the percentage over the whole window', () => {
    const uptime = componentUptime(small(), 'trunks', '2026-01-31T00:00:00Z');
    const observed = 89 * DAY; // today has not begun
    expect(uptime.uptime).toBeCloseTo(1 - (30 + 0.3 * 90) / observed, 12);
    expect(uptime.percentage).toBeCloseTo(uptime.uptime * 100, 12);
    expect(uptimeByComponent(small(), '2026-01-31T00:00:00Z').map((u) => u.componentId)).toEqual([
      'trunks',
      'pbx',
      'portal',
    ]);
  });

  it('ignores what has not happened yet', () => {
    const uptime = componentUptime(small(), 'trunks', '2026-01-10T10:30:00Z');
    expect(uptime.days.at(-1)?.minutes.partial_outage).toBe(30);
  });

  it('rejects an unknown time zone', () => {
    expect(() => componentUptime(small(), 'trunks', '2026-01-10T10:30:00Z', { timeZone: 'Mars/Base' })).toThrow(
      /unknown time zone/,
    );
  });

  it('gives the sample file a full 90 days for every component', () => {
    const all = uptimeByComponent(sample(), '2026-11-24T05:30:00Z', { timeZone: 'America/New_York' });
    expect(all).toHaveLength(10);
    const inbound = all.find((u) => u.componentId === 'inbound-calls');
    expect(inbound?.uptime).toBeLessThan(1);
    expect(inbound?.days.filter((d) => d.incidentIds.length > 0).length).toBe(3);
  });
});

describe('words for people', () => {
  it('describes a day for screen readers', () => {
    const day = componentUptime(small(), 'trunks', '2026-01-31T00:00:00Z').days.find((d) => d.date === '2026-01-10');
    expect(describeUptimeDay(day!)).toBe(
      '10 January 2026: major outage 30 min, partial outage 1 h 30 min; 96.04% uptime',
    );
    const quiet = componentUptime(small(), 'trunks', '2026-01-31T00:00:00Z').days.find((d) => d.date === '2026-01-11');
    expect(describeUptimeDay(quiet!)).toBe('11 January 2026: no downtime recorded');
  });

  it('never rounds a bad day up to 100%', () => {
    expect(formatPercent(0.99999)).toBe('99.99%');
    expect(formatPercent(1)).toBe('100.00%');
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(120)).toBe('2 h');
  });

  it('colours a day by the worst state it saw', () => {
    const days = componentUptime(small(), 'trunks', '2026-01-31T00:00:00Z').days;
    const level = (date: string) => uptimeDayLevel(days.find((d) => d.date === date)!);
    expect(level('2026-01-10')).toBe('major_outage');
    expect(level('2026-01-11')).toBe('operational');
    expect(level('2026-01-25')).toBe('under_maintenance');
    const pbx = componentUptime(small(), 'pbx', '2026-01-31T00:00:00Z').days.find((d) => d.date === '2026-01-10');
    expect(uptimeDayLevel(pbx!)).toBe('degraded_performance');
  });

  it('describes every day of a strip, merging the runs of quiet days', () => {
    const days = componentUptime(small(), 'trunks', '2026-01-31T12:00:00Z', { days: 30 }).days;
    expect(describeUptimeDays(days)).toEqual([
      '2 to 9 January 2026: no downtime recorded',
      '10 January 2026: major outage 30 min, partial outage 1 h 30 min; 96.04% uptime',
      '11 to 24 January 2026: no downtime recorded',
      '25 January 2026: maintenance 1 h 55 min; 100.00% uptime',
      '26 to 31 January 2026: no downtime recorded',
    ]);
    const acrossYears = componentUptime(small(), 'portal', '2026-01-05T00:00:00Z', { days: 10 }).days;
    expect(describeUptimeDays(acrossYears)).toEqual(['27 December 2025 to 5 January 2026: no downtime recorded']);
  });
});
