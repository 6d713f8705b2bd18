// Atlassian Statuspage public API v2 JSON (/api/v2/*.json) with its field names and enums, so existing
// aggregators and widgets read our status unchanged.
import {
  activeMaintenances,
  componentStatus,
  componentSteps,
  indicatorDescriptions,
  maintenancePeriod,
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
import type { Incident, IncidentImpact, IncidentsFile, Maintenance, StatusComponentEntry } from './schema.ts';
import { groupId } from './slug.ts';
import { toMillis, toTimestamp, type Instant } from './time.ts';

export interface StatusPageInfo {
  /** Opaque page id (Statuspage uses a random one; any stable string works). */
  id: string;
  name: string;
  /** Absolute URL of the status page, e.g. `https://support.example.com/status/`. */
  url: string;
  /** IANA zone of the support team, e.g. `America/New_York`. */
  timeZone: string;
}

export interface SpPage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}
export interface SpStatus {
  indicator: PageIndicator;
  description: string;
}
export interface SpComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Only on groups: the ids of their components. */
  components?: string[];
}
export interface SpAffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}
export interface SpIncidentUpdate {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: SpAffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}
export interface SpIncident {
  id: string;
  name: string;
  status: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: IncidentImpact | 'maintenance';
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: SpIncidentUpdate[];
  components: SpComponent[];
  postmortem_body?: string | null;
  postmortem_published_at?: string | null;
}
export interface SpScheduledMaintenance extends SpIncident {
  scheduled_for: string;
  scheduled_until: string;
}

/** Where an incident or maintenance has its permalink: `<status url>incidents/<id>/`. */
export function incidentUrl(page: StatusPageInfo, id: string): string {
  return new URL(`incidents/${encodeURIComponent(id)}/`, page.url.endsWith('/') ? page.url : `${page.url}/`).href;
}

export { groupId };

/** The earliest time in the file stands in for when the page and its components were created. */
function pageCreatedAt(file: IncidentsFile): string {
  const times = [
    ...file.incidents.flatMap((i) => i.updates.map((u) => u.at)),
    ...file.maintenances.flatMap((m) => [m.start, ...(m.updates ?? []).map((u) => u.at)]),
  ];
  const earliest = Math.min(...times.map((t) => Date.parse(t)));
  return Number.isFinite(earliest) ? toTimestamp(earliest) : '1970-01-01T00:00:00Z';
}

/** Every moment at or before `now` when something on the page changed, optionally only for one component. */
function changeTimes(file: IncidentsFile, now: Instant, componentId?: string): number[] {
  const times: number[] = [];
  for (const incident of visibleIncidents(file, now)) {
    const steps = componentSteps(incident, now);
    // A component changes when an update changes its status (the first update: from operational).
    const changed = steps.filter((step) => step.changes.some((c) => !componentId || c.id === componentId));
    times.push(...changed.map((step) => Date.parse(step.at)));
    if (!componentId) times.push(...visibleUpdates(incident.updates, now).map((u) => Date.parse(u.at)));
    const postmortem = visiblePostmortem(incident, now);
    if (!componentId && postmortem) times.push(Date.parse(postmortem.at));
  }
  for (const maintenance of file.maintenances) {
    if (componentId && !maintenance.components.includes(componentId)) continue;
    const period = maintenancePeriod(maintenance, now);
    if (period) times.push(period.start, period.end);
    if (!componentId) times.push(...visibleUpdates(maintenance.updates, now).map((u) => Date.parse(u.at)));
  }
  const nowMs = toMillis(now);
  return times.filter((t) => t <= nowMs);
}

function lastChange(file: IncidentsFile, now: Instant, componentId?: string): string {
  const times = changeTimes(file, now, componentId);
  return times.length > 0 ? toTimestamp(Math.max(...times)) : pageCreatedAt(file);
}

export function spPage(file: IncidentsFile, page: StatusPageInfo, now: Instant): SpPage {
  return {
    id: page.id,
    name: page.name,
    url: page.url,
    time_zone: page.timeZone,
    updated_at: lastChange(file, now),
  };
}

function spStatus(file: IncidentsFile, now: Instant): SpStatus {
  const indicator = pageIndicator(file, now);
  return { indicator, description: indicatorDescriptions[indicator] };
}

function spComponent(
  file: IncidentsFile,
  page: StatusPageInfo,
  now: Instant,
  component: StatusComponentEntry,
  position: number,
): SpComponent {
  return {
    id: component.id,
    name: component.name,
    status: componentStatus(file, component.id, now),
    created_at: pageCreatedAt(file),
    updated_at: lastChange(file, now, component.id),
    position,
    description: component.description ?? null,
    showcase: true,
    start_date: null,
    group_id: component.group ? groupId(component.group) : null,
    page_id: page.id,
    group: false,
    only_show_if_degraded: false,
  };
}

/** Components in file order; each group (worst status of its members) comes just before its first member. */
function spComponents(file: IncidentsFile, page: StatusPageInfo, now: Instant): SpComponent[] {
  const out: SpComponent[] = [];
  const groups = new Map<string, SpComponent>();
  let topPosition = 0;
  for (const component of file.components) {
    if (!component.group) {
      out.push(spComponent(file, page, now, component, ++topPosition));
      continue;
    }
    let group = groups.get(component.group);
    if (!group) {
      group = {
        ...spComponent(file, page, now, { id: groupId(component.group), name: component.group }, ++topPosition),
        showcase: false,
        group: true,
        components: [],
      };
      groups.set(component.group, group);
      out.push(group);
    }
    const member = spComponent(file, page, now, component, (group.components ?? []).length + 1);
    group.components?.push(member.id);
    out.push(member);
  }
  for (const group of groups.values()) {
    const members = out.filter((c) => c.group_id === group.id);
    group.status = worstComponentStatus(members.map((m) => m.status));
    group.updated_at = members.map((m) => m.updated_at).reduce((a, b) => (a > b ? a : b), group.created_at);
  }
  return out;
}

function componentsNamed(all: SpComponent[], ids: Iterable<string>): SpComponent[] {
  const wanted = new Set(ids);
  return all.filter((c) => !c.group && wanted.has(c.id));
}

function spIncident(page: StatusPageInfo, now: Instant, incident: Incident, all: SpComponent[]) {
  const updates = visibleUpdates(incident.updates, now);
  const first = updates[0];
  const last = updates.at(-1);
  if (!first || !last) return null;
  const steps = componentSteps(incident, now);
  const affected = componentsNamed(all, Object.keys(steps.at(-1)?.statuses ?? {}));
  // What each update did to each component, in the page's component order. The first and the resolving
  // update always list theirs (maybe none); another update that changed nothing gives null.
  const changesAt = (i: number, status: string): SpAffectedComponent[] | null => {
    const changes = new Map((steps[i]?.changes ?? []).map((c) => [c.id, c]));
    const named = affected.flatMap((c) => {
      const change = changes.get(c.id);
      return change ? [{ code: c.id, name: c.name, old_status: change.from, new_status: change.to }] : [];
    });
    return named.length > 0 || i === 0 || status === 'resolved' ? named : null;
  };
  const postmortem = visiblePostmortem(incident, now);
  const result: SpIncident = {
    id: incident.id,
    name: incident.title,
    status: last.status,
    created_at: toTimestamp(first.at),
    updated_at: toTimestamp(postmortem ? postmortem.at : last.at),
    monitoring_at: stamp(updates.find((u) => u.status === 'monitoring')?.at),
    resolved_at: last.status === 'resolved' ? toTimestamp(last.at) : null,
    impact: incident.impact,
    shortlink: incidentUrl(page, incident.id),
    started_at: toTimestamp(first.at),
    page_id: page.id,
    incident_updates: updates.map((u, i) => spUpdate(incident.id, i, u, changesAt(i, u.status))).reverse(),
    components: affected,
    postmortem_body: postmortem?.body ?? null,
    postmortem_published_at: stamp(postmortem?.at),
  };
  return result;
}

function spUpdate(
  parentId: string,
  index: number,
  update: { at: string; status: string; body: string },
  affected: SpAffectedComponent[] | null,
): SpIncidentUpdate {
  const at = toTimestamp(update.at);
  return {
    id: `${parentId}-u${index + 1}`,
    status: update.status,
    body: update.body,
    incident_id: parentId,
    created_at: at,
    updated_at: at,
    display_at: at,
    affected_components: affected,
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

const stamp = (at: string | undefined): string | null => (at ? toTimestamp(at) : null);

function spMaintenance(
  page: StatusPageInfo,
  now: Instant,
  maintenance: Maintenance,
  all: SpComponent[],
): SpScheduledMaintenance {
  const updates = visibleUpdates(maintenance.updates, now);
  const status = maintenanceStatus(maintenance, now);
  const period = maintenancePeriod(maintenance, now);
  const created = Math.min(Date.parse(maintenance.start), ...updates.map((u) => Date.parse(u.at)));
  const lastUpdate = updates.at(-1)?.at;
  const affected = componentsNamed(all, maintenance.components);
  return {
    id: maintenance.id,
    name: maintenance.title,
    status,
    created_at: toTimestamp(created),
    updated_at: toTimestamp(
      Math.max(created, ...(lastUpdate ? [Date.parse(lastUpdate)] : []), ...(period ? [period.start, period.end] : [])),
    ),
    monitoring_at: null,
    resolved_at: status === 'completed' ? toTimestamp(period ? period.end : Date.parse(maintenance.end)) : null,
    impact: 'maintenance',
    shortlink: incidentUrl(page, maintenance.id),
    started_at: toTimestamp(maintenance.start),
    page_id: page.id,
    incident_updates: updates.map((u, i) => spUpdate(maintenance.id, i, u, null)).reverse(),
    components: affected,
    scheduled_for: toTimestamp(maintenance.start),
    scheduled_until: toTimestamp(maintenance.end),
  };
}

const newestFirst = (a: SpIncident, b: SpIncident) => Date.parse(b.created_at) - Date.parse(a.created_at);

function incidentsOf(file: IncidentsFile, page: StatusPageInfo, now: Instant, list: Incident[]): SpIncident[] {
  const all = spComponents(file, page, now);
  return list
    .map((incident) => spIncident(page, now, incident, all))
    .filter((x): x is SpIncident => x !== null)
    .sort(newestFirst);
}

function maintenancesOf(file: IncidentsFile, page: StatusPageInfo, now: Instant, list: Maintenance[]) {
  const all = spComponents(file, page, now);
  return list.map((m) => spMaintenance(page, now, m, all));
}

const byScheduledForDesc = (a: SpScheduledMaintenance, b: SpScheduledMaintenance) =>
  Date.parse(b.scheduled_for) - Date.parse(a.scheduled_for);

/** `/api/v2/summary.json`: unresolved incidents, and maintenance in progress or upcoming. */
export function summaryJson(file: IncidentsFile, page: StatusPageInfo, now: Instant) {
  return {
    page: spPage(file, page, now),
    components: spComponents(file, page, now),
    incidents: incidentsOf(file, page, now, unresolvedIncidents(file, now)),
    scheduled_maintenances: maintenancesOf(file, page, now, [
      ...activeMaintenances(file, now),
      ...upcomingMaintenances(file, now),
    ]),
    status: spStatus(file, now),
  };
}

/** `/api/v2/status.json` */
export function statusJson(file: IncidentsFile, page: StatusPageInfo, now: Instant) {
  return { page: spPage(file, page, now), status: spStatus(file, now) };
}

/** `/api/v2/components.json` */
export function componentsJson(file: IncidentsFile, page: StatusPageInfo, now: Instant) {
  return { page: spPage(file, page, now), components: spComponents(file, page, now) };
}

/** `/api/v2/incidents.json`: the 50 most recent incidents, resolved or not. */
export function incidentsJson(file: IncidentsFile, page: StatusPageInfo, now: Instant) {
  const incidents = incidentsOf(file, page, now, visibleIncidents(file, now)).slice(0, 50);
  return { page: spPage(file, page, now), incidents };
}

/** `/api/v2/incidents/unresolved.json` */
export function unresolvedIncidentsJson(file: IncidentsFile, page: StatusPageInfo, now: Instant) {
  return {
    page: spPage(file, page, now),
    incidents: incidentsOf(file, page, now, unresolvedIncidents(file, now)),
  };
}

/** `/api/v2/scheduled-maintenances.json`: the 50 most recent, latest first. */
export function scheduledMaintenancesJson(file: IncidentsFile, page: StatusPageInfo, now: Instant) {
  const all = maintenancesOf(file, page, now, file.maintenances).sort(byScheduledForDesc).slice(0, 50);
  return { page: spPage(file, page, now), scheduled_maintenances: all };
}

/** `/api/v2/scheduled-maintenances/upcoming.json` */
export function upcomingMaintenancesJson(file: IncidentsFile, page: StatusPageInfo, now: Instant) {
  const upcoming = maintenancesOf(file, page, now, upcomingMaintenances(file, now));
  return { page: spPage(file, page, now), scheduled_maintenances: upcoming };
}

/** `/api/v2/scheduled-maintenances/active.json` */
export function activeMaintenancesJson(file: IncidentsFile, page: StatusPageInfo, now: Instant) {
  const active = maintenancesOf(file, page, now, activeMaintenances(file, now));
  return { page: spPage(file, page, now), scheduled_maintenances: active };
}

/** Every file the site serves under `/api/v2/`, keyed by its path there. */
export function statuspageApi(file: IncidentsFile, page: StatusPageInfo, now: Instant): Record<string, unknown> {
  return {
    'summary.json': summaryJson(file, page, now),
    'status.json': statusJson(file, page, now),
    'components.json': componentsJson(file, page, now),
    'incidents.json': incidentsJson(file, page, now),
    'incidents/unresolved.json': unresolvedIncidentsJson(file, page, now),
    'scheduled-maintenances.json': scheduledMaintenancesJson(file, page, now),
    'scheduled-maintenances/upcoming.json': upcomingMaintenancesJson(file, page, now),
    'scheduled-maintenances/active.json': activeMaintenancesJson(file, page, now),
  };
}
