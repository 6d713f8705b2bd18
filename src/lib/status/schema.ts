// The shape of content/incidents.json: one zod schema, used by the build, the status CLI and the JSON Schema.
import { z } from 'zod';
import { failed, formatPath, parseJson, type Problem as ContentProblem } from '../errors.ts';
import { crossFieldProblems, type Problem } from './rules.ts';
import { timestampProblem } from './time.ts';

/** Least to most severe: the one place this order is written. */
export const incidentImpacts = ['none', 'minor', 'major', 'critical'] as const;
export const incidentComponentStatuses = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
/** What an update may say of a component: its incident status, or that it works again while others do not yet. */
export const updateComponentStatuses = ['operational', ...incidentComponentStatuses] as const;
export const incidentUpdateStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const maintenanceUpdateStatuses = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;

export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface RawIssue {
  code?: string;
  input?: unknown;
}

const required = (iss: RawIssue, example: string) =>
  iss.input === undefined ? `is required, e.g. ${example}` : undefined;

function id(what: string, example: string) {
  return z
    .string({ error: (iss) => required(iss, `"${example}"`) ?? `${what} must be a string like "${example}"` })
    .regex(idPattern, {
      error: `${what} must be lowercase letters, digits and single hyphens, e.g. "${example}"`,
    })
    .describe(`${what}: lowercase letters, digits and hyphens; used in URLs and references`);
}

function text(what: string, example: string) {
  return z
    .string({ error: (iss) => required(iss, `"${example}"`) ?? `${what} must be a string` })
    .regex(/\S/, { error: `${what} must not be empty: write it, e.g. "${example}"` });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = values.join(', ');
  return z.enum(values, {
    error: (iss) =>
      required(iss, `"${values[0]}"`) ?? `unknown value ${JSON.stringify(iss.input)}: use one of ${allowed}`,
  });
}

export const timestampSchema = z.iso
  .datetime({ offset: true, error: (iss) => timestampProblem(iss.input) })
  .describe('ISO 8601 timestamp with an offset, e.g. 2026-11-20T14:02:00Z');

function strictRecord<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, {
    error: (iss) => required(iss, '{ ... }') ?? (iss.code === 'invalid_type' ? `${what} must be an object` : undefined),
  });
}

function list<T extends z.ZodType>(item: T, what: string) {
  return z.array(item, { error: (iss) => required(iss, '[]') ?? `${what} must be an array` });
}

const body = text('body', 'We are investigating reports of failed calls.').describe('Markdown');

export const componentSchema = strictRecord(
  {
    id: id('component id', 'sip-trunking'),
    name: text('name', 'SIP trunking').describe('Shown to customers'),
    group: text('group', 'Voice').optional().describe('Components with the same group are shown together'),
    description: z.string({ error: 'description must be a string' }).optional(),
  },
  'a component',
);

function componentStatusMap<const T extends readonly [string, ...string[]]>(statuses: T) {
  return z.record(
    z.string().regex(idPattern, { error: 'component ids are lowercase letters, digits and hyphens' }),
    oneOf(statuses),
    { error: (iss) => required(iss, '{ "sip-trunking": "partial_outage" }') ?? 'must be an object of id: status' },
  );
}

export const incidentUpdateSchema = strictRecord(
  {
    at: timestampSchema,
    status: oneOf(incidentUpdateStatuses),
    body,
    components: componentStatusMap(updateComponentStatuses)
      .optional()
      .describe(
        "Optional: components whose status changes at this update, kept until a later update changes them (as Statuspage's affected_components); operational = recovered while the incident goes on",
      ),
    nextUpdateBy: timestampSchema
      .optional()
      .describe(
        "Optional: when customers will hear next; default: this update's time plus the support policy's incidentUpdates minutes for the impact",
      ),
  },
  'an update',
);

export const incidentSchema = strictRecord(
  {
    id: id('incident id', '2026-11-20-outbound-calls'),
    title: text('title', 'Outbound calls failing to some area codes').describe('What customers notice'),
    impact: oneOf(incidentImpacts).describe('Sets the page banner: the worst impact among unresolved incidents'),
    components: componentStatusMap(incidentComponentStatuses).describe(
      "Affected components and their status from the first update on (for the whole incident unless an update's components change them)",
    ),
    updates: list(incidentUpdateSchema, 'updates').min(1, {
      error: 'an incident needs at least one update: add { "at": "...", "status": "investigating", "body": "..." }',
    }),
    postmortem: strictRecord({ at: timestampSchema, body }, 'a postmortem')
      .optional()
      .describe('Published after the incident is resolved: what happened, why, what changes'),
  },
  'an incident',
);

export const maintenanceUpdateSchema = strictRecord(
  { at: timestampSchema, status: oneOf(maintenanceUpdateStatuses), body },
  'an update',
);

export const maintenanceSchema = strictRecord(
  {
    id: id('maintenance id', '2026-12-01-sbc-upgrade'),
    title: text('title', 'SBC software upgrade'),
    components: list(id('component id', 'sip-trunking'), 'components').min(1, {
      error: 'name at least one component the maintenance affects, e.g. ["sip-trunking"]',
    }),
    start: timestampSchema,
    end: timestampSchema,
    updates: list(maintenanceUpdateSchema, 'updates')
      .optional()
      .describe('Optional: maintenance starts and completes by itself at start and end'),
  },
  'a maintenance',
);

export const incidentsFileSchema = strictRecord(
  {
    $schema: z.string().optional(),
    components: list(componentSchema, 'components').min(1, { error: 'list at least one component' }),
    incidents: list(incidentSchema, 'incidents'),
    maintenances: list(maintenanceSchema, 'maintenances'),
  },
  'the file',
);

export type IncidentsFile = z.infer<typeof incidentsFileSchema>;
export type StatusComponentEntry = z.infer<typeof componentSchema>;
export type Incident = z.infer<typeof incidentSchema>;
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;
export type Maintenance = z.infer<typeof maintenanceSchema>;
export type MaintenanceUpdate = z.infer<typeof maintenanceUpdateSchema>;
export type IncidentImpact = (typeof incidentImpacts)[number];
export type IncidentComponentStatus = (typeof incidentComponentStatuses)[number];
export type UpdateComponentStatus = (typeof updateComponentStatuses)[number];
export type IncidentUpdateStatus = (typeof incidentUpdateStatuses)[number];
export type MaintenanceStatus = (typeof maintenanceUpdateStatuses)[number];

export type IncidentsValidation =
  { ok: true; data: IncidentsFile } | { ok: false; errors: string[]; problems: ContentProblem[] };

/** Parses and checks the whole file; every problem is one line `file: json.path: message with the fix`. */
export function validateIncidentsText(text: string, file: string): IncidentsValidation {
  const parsed = parseJson(text);
  if (!parsed.ok) return failed([{ file, message: parsed.error.message }]);
  return validateIncidentsValue(parsed.value, file);
}

export function validateIncidentsValue(value: unknown, file: string): IncidentsValidation {
  const result = incidentsFileSchema.safeParse(value);
  let problems = [...(result.success ? [] : zodProblems(result.error)), ...crossFieldProblems(value)];
  // Never "invalid" without a reason: fall back to zod's own words for an issue no rule above explained.
  if (!result.success && problems.length === 0) problems = result.error.issues;
  if (result.success && problems.length === 0) return { ok: true, data: result.data };
  const seen = new Set<string>();
  const unique: ContentProblem[] = [];
  for (const p of sortByPath(problems)) {
    const path = formatPath(p.path);
    const message = path ? `${path}: ${p.message}` : p.message;
    if (seen.has(message)) continue;
    seen.add(message);
    unique.push({ file, message, at: p.path });
  }
  return failed(unique);
}

/** One problem per zod issue; an unknown field is reported at its own path. */
function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...issue.path, key],
        message: 'unknown field: remove it or check its spelling',
      }));
    }
    // A malformed component id in an incident is also an unknown component: the cross-field rule says so.
    if (issue.code === 'invalid_key') return [];
    return [{ path: issue.path, message: issue.message }];
  });
}

// Field order of the file, so problems read top to bottom; other keys (component ids) sort by name.
const keyOrder = [
  '$schema',
  'id',
  'name',
  'title',
  'group',
  'description',
  'impact',
  'components',
  'incidents',
  'maintenances',
  'start',
  'end',
  'updates',
  'postmortem',
  'at',
  'status',
  'body',
  'nextUpdateBy',
];

function compareKeys(x: PropertyKey, y: PropertyKey): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const rank = (k: PropertyKey) => (keyOrder.includes(String(k)) ? keyOrder.indexOf(String(k)) : keyOrder.length);
  return rank(x) - rank(y) || String(x).localeCompare(String(y));
}

/** Orders problems as they appear in the file, so a person can fix them top to bottom. */
function sortByPath(problems: Problem[]): Problem[] {
  const compare = (a: readonly PropertyKey[], b: readonly PropertyKey[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareKeys(a[i] as PropertyKey, b[i] as PropertyKey);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  };
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => compare(a.problem.path, b.problem.path) || a.index - b.index)
    .map((entry) => entry.problem);
}

/** JSON Schema for editors, generated from the zod schema so the two never disagree. */
export function incidentsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(incidentsFileSchema, { io: 'input' }),
    title: 'dialtone status: components, incidents and maintenance',
  };
}
