import { describe, expect, it } from 'vitest';
import { validatePolicy, validatePolicyText } from '../../../src/lib/policy/index.ts';
import {
  defaultPolicy,
  defaultPolicyJson,
  policyErrorsAfter,
  type EditablePolicyJson,
} from '../../fixtures/ticket/policy.ts';

describe('the default policy (fixture)', () => {
  it('is valid and carries the default targets of the issue', () => {
    const policy = defaultPolicy();
    expect(policy.timeZone).toBe('America/New_York');
    expect(policy.businessHours.monday).toEqual([['09:00', '19:00']]);
    expect(policy.businessHours.saturday).toEqual([]);
    expect(policy.severities).toEqual({
      critical: { firstResponseMinutes: 15, resolutionMinutes: 240, clock: '24x7' },
      high: { firstResponseMinutes: 60, resolutionMinutes: 1440, clock: '24x7' },
      normal: { firstResponseMinutes: 240, resolutionMinutes: 1800, clock: 'business' },
      low: { firstResponseMinutes: 600, resolutionMinutes: null, clock: 'business' },
    });
    expect(policy.thresholds.criticalShare).toBe(0.2);
    expect(policy.holidays).toContain('2026-11-26');
    expect(policy.holidays).toContain('2027-12-24');
    expect(policy.contacts.emergencyPhone).toMatch(/555/);
    expect(policy.contacts.emergencyInstructions.join(' ')).toMatch(/EMERGENCY/);
  });
});

describe('validatePolicy', () => {
  it('defaults thresholds.criticalShare to 0.2 when thresholds is left out', () => {
    const json = defaultPolicyJson();
    delete json.thresholds;
    const result = validatePolicy(json, 'p.json');
    expect(result.ok && result.policy.thresholds.criticalShare).toBe(0.2);
  });

  it('accepts a policy without $schema and with "24:00" as a closing time', () => {
    expect(
      policyErrorsAfter((p) => {
        delete p.$schema;
        p.businessHours.saturday = [['00:00', '24:00']];
      }),
    ).toEqual([]);
  });

  it('names a time zone that is not IANA', () => {
    expect(policyErrorsAfter((p) => (p.timeZone = 'Eastern'))).toEqual([
      'p.json: timeZone: must be an IANA time zone name such as "America/New_York"',
    ]);
  });

  it('rejects overlapping and out-of-order spans on the span that is wrong', () => {
    const errors = policyErrorsAfter((p) => {
      p.businessHours.monday = [
        ['09:00', '12:00'],
        ['11:30', '17:00'],
      ];
      p.businessHours.tuesday = [
        ['13:00', '17:00'],
        ['09:00', '12:00'],
      ];
    });
    expect(errors).toEqual([
      'p.json: businessHours.monday[1]: must open at or after 12:00, when span [0] closes; list spans in order without overlap',
      'p.json: businessHours.tuesday[1]: must open at or after 17:00, when span [0] closes; list spans in order without overlap',
    ]);
  });

  it('rejects a span that closes before it opens, bad times and a missing weekday', () => {
    const errors = policyErrorsAfter((p) => {
      p.businessHours.monday = [['19:00', '09:00']];
      p.businessHours.tuesday = [['9:00', '17:00']];
      p.businessHours.wednesday = [['24:00', '24:00']];
      delete p.businessHours.sunday;
    });
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^p\.json: businessHours\.monday\[0\]: the closing time must be after the opening/);
    expect(errors[1]).toMatch(/^p\.json: businessHours\.tuesday\[0\]\[0\]: must be a 24-hour time "HH:MM"/);
    expect(errors[2]).toMatch(/^p\.json: businessHours\.wednesday\[0\]: /);
    expect(errors[3]).toMatch(/^p\.json: businessHours\.sunday: is missing/);
  });

  it('rejects holidays that are not real dates', () => {
    const errors = policyErrorsAfter((p) => (p.holidays = ['2026-02-30', '2026-7-4', '2026-12-25']));
    expect(errors).toEqual([
      'p.json: holidays[0]: is not a real calendar date',
      'p.json: holidays[1]: must be a date "YYYY-MM-DD"',
    ]);
  });

  it('checks severity targets', () => {
    const errors = policyErrorsAfter((p) => {
      p.severities.critical.firstResponseMinutes = 0;
      p.severities.high.resolutionMinutes = 30;
      p.severities.normal.clock = 'office';
      p.severities.low.resolutionMinutes = 'best effort';
    });
    expect(errors).toEqual([
      'p.json: severities.critical.firstResponseMinutes: must be at least 1 minute',
      'p.json: severities.high.resolutionMinutes: must not be shorter than firstResponseMinutes',
      'p.json: severities.normal.clock: must be "24x7" (calendar minutes) or "business" (minutes inside business hours only)',
      'p.json: severities.low.resolutionMinutes: must be a whole number of minutes, or null for best effort',
    ]);
  });

  it('says which field is missing and which is unknown', () => {
    const errors = policyErrorsAfter((p) => {
      delete p.contacts.supportEmail;
      p.severities.urgent = p.severities.critical;
    });
    expect(errors).toEqual([
      'p.json: severities.urgent: is not a known field: remove it or correct its spelling',
      'p.json: contacts.supportEmail: is missing: it must be an e-mail address such as support@example.com',
    ]);
  });

  it('keeps criticalShare between 0 (exclusive) and 1', () => {
    expect(policyErrorsAfter((p) => (p.thresholds.criticalShare = 0))).toEqual([
      'p.json: thresholds.criticalShare: must be more than 0',
    ]);
    expect(policyErrorsAfter((p) => (p.thresholds.criticalShare = 1.5))).toEqual([
      'p.json: thresholds.criticalShare: must be at most 1 (1 = all users)',
    ]);
  });

  it('needs opening hours when a severity counts business minutes', () => {
    const closed = (p: EditablePolicyJson) => {
      for (const day of Object.keys(p.businessHours)) p.businessHours[day] = [];
    };
    expect(policyErrorsAfter(closed)).toEqual([
      'p.json: businessHours: must open on at least one weekday, because a severity uses the "business" clock',
    ]);
    expect(
      policyErrorsAfter((p) => {
        closed(p);
        for (const s of Object.values(p.severities) as Array<{ clock: string }>) s.clock = '24x7';
      }),
    ).toEqual([]);
  });
});

describe('validatePolicyText', () => {
  it('reports a JSON syntax error with line and column', () => {
    const result = validatePolicyText('{\n  "timeZone": "America/New_York",\n}', 'site-content/support-policy.json');
    expect(result).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^site-content\/support-policy\.json: invalid JSON at line 3, column 1/)],
    });
  });

  it('reports a non-object file at the top level', () => {
    const result = validatePolicyText('[]', 'p.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^p\.json: /);
  });
});
