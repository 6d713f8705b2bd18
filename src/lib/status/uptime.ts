// Uptime per component per day, weighted as Statuspage does: a major outage counts in full, a partial outage
// at 30%, degraded performance and maintenance not at all.
import { DateTime } from 'luxon';
import {
  componentSteps,
  maintenancePeriod,
  visibleIncidents,
  worstComponentStatus,
  type ComponentStatus,
} from './derive.ts';
import type { IncidentsFile } from './schema.ts';
import { toMillis, type Instant } from './time.ts';

export type OutageKind = Exclude<ComponentStatus, 'operational'>;
export const outageWeights: Record<OutageKind, number> = {
  major_outage: 1,
  partial_outage: 0.3,
  degraded_performance: 0,
  under_maintenance: 0,
};

export interface UptimeDay {
  /** Calendar day in the support team's time zone, `YYYY-MM-DD`. */
  date: string;
  /** 0..1 over the part of the day that has passed. */
  uptime: number;
  /** Minutes in each non-operational state; overlaps count once, at the worst state. */
  minutes: Record<OutageKind, number>;
  incidentIds: string[];
  maintenanceIds: string[];
}

export interface ComponentUptime {
  componentId: string;
  days: UptimeDay[];
  /** 0..1 over the whole window. */
  uptime: number;
  /** The same as a percentage, unrounded. */
  percentage: number;
}

export interface UptimeOptions {
  /** IANA zone that decides where a day starts, e.g. `America/New_York`. */
  timeZone?: string;
  days?: number;
}

interface Span {
  start: number;
  end: number;
  status: OutageKind;
  incidentId?: string;
  maintenanceId?: string;
}

/**
 * Every span of time, up to `now`, in which an incident or maintenance affected the component. An incident
 * counts each update's status from that update to the next change (so partial, then major, counts major only
 * from the update that said so); a status repeated by later updates stays one span.
 */
function componentSpans(file: IncidentsFile, componentId: string, now: Instant): Span[] {
  const nowMs = toMillis(now);
  const spans: Span[] = [];
  for (const incident of visibleIncidents(file, now)) {
    let open: Span | undefined;
    for (const step of componentSteps(incident, now)) {
      const status = step.statuses[componentId] ?? 'operational';
      if (open?.status === status) continue;
      if (open) spans.push({ ...open, end: Date.parse(step.at) });
      open =
        status === 'operational'
          ? undefined
          : { start: Date.parse(step.at), end: nowMs, status, incidentId: incident.id };
    }
    if (open) spans.push(open);
  }
  for (const maintenance of file.maintenances) {
    const period = maintenancePeriod(maintenance, now);
    if (!period || !maintenance.components.includes(componentId)) continue;
    spans.push({ ...period, status: 'under_maintenance', maintenanceId: maintenance.id });
  }
  return spans;
}

function uptimeDay(date: string, dayStart: number, dayEnd: number, spans: Span[]): UptimeDay {
  const minutes: Record<OutageKind, number> = {
    major_outage: 0,
    partial_outage: 0,
    degraded_performance: 0,
    under_maintenance: 0,
  };
  const inDay = spans.filter((s) => s.start < dayEnd && s.end > dayStart);
  const cuts = [dayStart, dayEnd, ...inDay.flatMap((s) => [s.start, s.end])]
    .filter((t) => t >= dayStart && t <= dayEnd)
    .sort((a, b) => a - b);
  let weighted = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i] as number, cuts[i + 1] as number];
    if (to <= from) continue;
    const covering = inDay.filter((s) => s.start <= from && s.end >= to).map((s) => s.status);
    const worst = worstComponentStatus(covering);
    if (worst === 'operational') continue;
    minutes[worst] += (to - from) / 60_000;
    weighted += ((to - from) / 60_000) * outageWeights[worst];
  }
  const length = (dayEnd - dayStart) / 60_000;
  return {
    date,
    uptime: length > 0 ? 1 - weighted / length : 1,
    minutes,
    incidentIds: [...new Set(inDay.flatMap((s) => (s.incidentId ? [s.incidentId] : [])))],
    maintenanceIds: [...new Set(inDay.flatMap((s) => (s.maintenanceId ? [s.maintenanceId] : [])))],
  };
}

/** The last `days` days up to and including today (the day `now` falls on), oldest first. */
export function componentUptime(
  file: IncidentsFile,
  componentId: string,
  now: Instant,
  { timeZone = 'UTC', days = 90 }: UptimeOptions = {},
): ComponentUptime {
  const nowMs = toMillis(now);
  const today = DateTime.fromMillis(nowMs, { zone: timeZone }).startOf('day');
  if (!today.isValid) throw new RangeError(`unknown time zone: ${timeZone}`);
  const spans = componentSpans(file, componentId, now);
  const result: UptimeDay[] = [];
  let observed = 0;
  let down = 0;
  for (let back = days - 1; back >= 0; back--) {
    const day = today.minus({ days: back });
    const start = day.toMillis();
    const end = Math.min(day.plus({ days: 1 }).toMillis(), nowMs);
    const entry = uptimeDay(day.toISODate() ?? '', start, end, spans);
    result.push(entry);
    observed += end - start;
    down += (1 - entry.uptime) * (end - start);
  }
  const uptime = observed > 0 ? 1 - down / observed : 1;
  return { componentId, days: result, uptime, percentage: uptime * 100 };
}

export function uptimeByComponent(file: IncidentsFile, now: Instant, options: UptimeOptions = {}): ComponentUptime[] {
  return file.components.map((c) => componentUptime(file, c.id, now, options));
}

const kindLabels: Record<OutageKind, string> = {
  major_outage: 'major outage',
  partial_outage: 'partial outage',
  degraded_performance: 'degraded performance',
  under_maintenance: 'maintenance',
};

/** `3 h 20 min` */
export function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** One day in words, for the screen-reader text of an uptime bar. */
export function describeUptimeDay(day: UptimeDay): string {
  const parts = (Object.keys(kindLabels) as OutageKind[])
    .filter((kind) => day.minutes[kind] >= 0.5)
    .map((kind) => `${kindLabels[kind]} ${formatMinutes(day.minutes[kind])}`);
  const date = DateTime.fromISO(day.date, { locale: 'en-US' }).toFormat('d LLLL yyyy');
  if (parts.length === 0) return `${date}: no downtime recorded`;
  return `${date}: ${parts.join(', ')}; ${formatPercent(day.uptime)} uptime`;
}

/** `99.93%`: two decimals, never rounding a bad day up to 100%. */
export function formatPercent(fraction: number): string {
  const hundredths = Math.floor(fraction * 10_000 + 1e-9);
  return `${(hundredths / 100).toFixed(2)}%`;
}

/** The worst state a day saw (at least half a minute of it), which colours its bar. */
export function uptimeDayLevel(day: UptimeDay): OutageKind | 'operational' {
  return worstComponentStatus((Object.keys(day.minutes) as OutageKind[]).filter((kind) => day.minutes[kind] >= 0.5));
}

function formatDateRange(from: string, to: string): string {
  const [a, b] = [DateTime.fromISO(from, { locale: 'en-US' }), DateTime.fromISO(to, { locale: 'en-US' })];
  if (from === to) return a.toFormat('d LLLL yyyy');
  const start = a.year !== b.year ? 'd LLLL yyyy' : a.month !== b.month ? 'd LLLL' : 'd';
  return `${a.toFormat(start)} to ${b.toFormat('d LLLL yyyy')}`;
}

/**
 * Every day of a strip in words, oldest first: each day with downtime on its own, runs of days without any
 * merged ("3 September to 1 October 2026: no downtime recorded") so a screen reader does not read 90 lines.
 */
export function describeUptimeDays(days: readonly UptimeDay[]): string[] {
  const lines: string[] = [];
  let runStart: UptimeDay | undefined;
  let runEnd: UptimeDay | undefined;
  const flush = () => {
    if (runStart && runEnd) lines.push(`${formatDateRange(runStart.date, runEnd.date)}: no downtime recorded`);
    runStart = runEnd = undefined;
  };
  for (const day of days) {
    if (uptimeDayLevel(day) === 'operational') {
      runStart ??= day;
      runEnd = day;
    } else {
      flush();
      lines.push(describeUptimeDay(day));
    }
  }
  flush();
  return lines;
}
