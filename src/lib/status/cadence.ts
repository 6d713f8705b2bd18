// When customers hear next about an unresolved incident, and which incidents have missed it. The cadence (minutes
// per impact) comes from the support policy's `incidentUpdates`; an update may promise its own `nextUpdateBy`.
import { DateTime } from 'luxon';
import { incidentStatus, isUnresolved, unresolvedIncidents, visibleUpdates } from './derive.ts';
import type { Incident, IncidentImpact, IncidentsFile } from './schema.ts';
import { toMillis, toTimestamp, type Instant } from './time.ts';
import { formatMinutes } from './uptime.ts';

/** Minutes between updates of an unresolved incident, by impact (the policy's `incidentUpdates`). */
export type UpdateCadence = Readonly<Record<IncidentImpact, number>>;

/** The policy's defaults, for callers without a policy (tests, a CLI whose policy file is invalid). */
export const defaultUpdateCadence: UpdateCadence = { critical: 30, major: 30, minor: 60, none: 120 };

/**
 * When the next update is due: the latest visible update's `nextUpdateBy`, else its time plus the cadence of the
 * incident's impact. null when the incident is not unresolved at `now` (not yet posted, or resolved).
 */
export function nextUpdateDue(incident: Incident, now: Instant, cadence: UpdateCadence): string | null {
  if (!isUnresolved(incident, now)) return null;
  const latest = visibleUpdates(incident.updates, now).at(-1);
  if (!latest) return null;
  if (latest.nextUpdateBy) return toTimestamp(latest.nextUpdateBy);
  return toTimestamp(Date.parse(latest.at) + cadence[incident.impact] * 60_000);
}

export interface OverdueIncident {
  id: string;
  title: string;
  status: NonNullable<ReturnType<typeof incidentStatus>>;
  /** When the update was due, ISO. */
  due: string;
  /** Whole minutes past due at `now`. */
  minutesLate: number;
}

/** Unresolved incidents whose next update is past due at `now`, most overdue first. */
export function overdueIncidents(file: IncidentsFile, now: Instant, cadence: UpdateCadence): OverdueIncident[] {
  const at = toMillis(now);
  return unresolvedIncidents(file, now)
    .flatMap((incident): OverdueIncident[] => {
      const due = nextUpdateDue(incident, now, cadence);
      const status = incidentStatus(incident, now);
      if (!due || !status || Date.parse(due) >= at) return [];
      const minutesLate = Math.floor((at - Date.parse(due)) / 60_000);
      return [{ id: incident.id, title: incident.title, status, due, minutesLate }];
    })
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
}

/** One line saying what is late and the command that fixes it. */
export function overdueWarning(overdue: OverdueIncident, file: string, timeZone: string): string {
  const late = overdue.minutesLate >= 1 ? `${formatMinutes(overdue.minutesLate)} ago` : 'just now';
  return (
    `${file}: incident ${overdue.id} ("${overdue.title}", ${overdue.status}): the next update was due at ` +
    `${DateTime.fromISO(overdue.due).setZone(timeZone).setLocale('en-US').toFormat('d LLL yyyy, HH:mm ZZZZ')} ` +
    `(${late}): post one with npm run incident -- update ${overdue.id} --status ${overdue.status} --body "..."`
  );
}

/**
 * "Next update by 14:30 EST": the time alone when it falls on the same day as `now` in the support team's zone,
 * with the date otherwise.
 */
export function formatNextUpdate(due: string, now: Instant, timeZone: string): string {
  const at = DateTime.fromISO(due).setZone(timeZone).setLocale('en-US');
  const today = DateTime.fromMillis(toMillis(now)).setZone(timeZone);
  return at.toFormat(at.hasSame(today, 'day') ? 'HH:mm ZZZZ' : 'd LLL yyyy, HH:mm ZZZZ');
}
