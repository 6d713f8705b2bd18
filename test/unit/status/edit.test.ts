import { describe, expect, it } from 'vitest';
import {
  addIncident,
  addIncidentUpdate,
  addMaintenance,
  addMaintenanceUpdate,
  addPostmortem,
  EditError,
  impactFor,
  newEntryId,
} from '../../../src/lib/status/edit.ts';
import { validateIncidentsValue } from '../../../src/lib/status/schema.ts';
import { slugify } from '../../../src/lib/status/slug.ts';
import { small, smallRaw } from './helpers.ts';

const errorsOf = (value: unknown) => {
  const result = validateIncidentsValue(value, 'f.json');
  return result.ok ? [] : result.errors;
};

describe('ids', () => {
  it('slugs titles to ASCII words', () => {
    expect(slugify('Outbound calls failing (Canada) — “urgent”')).toBe('outbound-calls-failing-canada-urgent');
    expect(slugify('Téléphonie à Montréal')).toBe('telephonie-a-montreal');
  });

  it('makes an id from the date and the title, unique in the file', () => {
    const file = small();
    expect(newEntryId(file, 'Trunks down again', '2026-02-01T03:00:00Z')).toBe('2026-02-01-trunks-down-again');
    const taken = { ...file, maintenances: [...file.maintenances, { ...file.maintenances[0]!, id: '2026-02-01-x' }] };
    expect(newEntryId(taken, 'X', '2026-02-01T03:00:00Z')).toBe('2026-02-01-x-2');
  });

  it('derives the impact from the worst component status, as Statuspage does', () => {
    expect(impactFor({ a: 'degraded_performance' })).toBe('minor');
    expect(impactFor({ a: 'degraded_performance', b: 'partial_outage' })).toBe('major');
    expect(impactFor({ a: 'major_outage' })).toBe('critical');
    expect(impactFor({})).toBe('none');
  });
});

describe('edits', () => {
  it('opens an incident at the top with one update, and the result validates', () => {
    const { file, id } = addIncident(smallRaw(), {
      title: 'PBX calls dropping',
      body: 'Investigating.',
      at: new Date('2026-02-01T03:00:00.456Z'),
      components: { pbx: 'partial_outage' },
    });
    expect(id).toBe('2026-02-01-pbx-calls-dropping');
    expect(file.incidents[0]).toEqual({
      id,
      title: 'PBX calls dropping',
      impact: 'major',
      components: { pbx: 'partial_outage' },
      updates: [{ at: '2026-02-01T03:00:00Z', status: 'investigating', body: 'Investigating.' }],
    });
    expect(errorsOf(file)).toEqual([]);
  });

  it('posts updates, changes components and resolves, keeping the key order of the file', () => {
    let file = addIncidentUpdate(smallRaw(), 'portal-slow', {
      status: 'identified',
      body: 'Found it.',
      at: '2026-01-20T10:00:00Z',
      components: { trunks: 'degraded_performance' },
    });
    file = addIncidentUpdate(file, 'portal-slow', { status: 'resolved', body: 'Fixed.', at: '2026-01-20T11:00:00Z' });
    const incident = file.incidents[2]!;
    expect(Object.keys(incident)).toEqual(['id', 'title', 'impact', 'components', 'updates']);
    // The change is the update's: the incident's first hour keeps its own components.
    expect(incident.components).toEqual({ portal: 'degraded_performance' });
    expect(incident.updates[1]).toEqual({
      at: '2026-01-20T10:00:00Z',
      status: 'identified',
      body: 'Found it.',
      components: { trunks: 'degraded_performance' },
    });
    expect(incident.updates.map((u) => u.status)).toEqual(['investigating', 'identified', 'resolved']);
    expect(errorsOf(file)).toEqual([]);
    expect(errorsOf(addPostmortem(file, 'portal-slow', { body: 'Why.', at: '2026-01-22T00:00:00Z' }))).toEqual([]);
  });

  it('leaves it to the validator to refuse an update out of order', () => {
    const file = addIncidentUpdate(smallRaw(), 'trunk-errors', {
      status: 'monitoring',
      body: 'x',
      at: '2026-01-10T13:00:00Z',
    });
    expect(errorsOf(file)).toEqual([
      'f.json: incidents[0].updates[3]: comes after the "resolved" update updates[2]: move "resolved" last or drop this update',
    ]);
  });

  it('refuses an unknown id, naming recent ones', () => {
    expect(() =>
      addIncidentUpdate(smallRaw(), 'nope', { status: 'resolved', body: 'x', at: '2026-01-01T00:00:00Z' }),
    ).toThrow(new EditError('no incident with id "nope"; recent ones: trunk-errors, trunk-outage, portal-slow'));
    expect(() =>
      addMaintenanceUpdate(smallRaw(), 'nope', { status: 'completed', body: 'x', at: '2026-01-01T00:00:00Z' }),
    ).toThrow(EditError);
  });

  it('schedules maintenance, announced by a "scheduled" update when there is a body', () => {
    const { file, id } = addMaintenance(smallRaw(), {
      title: 'Trunk SBC upgrade',
      components: ['trunks'],
      start: '2026-02-10T06:00:00Z',
      end: '2026-02-10T07:00:00Z',
      at: '2026-02-01T00:00:00Z',
      body: 'Short interruptions.',
    });
    expect(id).toBe('2026-02-10-trunk-sbc-upgrade');
    expect(file.maintenances[0]?.updates).toEqual([
      { at: '2026-02-01T00:00:00Z', status: 'scheduled', body: 'Short interruptions.' },
    ]);
    const started = addMaintenanceUpdate(file, id, {
      status: 'in_progress',
      body: 'Started.',
      at: '2026-02-10T06:00:00Z',
    });
    expect(started.maintenances[0]?.updates?.map((u) => u.status)).toEqual(['scheduled', 'in_progress']);
    expect(errorsOf(started)).toEqual([]);
    const silent = addMaintenance(smallRaw(), {
      ...file.maintenances[0]!,
      components: ['trunks'],
      at: '2026-02-01T00:00:00Z',
      body: '',
    });
    expect(silent.file.maintenances[0]).not.toHaveProperty('updates');
  });
});
