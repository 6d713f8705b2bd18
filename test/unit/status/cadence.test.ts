// An update cadence customers can trust: "Next update by", overdue incidents, the policy's incidentUpdates, and
// the fields an update may carry (components, nextUpdateBy) with their rules.
import { describe, expect, it } from 'vitest';
import {
  defaultUpdateCadence,
  formatNextUpdate,
  nextUpdateDue,
  overdueIncidents,
  overdueWarning,
} from '../../../src/lib/status/cadence.ts';
import { incidentView } from '../../../src/lib/status/overview.ts';
import { validateIncidentsValue, type IncidentsFile } from '../../../src/lib/status/schema.ts';
import { defaultPolicy, defaultPolicyJson, policyErrorsAfter } from '../../fixtures/ticket/policy.ts';
import { small, smallRaw } from './helpers.ts';

// small.json: `trunk-outage` (critical) is open from 2026-01-10T11:00Z to 11:30Z; `portal-slow` (minor) is open
// from 2026-01-20T09:00Z on, its only update.
const trunksDown = () => small().incidents.find((i) => i.id === 'trunk-outage')!;

describe('nextUpdateDue', () => {
  it("is the latest update's time plus the cadence for the incident's impact", () => {
    expect(trunksDown().impact).toBe('critical');
    expect(nextUpdateDue(trunksDown(), '2026-01-10T11:15:00Z', defaultUpdateCadence)).toBe('2026-01-10T11:30:00Z');
    expect(nextUpdateDue(trunksDown(), '2026-01-10T11:15:00Z', { ...defaultUpdateCadence, critical: 45 })).toBe(
      '2026-01-10T11:45:00Z',
    );
  });

  it("uses the update's own nextUpdateBy when it gives one", () => {
    const raw = smallRaw();
    const incident = raw.incidents.find((i) => i.id === 'portal-slow')!;
    incident.updates.at(-1)!.nextUpdateBy = '2026-01-20T13:00:00Z';
    const file = valid(raw);
    const view = incidentView(
      file,
      file.incidents.find((i) => i.id === 'portal-slow')!,
      '2026-01-20T10:15:00Z',
    );
    expect(view?.nextUpdateBy).toBe('2026-01-20T13:00:00Z');
    expect(overdueIncidents(file, '2026-01-20T10:15:00Z', defaultUpdateCadence)).toEqual([]);
  });

  it('is null before the incident exists and once it is resolved', () => {
    const resolved = small().incidents.find((i) => i.updates.at(-1)?.status === 'resolved')!;
    expect(nextUpdateDue(resolved, '2026-12-31T00:00:00Z', defaultUpdateCadence)).toBeNull();
    expect(nextUpdateDue(trunksDown(), '2026-01-01T00:00:00Z', defaultUpdateCadence)).toBeNull();
  });
});

describe('overdueIncidents', () => {
  it('lists unresolved incidents past their next update, with how late', () => {
    expect(overdueIncidents(small(), '2026-01-20T09:59:00Z', defaultUpdateCadence)).toEqual([]);
    const late = overdueIncidents(small(), '2026-01-20T10:35:30Z', defaultUpdateCadence);
    expect(late).toEqual([
      {
        id: 'portal-slow',
        title: expect.any(String),
        status: 'investigating',
        due: '2026-01-20T10:00:00Z',
        minutesLate: 35,
      },
    ]);
    expect(overdueWarning(late[0]!, 'site-content/incidents.json', 'UTC')).toBe(
      `site-content/incidents.json: incident portal-slow ("${late[0]!.title}", investigating): the next update was due at 20 Jan 2026, 10:00 UTC (35 min ago): post one with npm run incident -- update portal-slow --status investigating --body "..."`,
    );
    // Two open at once, most overdue first: trunk-errors (major, due 11:00) before trunk-outage (critical, due 11:30).
    expect(overdueIncidents(small(), '2026-01-10T11:29:00Z', defaultUpdateCadence).map((o) => o.id)).toEqual([
      'trunk-errors',
    ]);
  });
});

describe('formatNextUpdate', () => {
  it('gives the time alone on the same day in the zone, with the date otherwise', () => {
    expect(formatNextUpdate('2026-11-24T15:30:00Z', '2026-11-24T15:00:00Z', 'America/New_York')).toBe('10:30 EST');
    expect(formatNextUpdate('2026-11-25T05:30:00Z', '2026-11-24T15:00:00Z', 'America/New_York')).toBe(
      '25 Nov 2026, 00:30 EST',
    );
  });
});

describe("the support policy's incidentUpdates", () => {
  it('defaults to 30 minutes for critical and major, 60 for minor, 120 for none: old policy files stay valid', () => {
    expect(defaultPolicyJson()).not.toHaveProperty('incidentUpdates');
    expect(defaultPolicy().incidentUpdates).toEqual({ critical: 30, major: 30, minor: 60, none: 120 });
    expect(defaultPolicy().incidentUpdates).toEqual(defaultUpdateCadence);
  });

  it('takes minutes per impact, and names a wrong one', () => {
    expect(policyErrorsAfter((p) => (p.incidentUpdates = { major: 15 }))).toEqual([]);
    expect(policyErrorsAfter((p) => (p.incidentUpdates = { major: 0 })).join('\n')).toMatch(
      /incidentUpdates\.major.*at least 1 minute/,
    );
    expect(policyErrorsAfter((p) => (p.incidentUpdates = { severe: 10 })).join('\n')).toMatch(/incidentUpdates/);
  });
});

function valid(raw: unknown): IncidentsFile {
  const result = validateIncidentsValue(raw, 'f.json');
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.data;
}

function errorsAfter(mutate: (raw: ReturnType<typeof smallRaw>) => void): string[] {
  const raw = smallRaw();
  mutate(raw);
  const result = validateIncidentsValue(raw, 'f.json');
  return result.ok ? [] : result.errors;
}

describe('fields of an incident update', () => {
  const trunks = (raw: ReturnType<typeof smallRaw>) => raw.incidents.find((i) => i.id === 'portal-slow')!;
  const resolvedIndex = (raw: ReturnType<typeof smallRaw>) =>
    raw.incidents.findIndex((i) => i.updates.at(-1)?.status === 'resolved');

  it('accept components with a status (operational included) and a later nextUpdateBy', () => {
    expect(
      errorsAfter((raw) => {
        const update = trunks(raw).updates.at(-1)!;
        update.components = { trunks: 'major_outage', pbx: 'operational' };
        update.nextUpdateBy = '2026-01-20T12:00:00Z';
      }),
    ).toEqual([]);
  });

  it('name an unknown component or status at its path', () => {
    const index = (raw: ReturnType<typeof smallRaw>) => raw.incidents.findIndex((i) => i.id === 'portal-slow');
    const raw = smallRaw();
    const i = index(raw);
    const errors = errorsAfter((r) => {
      trunks(r).updates[0]!.components = { nowhere: 'major_outage', trunks: 'down' as never };
    });
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^f\\.json: incidents\\[${i}\\]\\.updates\\[0\\]\\.components\\.nowhere: unknown component "nowhere"`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^f\\.json: incidents\\[${i}\\]\\.updates\\[0\\]\\.components\\.trunks: unknown value "down": use one of operational, degraded_performance, partial_outage, major_outage`,
        ),
      ),
    ]);
  });

  it('refuse a resolved update that leaves a component down, or promises a next update', () => {
    const raw = smallRaw();
    const i = resolvedIndex(raw);
    const errors = errorsAfter((r) => {
      const update = r.incidents[i]!.updates.at(-1)!;
      update.components = { trunks: 'partial_outage' };
      update.nextUpdateBy = '2027-01-01T00:00:00Z';
    });
    const last = raw.incidents[i]!.updates.length - 1;
    expect(errors).toEqual([
      `f.json: incidents[${i}].updates[${last}].components.trunks: a "resolved" update returns every component to operational: remove "partial_outage" (or post a "monitoring" update instead of resolving)`,
      `f.json: incidents[${i}].updates[${last}].nextUpdateBy: a resolved incident promises no further update: remove nextUpdateBy`,
    ]);
  });

  it('refuse a nextUpdateBy not after the update itself', () => {
    const errors = errorsAfter((raw) => {
      const update = trunks(raw).updates[0]!;
      update.nextUpdateBy = update.at;
    });
    expect(errors).toEqual([expect.stringMatching(/updates\[0\]\.nextUpdateBy: must be after the update's own time/)]);
  });
});
