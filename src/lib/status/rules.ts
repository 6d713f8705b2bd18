// Rules that span fields (ids, references, time order). They read the raw JSON defensively so that a file
// with a typo in one place still gets every other problem reported in the same run.
import { formatPath } from '../errors.ts';
import { groupId } from './slug.ts';
import { isOffsetTimestamp } from './time.ts';

export interface Problem {
  path: PropertyKey[];
  message: string;
}

type Entry = Record<string, unknown>;

const entries = (value: unknown): Entry[] =>
  Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {})) : [];
const asObject = (value: unknown): Entry =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Entry) : {};

export function crossFieldProblems(raw: unknown): Problem[] {
  const file = asObject(raw);
  const components = entries(file.components);
  const incidents = entries(file.incidents);
  const maintenances = entries(file.maintenances);
  const componentIds = new Set(components.map((c) => c.id).filter((v) => typeof v === 'string'));
  const known = [...componentIds].join(', ');
  const problems: Problem[] = [
    ...duplicateIds(components.map((c, i) => ({ id: c.id, path: ['components', i, 'id'] }))),
    // Incidents and maintenances share one namespace: both get permalinks and feed entries by id.
    ...duplicateIds([
      ...incidents.map((x, i) => ({ id: x.id, path: ['incidents', i, 'id'] })),
      ...maintenances.map((x, i) => ({ id: x.id, path: ['maintenances', i, 'id'] })),
    ]),
  ];
  problems.push(...groupProblems(components, componentIds));
  const unknownComponent = (id: unknown, path: PropertyKey[]) => {
    if (typeof id === 'string' && !componentIds.has(id))
      problems.push({
        path,
        message: `unknown component "${id}": use one of the ids in components (${known})`,
      });
  };
  incidents.forEach((incident, i) => {
    for (const id of Object.keys(asObject(incident.components)))
      unknownComponent(id, ['incidents', i, 'components', id]);
    entries(incident.updates).forEach((update, j) => {
      for (const id of Object.keys(asObject(update.components)))
        unknownComponent(id, ['incidents', i, 'updates', j, 'components', id]);
    });
    problems.push(...timelineProblems(incident.updates, ['incidents', i, 'updates'], 'resolved'));
    problems.push(...updateFieldProblems(incident.updates, ['incidents', i, 'updates']));
    problems.push(...postmortemProblems(incident, ['incidents', i]));
  });
  maintenances.forEach((maintenance, i) => {
    if (Array.isArray(maintenance.components))
      maintenance.components.forEach((id, j) => unknownComponent(id, ['maintenances', i, 'components', j]));
    const { start, end } = maintenance;
    if (isOffsetTimestamp(start) && isOffsetTimestamp(end) && Date.parse(end) <= Date.parse(start))
      problems.push({ path: ['maintenances', i, 'end'], message: `must be after start (${start})` });
    problems.push(...timelineProblems(maintenance.updates, ['maintenances', i, 'updates'], 'completed'));
  });
  return problems;
}

/** Group names become ids in the Statuspage JSON (`group-voice`): two names must not make one id. */
function groupProblems(components: Entry[], componentIds: Set<unknown>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, { name: string; index: number }>();
  components.forEach((component, i) => {
    const name = component.group;
    if (typeof name !== 'string' || name.trim() === '') return;
    const id = groupId(name);
    const path = ['components', i, 'group'];
    const first = seen.get(id);
    if (id === 'group-') {
      problems.push({ path, message: `"${name}" needs some letters a-z or digits: the group's id is made from them` });
    } else if (first && first.name !== name) {
      problems.push({
        path,
        message: `"${name}" makes the same group id (${id}) as "${first.name}" at components[${first.index}].group: use one name or rename one`,
      });
    } else if (componentIds.has(id)) {
      problems.push({ path, message: `"${name}" makes the id ${id}, which a component already has: rename one` });
    }
    if (!first) seen.set(id, { name, index: i });
  });
  return problems;
}

function duplicateIds(ids: { id: unknown; path: PropertyKey[] }[]): Problem[] {
  const firstPath = new Map<string, PropertyKey[]>();
  const problems: Problem[] = [];
  for (const { id, path } of ids) {
    if (typeof id !== 'string') continue;
    const first = firstPath.get(id);
    if (first) {
      problems.push({
        path,
        message: `duplicate id "${id}" (also at ${formatPath(first)}): give each its own id`,
      });
    } else firstPath.set(id, path);
  }
  return problems;
}

/** Updates in strictly increasing time, and nothing after the final status (`resolved` / `completed`). */
function timelineProblems(updates: unknown, path: PropertyKey[], finalStatus: string): Problem[] {
  const problems: Problem[] = [];
  let previous: { at: string; index: number } | undefined;
  let finalIndex: number | undefined;
  entries(updates).forEach((update, i) => {
    if (finalIndex !== undefined) {
      problems.push({
        path: [...path, i],
        message: `comes after the "${finalStatus}" update updates[${finalIndex}]: move "${finalStatus}" last or drop this update`,
      });
    }
    if (update.status === finalStatus && finalIndex === undefined) finalIndex = i;
    if (!isOffsetTimestamp(update.at)) return;
    if (previous && Date.parse(update.at) <= Date.parse(previous.at)) {
      problems.push({
        path: [...path, i, 'at'],
        message: `must be after updates[${previous.index}].at (${previous.at}): updates are listed oldest first`,
      });
    }
    previous = { at: update.at, index: i };
  });
  return problems;
}

/** What an update carries besides its words: component changes and the promised next update must make sense. */
function updateFieldProblems(updates: unknown, path: PropertyKey[]): Problem[] {
  const problems: Problem[] = [];
  entries(updates).forEach((update, i) => {
    const resolved = update.status === 'resolved';
    if (resolved) {
      for (const [id, status] of Object.entries(asObject(update.components))) {
        if (status !== 'operational' && typeof status === 'string')
          problems.push({
            path: [...path, i, 'components', id],
            message: `a "resolved" update returns every component to operational: remove "${status}" (or post a "monitoring" update instead of resolving)`,
          });
      }
    }
    const next = update.nextUpdateBy;
    if (next === undefined) return;
    if (resolved) {
      problems.push({
        path: [...path, i, 'nextUpdateBy'],
        message: 'a resolved incident promises no further update: remove nextUpdateBy',
      });
    } else if (isOffsetTimestamp(next) && isOffsetTimestamp(update.at) && Date.parse(next) <= Date.parse(update.at)) {
      problems.push({
        path: [...path, i, 'nextUpdateBy'],
        message: `must be after the update's own time (${update.at}): it says when customers hear next`,
      });
    }
  });
  return problems;
}

/** A postmortem follows the resolution: it explains an incident that is over. */
function postmortemProblems(incident: Entry, path: PropertyKey[]): Problem[] {
  if (incident.postmortem === undefined) return [];
  const updates = entries(incident.updates);
  const resolved = updates.find((u) => u.status === 'resolved');
  if (!resolved) {
    return [
      {
        path: [...path, 'postmortem'],
        message: 'the incident is not resolved: add a "resolved" update first',
      },
    ];
  }
  const at = asObject(incident.postmortem).at;
  if (isOffsetTimestamp(at) && isOffsetTimestamp(resolved.at) && Date.parse(at) < Date.parse(resolved.at)) {
    return [
      {
        path: [...path, 'postmortem', 'at'],
        message: `must not be before the resolved update (${resolved.at})`,
      },
    ];
  }
  return [];
}
