// What each status page shows, ready to render: pages format and lay out, they do not decide.
import { DateTime } from 'luxon';
import {
  activeMaintenances,
  compareImpactWorstFirst,
  componentStatus,
  componentSteps,
  incidentStatus,
  indicatorDescriptions,
  maintenanceStatus,
  pageIndicator,
  unresolvedIncidents,
  upcomingMaintenances,
  visibleIncidents,
  visiblePostmortem,
  visibleUpdates,
  worstComponentStatus,
  type ComponentStatus,
  type PageIndicator,
} from './derive.ts';
import { defaultUpdateCadence, nextUpdateDue, type UpdateCadence } from './cadence.ts';
import { componentStatusLabels, updateStatusLabels } from './labels.ts';
import type {
  Incident,
  IncidentImpact,
  IncidentsFile,
  IncidentUpdateStatus,
  Maintenance,
  MaintenanceStatus,
} from './schema.ts';
import { toMillis, type Instant } from './time.ts';
import { uptimeByComponent, type ComponentUptime } from './uptime.ts';

export interface ComponentView {
  id: string;
  name: string;
  description: string | undefined;
  status: ComponentStatus;
  statusLabel: string;
}
export interface ComponentGroupView {
  /** null for components without a group. */
  name: string | null;
  status: ComponentStatus;
  components: ComponentView[];
}
export interface TimelineEntry {
  at: string;
  status: IncidentUpdateStatus | MaintenanceStatus;
  statusLabel: string;
  body: string;
  /** Components whose status this update changed, to what (none for maintenance and plain updates). */
  components: ComponentView[];
}
export interface IncidentView {
  kind: 'incident';
  id: string;
  title: string;
  impact: IncidentImpact;
  status: IncidentUpdateStatus;
  statusLabel: string;
  /** Site path of the permalink, `/status/incidents/<id>/`. */
  path: string;
  startedAt: string;
  resolvedAt: string | null;
  /** The components it names, with the status the incident gives them. */
  components: ComponentView[];
  /** Newest first. */
  updates: TimelineEntry[];
  postmortem: { at: string; body: string } | null;
  /** While unresolved: when the next update is due (ISO), from the update's `nextUpdateBy` or the cadence. */
  nextUpdateBy: string | null;
}
export interface MaintenanceView {
  kind: 'maintenance';
  id: string;
  title: string;
  status: MaintenanceStatus;
  statusLabel: string;
  path: string;
  start: string;
  end: string;
  components: ComponentView[];
  /** Newest first. */
  updates: TimelineEntry[];
}

export const incidentPath = (id: string) => `/status/incidents/${encodeURIComponent(id)}/`;

function componentViews(file: IncidentsFile, ids: readonly string[], now: Instant): ComponentView[] {
  return file.components
    .filter((c) => ids.includes(c.id))
    .map((c) => {
      const status = componentStatus(file, c.id, now);
      return {
        id: c.id,
        name: c.name,
        description: c.description,
        status,
        statusLabel: componentStatusLabels[status],
      };
    });
}

function viewOf(file: IncidentsFile, id: string, status: ComponentStatus): ComponentView[] {
  const component = file.components.find((c) => c.id === id);
  if (!component) return [];
  const { name, description } = component;
  return [{ id, name, description, status, statusLabel: componentStatusLabels[status] }];
}

/**
 * The components an incident names, with the status it gives them (not their status today): while unresolved,
 * the status its latest update gives; once resolved, the worst it gave (what the incident did to them).
 */
function incidentComponentViews(file: IncidentsFile, incident: Incident, now: Instant): ComponentView[] {
  const steps = componentSteps(incident, now);
  const resolved = steps.length > 1 && incidentStatus(incident, now) === 'resolved';
  const during = resolved ? steps.slice(0, -1) : steps.slice(-1);
  const ids = Object.keys(steps.at(-1)?.statuses ?? {});
  return file.components
    .filter((c) => ids.includes(c.id))
    .flatMap((c) =>
      viewOf(file, c.id, worstComponentStatus(during.map((step) => step.statuses[c.id] ?? 'operational'))),
    );
}

/** Updates newest first; `changes[i]` is what update i (oldest first) did to the components. */
function timeline(
  updates: { at: string; status: TimelineEntry['status']; body: string }[],
  changes: ComponentView[][] = [],
): TimelineEntry[] {
  return updates
    .map(({ at, status, body }, i) => ({
      at,
      status,
      statusLabel: updateStatusLabels[status],
      body,
      components: changes[i] ?? [],
    }))
    .reverse();
}

/**
 * What each visible update that names components did to them, in the file's component order. Updates without
 * `components` show none: the incident's own list (the old form) is shown once, under "Affects".
 */
function componentChanges(file: IncidentsFile, incident: Incident, now: Instant): ComponentView[][] {
  return componentSteps(incident, now).map((step, i) =>
    file.components.flatMap((c) => {
      if (!incident.updates[i]?.components) return [];
      const change = step.changes.find((x) => x.id === c.id);
      return change ? viewOf(file, c.id, change.to) : [];
    }),
  );
}

/** An incident as visible at `now`, or null if it does not exist yet; `cadence`: the policy's incidentUpdates. */
export function incidentView(
  file: IncidentsFile,
  incident: Incident,
  now: Instant,
  cadence: UpdateCadence = defaultUpdateCadence,
): IncidentView | null {
  const status = incidentStatus(incident, now);
  const updates = visibleUpdates(incident.updates, now);
  if (!status || !updates[0]) return null;
  const postmortem = visiblePostmortem(incident, now);
  return {
    kind: 'incident',
    id: incident.id,
    title: incident.title,
    impact: incident.impact,
    status,
    statusLabel: updateStatusLabels[status],
    path: incidentPath(incident.id),
    startedAt: updates[0].at,
    resolvedAt: status === 'resolved' ? (updates.at(-1)?.at ?? null) : null,
    components: incidentComponentViews(file, incident, now),
    updates: timeline(updates, componentChanges(file, incident, now)),
    postmortem,
    nextUpdateBy: nextUpdateDue(incident, now, cadence),
  };
}

function maintenanceView(file: IncidentsFile, maintenance: Maintenance, now: Instant): MaintenanceView {
  const status = maintenanceStatus(maintenance, now);
  return {
    kind: 'maintenance',
    id: maintenance.id,
    title: maintenance.title,
    status,
    statusLabel: updateStatusLabels[status],
    path: incidentPath(maintenance.id),
    start: maintenance.start,
    end: maintenance.end,
    components: componentViews(file, maintenance.components, now),
    updates: timeline(visibleUpdates(maintenance.updates, now)),
  };
}

/** Components by group, in file order; a group's status is the worst of its members. */
function componentGroups(file: IncidentsFile, now: Instant): ComponentGroupView[] {
  const groups = new Map<string | null, ComponentView[]>();
  for (const view of componentViews(
    file,
    file.components.map((c) => c.id),
    now,
  )) {
    const group = file.components.find((c) => c.id === view.id)?.group ?? null;
    groups.set(group, [...(groups.get(group) ?? []), view]);
  }
  return [...groups].map(([name, components]) => ({
    name,
    status: worstComponentStatus(components.map((c) => c.status)),
    components,
  }));
}

export interface StatusOverview {
  indicator: PageIndicator;
  description: string;
  groups: ComponentGroupView[];
  /** Newest first. */
  unresolved: IncidentView[];
  activeMaintenances: MaintenanceView[];
  /** Soonest first. */
  upcomingMaintenances: MaintenanceView[];
  uptime: ComponentUptime[];
}

/** Everything `/status/` shows at `now`; days of the uptime bars start in `timeZone`. */
export function statusOverview(
  file: IncidentsFile,
  now: Instant,
  timeZone: string,
  cadence: UpdateCadence = defaultUpdateCadence,
): StatusOverview {
  const indicator = pageIndicator(file, now);
  return {
    indicator,
    description: indicatorDescriptions[indicator],
    groups: componentGroups(file, now),
    unresolved: unresolvedIncidents(file, now)
      .map((incident) => incidentView(file, incident, now, cadence))
      .filter((view): view is IncidentView => view !== null)
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt)),
    activeMaintenances: activeMaintenances(file, now).map((m) => maintenanceView(file, m, now)),
    upcomingMaintenances: upcomingMaintenances(file, now).map((m) => maintenanceView(file, m, now)),
    uptime: uptimeByComponent(file, now, { timeZone }),
  };
}

/** The permalink page of one incident or maintenance, or null when there is none at `now`. */
export function findStatusEntry(
  file: IncidentsFile,
  id: string,
  now: Instant,
  cadence: UpdateCadence = defaultUpdateCadence,
): IncidentView | MaintenanceView | null {
  const incident = file.incidents.find((i) => i.id === id);
  if (incident) return incidentView(file, incident, now, cadence);
  const maintenance = file.maintenances.find((m) => m.id === id);
  return maintenance ? maintenanceView(file, maintenance, now) : null;
}

/** Ids that have a permalink page at `now` (for getStaticPaths). */
export function statusEntryIds(file: IncidentsFile, now: Instant): string[] {
  return [...visibleIncidents(file, now).map((i) => i.id), ...file.maintenances.map((m) => m.id)];
}

export interface HistoryMonth {
  /** `2026-11` */
  month: string;
  /** `November 2026` */
  label: string;
  /** Newest first. */
  entries: (IncidentView | MaintenanceView)[];
}

/** Incidents and past maintenance by month (in `timeZone`), newest month first, every month down to the oldest. */
export function statusHistory(file: IncidentsFile, now: Instant, timeZone: string): HistoryMonth[] {
  const entries = [
    ...visibleIncidents(file, now).flatMap((i) => incidentView(file, i, now) ?? []),
    ...file.maintenances.filter((m) => Date.parse(m.start) <= toMillis(now)).map((m) => maintenanceView(file, m, now)),
  ];
  const startOf = (e: IncidentView | MaintenanceView) => (e.kind === 'incident' ? e.startedAt : e.start);
  const monthOf = (at: string) => DateTime.fromISO(at, { zone: timeZone }).toFormat('yyyy-MM');
  const months: HistoryMonth[] = [];
  const oldest = entries.map(startOf).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  if (!oldest) return months;
  let month = DateTime.fromMillis(toMillis(now), { zone: timeZone }).startOf('month');
  while (month.toFormat('yyyy-MM') >= monthOf(oldest)) {
    const key = month.toFormat('yyyy-MM');
    months.push({
      month: key,
      label: month.setLocale('en-US').toFormat('LLLL yyyy'),
      entries: entries
        .filter((e) => monthOf(startOf(e)) === key)
        .sort((a, b) => Date.parse(startOf(b)) - Date.parse(startOf(a))),
    });
    month = month.minus({ months: 1 });
  }
  return months;
}

/** Pages of `perPage` months for `/status/history/`, page 1 being the newest. */
export function historyPages(months: HistoryMonth[], perPage = 3): HistoryMonth[][] {
  const pages: HistoryMonth[][] = [];
  for (let i = 0; i < months.length; i += perPage) pages.push(months.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}

export interface IncidentBanner {
  kind: 'incident' | 'maintenance';
  id: string;
  title: string;
  impact: IncidentImpact | 'maintenance';
  statusLabel: string;
  path: string;
}

/**
 * What the banner on KB pages and the ticket form links to: unresolved incidents (worst first), then
 * maintenance in progress.
 */
export function incidentBanners(file: IncidentsFile, now: Instant): IncidentBanner[] {
  const incidents = unresolvedIncidents(file, now)
    .map((incident) => incidentView(file, incident, now))
    .filter((view): view is IncidentView => view !== null)
    .sort((a, b) => compareImpactWorstFirst(a.impact, b.impact) || Date.parse(b.startedAt) - Date.parse(a.startedAt))
    .map(({ kind, id, title, impact, statusLabel, path }): IncidentBanner => ({
      kind,
      id,
      title,
      impact,
      statusLabel,
      path,
    }));
  const maintenances = activeMaintenances(file, now)
    .map((m) => maintenanceView(file, m, now))
    .map(({ kind, id, title, statusLabel, path }): IncidentBanner => ({
      kind,
      id,
      title,
      impact: 'maintenance',
      statusLabel,
      path,
    }));
  return [...incidents, ...maintenances];
}
