// Post an incident update in one command: edits content/incidents.json, validates it, prints the commit to make.
import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  addIncident,
  addIncidentUpdate,
  addMaintenance,
  addMaintenanceUpdate,
  addPostmortem,
  EditError,
} from '../src/lib/status/edit.ts';
import { incidentPath } from '../src/lib/status/overview.ts';
import {
  incidentComponentStatuses,
  updateComponentStatuses,
  validateIncidentsText,
  type IncidentComponentStatus,
  type IncidentImpact,
  type IncidentsFile,
  type IncidentUpdateStatus,
  type MaintenanceStatus,
  type UpdateComponentStatus,
} from '../src/lib/status/schema.ts';
import {
  fillTemplate,
  findTemplate,
  incidentTemplates,
  templateList,
  type IncidentTemplate,
} from '../src/lib/status/templates.ts';
import { isOffsetTimestamp, timestampProblem, toTimestamp } from '../src/lib/status/time.ts';
import { contentFilePath, loadIncidents, shownPath } from '../src/content-io.ts';

const common = `  --file FILE    incidents file (default: incidents.json in $CONTENT_DIR, else in content/)
  --at ISO       when this happened, with offset (default: now), e.g. 2026-11-24T04:38:00Z
  -h, --help     this text`;

const help: Record<string, string> = {
  '': `Usage: npm run incident -- <command> ...

Commands
  new (or open)        open an incident
  update ID            post an update to an incident
  resolve ID           post the "resolved" update
  postmortem ID        publish the postmortem of a resolved incident
  maintenance          schedule maintenance
  maintenance-update ID  post an update to a maintenance (in_progress, verifying, completed)

Run npm run incident -- <command> --help for the options of each.
The file is validated before it is written; nothing is written when it would be invalid.
npm run incident -- --list-templates lists the templates new/open, update and resolve fill from.`,
  new: `Usage: npm run incident -- new --title TEXT --body TEXT [options]
       npm run incident -- open --template NAME [--component ID[=STATUS]] [options]   (open = new)

  --title TEXT                 what customers notice, e.g. "Outbound calls failing to some area codes"
  --body TEXT                  first update (Markdown)
  --component ID=STATUS        repeatable; STATUS is ${incidentComponentStatuses.join(', ')}
  --template NAME              fill title, body, components and impact from a template (--list-templates);
                               --title, --body, --component and --impact replace what it fills; with a
                               template, --component ID alone takes the template's status
  --impact none|minor|major|critical   default: from the worst component status
  --status investigating|identified|monitoring   default investigating
  --next-update-by ISO         when customers hear next (default: the support policy's incidentUpdates cadence)
  --id ID                      default: date and title, e.g. 2026-11-24-outbound-calls-failing
${common}`,
  update: `Usage: npm run incident -- update ID --status STATUS --body TEXT [options]

  --status investigating|identified|monitoring|resolved
  --body TEXT                  the update (Markdown)
  --template NAME              the body from this template for --status (when --body is not given)
  --component ID=STATUS        repeatable: recorded on this update, from now on; STATUS is
                               ${updateComponentStatuses.join(', ')} (operational: recovered while the incident goes on)
  --impact none|minor|major|critical
  --next-update-by ISO         when customers hear next (default: the support policy's incidentUpdates cadence)
${common}`,
  resolve: `Usage: npm run incident -- resolve ID [--body TEXT] [options]

  --body TEXT    default "This incident has been resolved." (or the template's, with --template NAME)
  --template NAME
${common}`,
  postmortem: `Usage: npm run incident -- postmortem ID --body TEXT [options]

  --body TEXT    the postmortem (Markdown): what happened, why, what changes
${common}`,
  maintenance: `Usage: npm run incident -- maintenance --title TEXT --component ID --start ISO --end ISO [options]

  --title TEXT        e.g. "SBC software upgrade"
  --component ID      repeatable: components affected during the window
  --start ISO --end ISO   the window, with offset, e.g. 2026-12-01T06:00:00Z
  --body TEXT         announcement (Markdown), posted as the "scheduled" update
  --id ID             default: start date and title
${common}`,
  'maintenance-update': `Usage: npm run incident -- maintenance-update ID --status STATUS --body TEXT [options]

  --status scheduled|in_progress|verifying|completed
${common}`,
};

class UsageError extends Error {}

const options = {
  file: { type: 'string' },
  at: { type: 'string' },
  title: { type: 'string' },
  body: { type: 'string' },
  status: { type: 'string' },
  impact: { type: 'string' },
  id: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  component: { type: 'string', multiple: true },
  template: { type: 'string' },
  'list-templates': { type: 'boolean' },
  'next-update-by': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function need(values: Values, name: 'title' | 'body' | 'status' | 'start' | 'end'): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function instant(name: string, value: string | undefined): string {
  if (value === undefined) return toTimestamp(new Date());
  if (!isOffsetTimestamp(value)) throw new UsageError(`--${name}: ${timestampProblem(value)}`);
  return value;
}

/**
 * `sip-trunking=partial_outage` pairs; statuses are checked by the validator, with the path. With a template, a
 * bare `outbound-calls` takes the template's status.
 */
function componentStatuses<S extends string>(pairs: string[] = [], template?: IncidentTemplate): Record<string, S> {
  const out: Record<string, S> = {};
  for (const pair of pairs) {
    const [id, status = template?.componentStatus, ...rest] = pair.split('=');
    if (!id || !status || rest.length > 0)
      throw new UsageError(`--component "${pair}": write ID=STATUS, e.g. sip-trunking=partial_outage`);
    out[id] = status as S;
  }
  return out;
}

function templateOption(values: Values): IncidentTemplate | undefined {
  if (values.template === undefined) return undefined;
  const template = findTemplate(values.template);
  if (!template)
    throw new UsageError(
      `--template: no template "${values.template}"; use one of ${incidentTemplates.map((t) => t.id).join(', ')}`,
    );
  return template;
}

/** The names of components, as customers read them in a filled template. */
function componentNames(data: IncidentsFile, ids: Iterable<string>): string[] {
  const wanted = new Set(ids);
  return data.components.filter((c) => wanted.has(c.id)).map((c) => c.name);
}

/** Every component an incident names so far: its own, then those its updates add. */
function incidentComponentIdsOf(data: IncidentsFile, id: string): string[] {
  const incident = data.incidents.find((i) => i.id === id);
  if (!incident) return [];
  return [...Object.keys(incident.components), ...incident.updates.flatMap((u) => Object.keys(u.components ?? {}))];
}

/** The body: --body, else the template's for this status, else an error naming both. */
function bodyFor(
  values: Values,
  template: IncidentTemplate | undefined,
  status: IncidentUpdateStatus,
  names: string[],
) {
  if (values.body) return values.body;
  if (template) return fillTemplate(template.bodies[status], names);
  throw new UsageError('--body is required (or --template NAME to start from a template)');
}

interface Edit {
  file: IncidentsFile;
  id: string;
  what: string;
  status: string;
}

function applyCommand(command: string, target: string | undefined, values: Values, data: IncidentsFile): Edit {
  const at = instant('at', values.at);
  const impact = values.impact as IncidentImpact | undefined;
  const needId = () => {
    if (!target) throw new UsageError(`${command} needs the id, e.g. npm run incident -- ${command} 2026-11-24-...`);
    return target;
  };
  const template = templateOption(values);
  const nextUpdateBy =
    values['next-update-by'] === undefined ? undefined : instant('next-update-by', values['next-update-by']);
  switch (command) {
    case 'open':
    case 'new': {
      const status = (values.status ?? 'investigating') as IncidentUpdateStatus;
      const given = componentStatuses<IncidentComponentStatus>(values.component, template);
      const components =
        values.component || !template
          ? given
          : Object.fromEntries(template.components.map((id) => [id, template.componentStatus]));
      const names = componentNames(data, Object.keys(components));
      const title = values.title ?? (template ? fillTemplate(template.title, names) : need(values, 'title'));
      const input = { title, body: bodyFor(values, template, status, names), at, components, status };
      const chosenImpact = impact ?? template?.impact;
      const { file, id } = addIncident(data, {
        ...input,
        ...(chosenImpact && { impact: chosenImpact }),
        ...(values.id && { id: values.id }),
        ...(nextUpdateBy && { nextUpdateBy }),
      });
      return { file, id, what: 'incident', status };
    }
    case 'update': {
      const id = needId();
      const status = need(values, 'status') as IncidentUpdateStatus;
      const components = componentStatuses<UpdateComponentStatus>(values.component, template);
      const names = componentNames(data, [...incidentComponentIdsOf(data, id), ...Object.keys(components)]);
      const input = {
        status,
        body: bodyFor(values, template, status, names),
        at,
        components,
        ...(impact && { impact }),
        ...(nextUpdateBy && { nextUpdateBy }),
      };
      return { file: addIncidentUpdate(data, id, input), id, what: 'incident', status };
    }
    case 'resolve': {
      const id = needId();
      const names = componentNames(data, incidentComponentIdsOf(data, id));
      const body =
        values.body ?? (template ? fillTemplate(template.bodies.resolved, names) : 'This incident has been resolved.');
      return {
        file: addIncidentUpdate(data, id, { status: 'resolved', body, at }),
        id,
        what: 'incident',
        status: 'resolved',
      };
    }
    case 'postmortem': {
      const id = needId();
      return {
        file: addPostmortem(data, id, { body: need(values, 'body'), at }),
        id,
        what: 'incident',
        status: 'postmortem',
      };
    }
    case 'maintenance': {
      const components = values.component ?? [];
      if (components.length === 0) throw new UsageError('--component is required (repeat it for each component)');
      const input = {
        title: need(values, 'title'),
        components,
        start: instant('start', need(values, 'start')),
        end: instant('end', need(values, 'end')),
        at,
        ...(values.body && { body: values.body }),
        ...(values.id && { id: values.id }),
      };
      const { file, id } = addMaintenance(data, input);
      return { file, id, what: 'maintenance', status: 'scheduled' };
    }
    case 'maintenance-update': {
      const id = needId();
      const status = need(values, 'status') as MaintenanceStatus;
      return {
        file: addMaintenanceUpdate(data, id, { status, body: need(values, 'body'), at }),
        id,
        what: 'maintenance',
        status,
      };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Formats like the rest of the repository (Prettier, when installed), so the commit diff is only the edit. */
async function formatJson(value: unknown, file: string): Promise<string> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...config, filepath: file });
  } catch {
    return text;
  }
}

// Ids and statuses are slugs, so only the file path may need quoting.
const shellWord = (text: string) => (/^[\w./:-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command = '', target, ...extra] = positionals;
  if (values['list-templates']) {
    process.stdout.write(`${templateList().join('\n')}\n`);
    return 0;
  }
  if (values.help || command === '' || command === 'help') {
    const text = help[command === 'help' ? '' : command === 'open' ? 'new' : command];
    if (text === undefined) throw new UsageError(`unknown command "${command}"`);
    const usageOnly = command === '' && !values.help; // no command at all is bad usage: help on stderr
    (usageOnly ? process.stderr : process.stdout).write(`${text}\n`);
    return usageOnly ? 2 : 0;
  }
  if (!(command in help) && command !== 'open') throw new UsageError(`unknown command "${command}"`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const path = values.file ?? contentFilePath('incidents');
  const file = shownPath(path);
  const before = loadIncidents(path);
  if (!before.ok) {
    const intro = before.unreadable ? '' : `${file} is invalid already; fix these first:\n`;
    process.stderr.write(`${intro}${before.errors.join('\n')}\n`);
    return 1;
  }
  const text = before.file.text;
  // Edit the file as written (not zod's output) so key order and anything zod reorders stay as they were.
  const edit = applyCommand(command, target, values, JSON.parse(text) as IncidentsFile);
  const next = await formatJson(edit.file, file);
  const after = validateIncidentsText(next, file);
  if (!after.ok) {
    process.stderr.write(`Not written: the change would make ${file} invalid:\n${after.errors.join('\n')}\n`);
    return 1;
  }
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, next);
  renameSync(temporary, path);
  const message = `${edit.what}: ${edit.id}: ${edit.status}`;
  process.stdout.write(
    [
      `Updated ${file}: ${edit.what} ${edit.id} (${edit.status}).`,
      `Page: ${incidentPath(edit.id)}`,
      '',
      'Commit it, then push (or open a pull request) to publish:',
      `  git add ${shellWord(file)} && git commit -m "${message}"`,
      '',
    ].join('\n'),
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof EditError) {
      process.stderr.write(`incident: ${error.message}\nRun with --help for usage.\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
      return;
    }
    throw error;
  },
);
