// What the status page says at an instant `now`: the rules of the status-page issue, nothing read from a clock.
import type {
  Incident,
  IncidentImpact,
  IncidentsFile,
  IncidentUpdateStatus,
  Maintenance,
  MaintenanceStatus,
} from './schema.ts';
import { incidentImpacts } from './schema.ts';
import { toMillis, type Instant } from './time.ts';

export const componentStatusOrder = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentStatus = (typeof componentStatusOrder)[number];

export type PageIndicator = IncidentImpact | 'maintenance';

/** Statuspage's wording for each page indicator. */
export const indicatorDescriptions: Record<PageIndicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major Service Outage',
  maintenance: 'Service Under Maintenance',
};

export function worseComponentStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return componentStatusOrder.indexOf(a) >= componentStatusOrder.indexOf(b) ? a : b;
}

export function worstComponentStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const status of statuses) worst = worseComponentStatus(worst, status);
  return worst;
}

/** Updates dated at or before `now`, oldest first (the file's order). */
export function visibleUpdates<U extends { at: string }>(updates: readonly U[] | undefined, now: Instant): U[] {
  const cutoff = toMillis(now);
  return (updates ?? []).filter((u) => Date.parse(u.at) <= cutoff);
}

/** The incident's postmortem once published (at or before `now`), else null. */
export function visiblePostmortem(incident: Incident, now: Instant): { at: string; body: string } | null {
  const postmortem = incident.postmortem;
  return postmortem && Date.parse(postmortem.at) <= toMillis(now) ? postmortem : null;
}

/** Orders impacts worst first (critical, major, minor, none), for sorting incidents. */
export function compareImpactWorstFirst(a: IncidentImpact, b: IncidentImpact): number {
  return incidentImpacts.indexOf(b) - incidentImpacts.indexOf(a);
}

/** An incident exists from its first update on. */
function incidentExists(incident: Incident, now: Instant): boolean {
  return visibleUpdates(incident.updates, now).length > 0;
}

/** The status of the latest visible update, or null while the incident does not exist yet. */
export function incidentStatus(incident: Incident, now: Instant): IncidentUpdateStatus | null {
  return visibleUpdates(incident.updates, now).at(-1)?.status ?? null;
}

export function isUnresolved(incident: Incident, now: Instant): boolean {
  const status = incidentStatus(incident, now);
  return status !== null && status !== 'resolved';
}

export function visibleIncidents(file: IncidentsFile, now: Instant): Incident[] {
  return file.incidents.filter((incident) => incidentExists(incident, now));
}

export function unresolvedIncidents(file: IncidentsFile, now: Instant): Incident[] {
  return file.incidents.filter((incident) => isUnresolved(incident, now));
}

/** Maintenance starts and ends by itself at its times unless an update says otherwise (as on Statuspage). */
export function maintenanceStatus(maintenance: Maintenance, now: Instant): MaintenanceStatus {
  const at = toMillis(now);
  const latest = visibleUpdates(maintenance.updates, now).at(-1)?.status;
  if (latest === 'completed' || at >= Date.parse(maintenance.end)) return 'completed';
  if (latest === 'verifying' || latest === 'in_progress') return latest;
  if (at >= Date.parse(maintenance.start)) return 'in_progress';
  return 'scheduled';
}

function isMaintenanceActive(maintenance: Maintenance, now: Instant): boolean {
  const status = maintenanceStatus(maintenance, now);
  return status === 'in_progress' || status === 'verifying';
}

export function activeMaintenances(file: IncidentsFile, now: Instant): Maintenance[] {
  return file.maintenances.filter((m) => isMaintenanceActive(m, now));
}

/** Maintenance not started yet, soonest first. */
export function upcomingMaintenances(file: IncidentsFile, now: Instant): Maintenance[] {
  return file.maintenances
    .filter((m) => maintenanceStatus(m, now) === 'scheduled')
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** The components' statuses an incident gives from one update on, and what changed at that update. */
export interface ComponentStep {
  at: string;
  /** Every component the incident has named so far; `operational` once recovered or resolved. */
  statuses: Record<string, ComponentStatus>;
  /** Components whose status this update changed (the first update: from operational). */
  changes: { id: string; from: ComponentStatus; to: ComponentStatus }[];
}

/**
 * The incident's component timeline, one step per visible update: the incident's `components` from the first
 * update on, each update's own `components` from its time on, every component operational again at `resolved`.
 * A file without update-level components gives one status per component for the whole incident (the old form).
 */
export function componentSteps(incident: Incident, now: Instant): ComponentStep[] {
  const steps: ComponentStep[] = [];
  let current: Record<string, ComponentStatus> = {};
  visibleUpdates(incident.updates, now).forEach((update, i) => {
    const next: Record<string, ComponentStatus> = {
      ...current,
      ...(i === 0 && incident.components),
      ...update.components,
    };
    if (update.status === 'resolved') for (const id of Object.keys(next)) next[id] = 'operational';
    const changes = Object.entries(next)
      .filter(([id, to]) => (current[id] ?? 'operational') !== to)
      .map(([id, to]) => ({ id, from: current[id] ?? 'operational', to }));
    steps.push({ at: update.at, statuses: next, changes });
    current = next;
  });
  return steps;
}

/** The status the incident gives a component at `now` (operational when it does not name it, or it recovered). */
export function incidentComponentStatus(incident: Incident, componentId: string, now: Instant): ComponentStatus {
  return componentSteps(incident, now).at(-1)?.statuses[componentId] ?? 'operational';
}

/** Every component the incident names up to `now`: its own `components`, then those its updates add. */
export function incidentComponentIds(incident: Incident, now: Instant): string[] {
  return Object.keys(componentSteps(incident, now).at(-1)?.statuses ?? {});
}

/** Worst status over unresolved incidents naming it, else under maintenance, else operational. */
export function componentStatus(file: IncidentsFile, componentId: string, now: Instant): ComponentStatus {
  const fromIncidents = unresolvedIncidents(file, now)
    .map((incident) => incidentComponentStatus(incident, componentId, now))
    .filter((status) => status !== 'operational');
  if (fromIncidents.length > 0) return worstComponentStatus(fromIncidents);
  const inMaintenance = activeMaintenances(file, now).some((m) => m.components.includes(componentId));
  return inMaintenance ? 'under_maintenance' : 'operational';
}

export function componentStatuses(file: IncidentsFile, now: Instant): Map<string, ComponentStatus> {
  return new Map(file.components.map((c) => [c.id, componentStatus(file, c.id, now)]));
}

/** The worst impact of the unresolved incidents, else `maintenance` while one is active, else `none`. */
export function pageIndicator(file: IncidentsFile, now: Instant): PageIndicator {
  let worst: IncidentImpact = 'none';
  for (const incident of unresolvedIncidents(file, now)) {
    if (compareImpactWorstFirst(incident.impact, worst) < 0) worst = incident.impact;
  }
  // An unresolved incident of impact "none" is a notice: it does not hide maintenance in progress.
  if (worst !== 'none') return worst;
  return activeMaintenances(file, now).length > 0 ? 'maintenance' : 'none';
}

/** When a maintenance actually held its components: from start (or an earlier start update) to its end. */
export function maintenancePeriod(maintenance: Maintenance, now: Instant): { start: number; end: number } | null {
  const updates = visibleUpdates(maintenance.updates, now);
  const startedEarly = updates.find((u) => u.status === 'in_progress' || u.status === 'verifying');
  const completed = updates.find((u) => u.status === 'completed');
  const start = Math.min(Date.parse(maintenance.start), startedEarly ? Date.parse(startedEarly.at) : Infinity);
  const end = Math.min(Date.parse(maintenance.end), completed ? Date.parse(completed.at) : Infinity, toMillis(now));
  return end > start ? { start, end } : null;
}
