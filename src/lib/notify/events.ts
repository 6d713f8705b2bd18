// What the notifier tells subscribers about, read from the JSON the site publishes (/api/v2/incidents.json and
// scheduled-maintenances.json): one event per incident update, per component change, per maintenance update and
// per maintenance start. Keys are stable across rebuilds, so a republished file gives the same events.
import { z } from 'zod';

const component = z.looseObject({ id: z.string(), name: z.string(), status: z.string().optional() });
const affected = z.looseObject({
  code: z.string(),
  name: z.string(),
  old_status: z.string(),
  new_status: z.string(),
});
const update = z.looseObject({
  id: z.string(),
  status: z.string(),
  body: z.string(),
  created_at: z.string(),
  affected_components: z.array(affected).nullable().optional(),
});
const incident = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  impact: z.string(),
  shortlink: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  incident_updates: z.array(update),
  components: z.array(component),
  scheduled_for: z.string().optional(),
  scheduled_until: z.string().optional(),
});
const page = z.looseObject({ id: z.string(), name: z.string(), url: z.string() });

export const publishedIncidentsSchema = z.looseObject({ page, incidents: z.array(incident) });
export const publishedMaintenancesSchema = z.looseObject({ page, scheduled_maintenances: z.array(incident) });

export type PublishedPage = z.infer<typeof page>;
export type PublishedIncident = z.infer<typeof incident>;
export type PublishedUpdate = z.infer<typeof update>;
export type PublishedChange = z.infer<typeof affected>;

export type NotifyEventKind = 'incident-update' | 'maintenance-update' | 'maintenance-start' | 'component-update';

export interface NotifyEvent {
  /** Unique and stable: `incident-update:<update id>`, `component-update:<update id>:<component>`, ... */
  key: string;
  kind: NotifyEventKind;
  /** When it happened (ISO). */
  at: string;
  /** The components it touches; empty: the whole page (everyone hears of it). */
  components: string[];
  page: PublishedPage;
  incident: PublishedIncident;
  update?: PublishedUpdate;
  change?: PublishedChange;
}

/** Every event the two published files hold at `now` (maintenance starts only once their time has come). */
export function publishedEvents(
  incidents: z.infer<typeof publishedIncidentsSchema>,
  maintenances: z.infer<typeof publishedMaintenancesSchema>,
  now: Date,
): NotifyEvent[] {
  const events: NotifyEvent[] = [];
  for (const item of incidents.incidents) {
    const ids = item.components.map((c) => c.id);
    for (const u of [...item.incident_updates].reverse()) {
      const touched = u.affected_components?.map((c) => c.code) ?? [];
      const base = { page: incidents.page, incident: item, update: u, at: u.created_at };
      events.push({
        ...base,
        key: `incident-update:${u.id}`,
        kind: 'incident-update',
        components: [...new Set([...ids, ...touched])],
      });
      for (const change of u.affected_components ?? []) {
        if (change.old_status === change.new_status) continue;
        events.push({
          ...base,
          key: `component-update:${u.id}:${change.code}`,
          kind: 'component-update',
          components: [change.code],
          change,
        });
      }
    }
  }
  for (const item of maintenances.scheduled_maintenances) {
    const components = item.components.map((c) => c.id);
    const base = { page: maintenances.page, incident: item, components };
    for (const u of [...item.incident_updates].reverse()) {
      events.push({
        ...base,
        key: `maintenance-update:${u.id}`,
        kind: 'maintenance-update',
        update: u,
        at: u.created_at,
      });
    }
    const start = item.scheduled_for;
    const startMs = start ? Date.parse(start) : NaN;
    const endMs = item.scheduled_until ? Date.parse(item.scheduled_until) : Infinity;
    const nowMs = now.getTime();
    // The reminder goes out once the start has come, unless the work is already over or called off.
    if (start && startMs <= nowMs && nowMs < endMs && !['completed', 'cancelled'].includes(item.status)) {
      events.push({ ...base, key: `maintenance-start:${item.id}:${start}`, kind: 'maintenance-start', at: start });
    }
  }
  return events;
}

export interface Audience {
  /** Component ids; empty: all. */
  components: readonly string[];
  maintenance: boolean;
}

/** Whether someone subscribed to `audience` hears of `event`: maintenance only if wanted, and their components. */
export function wants(audience: Audience, event: NotifyEvent): boolean {
  if (event.kind.startsWith('maintenance') && !audience.maintenance) return false;
  if (audience.components.length === 0 || event.components.length === 0) return true;
  return event.components.some((id) => audience.components.includes(id));
}
