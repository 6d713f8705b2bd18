import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentsJsonSchema, validateIncidentsText, validateIncidentsValue } from '../../../src/lib/status/schema.ts';
import { samplePath, smallRaw } from './helpers.ts';

const FILE = 'site-content/incidents.json';

/** Validates a mutated copy of the small fixture and returns its error lines. */
function errorsAfter(mutate: (raw: ReturnType<typeof smallRaw>) => void): string[] {
  const raw = smallRaw();
  mutate(raw);
  const result = validateIncidentsValue(raw, FILE);
  if (result.ok) throw new Error('expected the file to be invalid');
  return result.errors;
}

/** Exactly one error line, at this path, matching the message. */
function expectOneError(errors: string[], path: string, message: RegExp) {
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(new RegExp(`^${FILE.replace(/\./g, '\\.')}: ${path.replace(/[[\].]/g, '\\$&')}: `));
  expect(errors[0]).toMatch(message);
}

describe('validateIncidentsText', () => {
  it('accepts the small fixture and the sample file', () => {
    expect(validateIncidentsValue(smallRaw(), FILE).ok).toBe(true);
    const sample = validateIncidentsText(readFileSync(samplePath, 'utf8'), samplePath);
    expect(sample.ok ? [] : sample.errors).toEqual([]);
  });

  it('reports a JSON syntax error with line and column', () => {
    const result = validateIncidentsText('{\n  "components": [\n    { "id": "a", }\n  ]\n}', FILE);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        expect.stringMatching(
          /^site-content\/incidents\.json: invalid JSON at line 3, column 18: PropertyNameExpected$/,
        ),
      ],
    });
  });

  it('rejects an unknown field, at its own path', () => {
    const errors = errorsAfter((raw) => Object.assign(raw.incidents[0] as object, { titel: 'typo' }));
    expectOneError(errors, 'incidents[0].titel', /unknown field: remove it or check its spelling/);
  });

  it('rejects a duplicate component id', () => {
    const errors = errorsAfter((raw) => (raw.components[1]!.id = 'trunks'));
    expect(errors).toContain(
      `${FILE}: components[1].id: duplicate id "trunks" (also at components[0].id): give each its own id`,
    );
  });

  it('rejects an id shared by an incident and a maintenance (one permalink namespace)', () => {
    const errors = errorsAfter((raw) => (raw.maintenances[0]!.id = 'trunk-outage'));
    expectOneError(errors, 'maintenances[0].id', /duplicate id "trunk-outage" \(also at incidents\[1\]\.id\)/);
  });

  it('rejects ids that cannot be a URL segment', () => {
    const errors = errorsAfter((raw) => (raw.incidents[2]!.id = 'Portal Slow'));
    expectOneError(errors, 'incidents[2].id', /lowercase letters, digits and single hyphens/);
  });

  it('rejects an incident naming a component that does not exist', () => {
    const errors = errorsAfter((raw) => (raw.incidents[0]!.components = { trunkz: 'major_outage' }));
    expectOneError(
      errors,
      'incidents[0].components.trunkz',
      /unknown component "trunkz": use one of .*trunks, pbx, portal/,
    );
  });

  it('reports a malformed component id in an incident once, as an unknown component', () => {
    const errors = errorsAfter((raw) => (raw.incidents[0]!.components = { 'SIP Trunks': 'major_outage' }));
    expectOneError(errors, 'incidents[0].components.SIP Trunks', /unknown component "SIP Trunks"/);
  });

  it('rejects a maintenance naming a component that does not exist', () => {
    const errors = errorsAfter((raw) => raw.maintenances[1]!.components.push('voicemail'));
    expectOneError(errors, 'maintenances[1].components[2]', /unknown component "voicemail"/);
  });

  it('rejects timestamps without an offset, saying how to add one', () => {
    const errors = errorsAfter((raw) => (raw.incidents[0]!.updates[1]!.at = '2026-01-10T10:30:00'));
    expectOneError(errors, 'incidents[0].updates[1].at', /"2026-01-10T10:30:00" has no time-zone offset: add Z/);
    const inMaintenance = errorsAfter((raw) => (raw.maintenances[0]!.start = '2026-01-15 06:00'));
    expectOneError(inMaintenance, 'maintenances[0].start', /is not a valid ISO 8601 timestamp/);
  });

  it('rejects updates that are not in increasing time', () => {
    const errors = errorsAfter((raw) => (raw.incidents[0]!.updates[1]!.at = '2026-01-10T09:59:00Z'));
    expectOneError(
      errors,
      'incidents[0].updates[1].at',
      /must be after updates\[0\]\.at \(2026-01-10T10:00:00Z\): updates are listed oldest first/,
    );
    const same = errorsAfter((raw) => (raw.maintenances[1]!.updates![2]!.at = '2026-01-25T05:50:00Z'));
    expectOneError(same, 'maintenances[1].updates[2].at', /must be after updates\[1\]\.at/);
  });

  it('rejects an update after "resolved"', () => {
    const errors = errorsAfter((raw) =>
      raw.incidents[0]!.updates.push({ at: '2026-01-10T13:00:00Z', status: 'monitoring', body: 'Later.' }),
    );
    expectOneError(errors, 'incidents[0].updates[3]', /comes after the "resolved" update updates\[2\]/);
  });

  it('rejects a maintenance that ends before it starts', () => {
    const errors = errorsAfter((raw) => (raw.maintenances[0]!.end = '2026-01-15T05:00:00Z'));
    expectOneError(errors, 'maintenances[0].end', /must be after start \(2026-01-15T06:00:00Z\)/);
  });

  it('rejects an incident with no updates', () => {
    const errors = errorsAfter((raw) => (raw.incidents[2]!.updates = []));
    expectOneError(errors, 'incidents[2].updates', /an incident needs at least one update/);
  });

  it('rejects empty titles and names', () => {
    expectOneError(
      errorsAfter((raw) => (raw.incidents[1]!.title = '  ')),
      'incidents[1].title',
      /must not be empty/,
    );
    expectOneError(
      errorsAfter((raw) => (raw.maintenances[0]!.title = '')),
      'maintenances[0].title',
      /must not be empty/,
    );
    expectOneError(
      errorsAfter((raw) => (raw.components[2]!.name = '')),
      'components[2].name',
      /must not be empty/,
    );
  });

  it('rejects unknown enum values, listing the allowed ones', () => {
    const cases: [(raw: ReturnType<typeof smallRaw>) => void, string, RegExp][] = [
      [
        (raw) => ((raw.incidents[0] as { impact: string }).impact = 'huge'),
        'incidents[0].impact',
        /"huge": use one of none, minor, major, critical/,
      ],
      [
        (raw) => ((raw.incidents[0]!.updates[0] as { status: string }).status = 'looking'),
        'incidents[0].updates[0].status',
        /"looking": use one of investigating, identified, monitoring, resolved/,
      ],
      [
        (raw) => ((raw.incidents[1]!.components as Record<string, string>).trunks = 'down'),
        'incidents[1].components.trunks',
        /"down": use one of degraded_performance, partial_outage, major_outage/,
      ],
      [
        (raw) => ((raw.maintenances[1]!.updates![0] as { status: string }).status = 'planned'),
        'maintenances[1].updates[0].status',
        /"planned": use one of scheduled, in_progress, verifying, completed/,
      ],
    ];
    for (const [mutate, path, message] of cases) expectOneError(errorsAfter(mutate), path, message);
  });

  it('names a missing required field', () => {
    const errors = errorsAfter((raw) => delete (raw.incidents[0] as Partial<(typeof raw.incidents)[0]>).impact);
    expectOneError(errors, 'incidents[0].impact', /is required/);
  });

  it('rejects a postmortem on an incident that is not resolved', () => {
    const errors = errorsAfter((raw) => (raw.incidents[2]!.postmortem = { at: '2026-01-21T00:00:00Z', body: 'x' }));
    expectOneError(errors, 'incidents[2].postmortem', /not resolved: add a "resolved" update first/);
  });

  it('reports every problem at once, in file order', () => {
    const errors = errorsAfter((raw) => {
      raw.components[1]!.id = 'trunks';
      (raw.incidents[0] as { impact: string }).impact = 'huge';
      raw.incidents[1]!.updates[1]!.at = '2026-01-10T11:00:00';
      raw.incidents[2]!.components = { nope: 'partial_outage' };
      raw.maintenances[0]!.end = raw.maintenances[0]!.start;
    });
    // Renaming pbx also leaves the references to it dangling: those are reported too.
    expect(errors.map((e) => e.split(': ')[1])).toEqual([
      'components[1].id',
      'incidents[0].impact',
      'incidents[0].components.pbx',
      'incidents[1].updates[1].at',
      'incidents[2].components.nope',
      'maintenances[0].components[0]',
      'maintenances[0].end',
    ]);
  });

  it('reports every problem in a broken file, even when the shape is wrong too', () => {
    const text = readFileSync('test/fixtures/status/invalid.json', 'utf8');
    const result = validateIncidentsText(text, 'invalid.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.split(': ')[1])).toEqual([
      'components[1].id',
      'components[1].name',
      'incidents[0].impact',
      'incidents[0].components.pbx',
      'incidents[0].updates[0].at',
      'maintenances[0].end',
    ]);
  });
});

describe('incidentsJsonSchema', () => {
  it('describes the shape for editors: enums, required fields, no unknown fields, $schema allowed', () => {
    const schema = incidentsJsonSchema() as {
      properties: Record<string, { items?: { properties: Record<string, { enum?: string[] }>; required: string[] } }>;
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'components', 'incidents', 'maintenances']);
    const incident = schema.properties.incidents?.items;
    expect(incident?.properties.impact?.enum).toEqual(['none', 'minor', 'major', 'critical']);
    expect(incident?.required).toEqual(['id', 'title', 'impact', 'components', 'updates']);
  });

  it('is referenced by the sample file', () => {
    expect(JSON.parse(readFileSync(samplePath, 'utf8')).$schema).toBe('./schemas/incidents.schema.json');
  });
});

describe('component groups', () => {
  it('rejects two group names that make the same Statuspage id', () => {
    const errors = errorsAfter((raw) => {
      raw.components[0]!.group = 'Voice & Fax';
      raw.components[1]!.group = 'Voice/Fax';
    });
    expectOneError(
      errors,
      'components[1].group',
      /makes the same group id \(group-voice-fax\) as "Voice & Fax" at components\[0\]\.group/,
    );
  });

  it('rejects a group name with no letters or digits to make an id from', () => {
    const errors = errorsAfter((raw) => {
      raw.components[0]!.group = 'Голос';
    });
    expectOneError(errors, 'components[0].group', /needs some letters a-z or digits/);
  });
});
