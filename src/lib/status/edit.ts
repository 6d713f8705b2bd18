// Edits behind `npm run incident`: each returns a new file object; the caller validates it before writing.
import type {
  Incident,
  IncidentComponentStatus,
  IncidentImpact,
  IncidentsFile,
  IncidentUpdateStatus,
  Maintenance,
  MaintenanceStatus,
  UpdateComponentStatus,
} from './schema.ts';
import { slugify } from './slug.ts';
import { toTimestamp, type Instant } from './time.ts';

/** A request that cannot be applied (unknown id, ...); the message says what to do instead. */
export class EditError extends Error {}

/** `2026-11-24-outbound-calls-failing-to-canada`, made unique with `-2`, `-3`, ... */
export function newEntryId(file: IncidentsFile, title: string, at: Instant): string {
  const base = `${toTimestamp(at).slice(0, 10)}-${slugify(title, 6) || 'incident'}`;
  const taken = new Set([...file.incidents, ...file.maintenances].map((x) => x.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Statuspage's automatic impact: the worst component status decides it. */
export function impactFor(components: Record<string, IncidentComponentStatus>): IncidentImpact {
  const statuses = Object.values(components);
  if (statuses.includes('major_outage')) return 'critical';
  if (statuses.includes('partial_outage')) return 'major';
  if (statuses.includes('degraded_performance')) return 'minor';
  return 'none';
}

export interface NewIncident {
  title: string;
  body: string;
  at: Instant;
  components: Record<string, IncidentComponentStatus>;
  impact?: IncidentImpact;
  status?: IncidentUpdateStatus;
  id?: string;
  /** When customers hear next; default: the policy's cadence for the impact. */
  nextUpdateBy?: Instant;
}

/** Adds an incident at the top of the list (newest first). */
export function addIncident(file: IncidentsFile, input: NewIncident): { file: IncidentsFile; id: string } {
  const id = input.id ?? newEntryId(file, input.title, input.at);
  const incident: Incident = {
    id,
    title: input.title,
    impact: input.impact ?? impactFor(input.components),
    components: input.components,
    updates: [
      {
        at: toTimestamp(input.at),
        status: input.status ?? 'investigating',
        body: input.body,
        ...(input.nextUpdateBy !== undefined && { nextUpdateBy: toTimestamp(input.nextUpdateBy) }),
      },
    ],
  };
  return { file: { ...file, incidents: [incident, ...file.incidents] }, id };
}

function withIncident(file: IncidentsFile, id: string, change: (incident: Incident) => Incident): IncidentsFile {
  const index = file.incidents.findIndex((i) => i.id === id);
  if (index < 0) {
    const recent = file.incidents.slice(0, 5).map((i) => i.id);
    throw new EditError(`no incident with id "${id}"; recent ones: ${recent.join(', ') || '(none)'}`);
  }
  return {
    ...file,
    incidents: file.incidents.map((incident, i) => (i === index ? change(incident) : incident)),
  };
}

export interface IncidentUpdateInput {
  status: IncidentUpdateStatus;
  body: string;
  at: Instant;
  /** Components this update adds or changes, from this update on (`operational`: recovered). */
  components?: Record<string, UpdateComponentStatus>;
  impact?: IncidentImpact;
  nextUpdateBy?: Instant;
}

/**
 * Appends an update. Component changes are recorded on the update itself, so the incident's earlier time keeps
 * the status it had (uptime counts each status from the update that gave it).
 */
export function addIncidentUpdate(file: IncidentsFile, id: string, input: IncidentUpdateInput): IncidentsFile {
  const components = input.components && Object.keys(input.components).length > 0 ? input.components : undefined;
  return withIncident(file, id, (incident) => ({
    ...incident,
    ...(input.impact && { impact: input.impact }),
    updates: [
      ...incident.updates,
      {
        at: toTimestamp(input.at),
        status: input.status,
        body: input.body,
        ...(components && { components }),
        ...(input.nextUpdateBy !== undefined && { nextUpdateBy: toTimestamp(input.nextUpdateBy) }),
      },
    ],
  }));
}

export function addPostmortem(file: IncidentsFile, id: string, input: { body: string; at: Instant }): IncidentsFile {
  return withIncident(file, id, (incident) => ({
    ...incident,
    postmortem: { at: toTimestamp(input.at), body: input.body },
  }));
}

export interface NewMaintenance {
  title: string;
  components: string[];
  start: Instant;
  end: Instant;
  at: Instant;
  body?: string;
  id?: string;
}

/** Schedules a maintenance at the top of the list; with a body it is announced by a `scheduled` update. */
export function addMaintenance(file: IncidentsFile, input: NewMaintenance): { file: IncidentsFile; id: string } {
  const id = input.id ?? newEntryId(file, input.title, input.start);
  const maintenance: Maintenance = {
    id,
    title: input.title,
    components: input.components,
    start: toTimestamp(input.start),
    end: toTimestamp(input.end),
    ...(input.body && {
      updates: [{ at: toTimestamp(input.at), status: 'scheduled' as const, body: input.body }],
    }),
  };
  return { file: { ...file, maintenances: [maintenance, ...file.maintenances] }, id };
}

export function addMaintenanceUpdate(
  file: IncidentsFile,
  id: string,
  input: { status: MaintenanceStatus; body: string; at: Instant },
): IncidentsFile {
  const index = file.maintenances.findIndex((m) => m.id === id);
  if (index < 0) throw new EditError(`no maintenance with id "${id}"`);
  const update = { at: toTimestamp(input.at), status: input.status, body: input.body };
  return {
    ...file,
    maintenances: file.maintenances.map((m, i) =>
      i === index ? { ...m, updates: [...(m.updates ?? []), update] } : m,
    ),
  };
}
