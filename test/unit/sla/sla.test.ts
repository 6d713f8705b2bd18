import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { SupportPolicy } from '../../../src/lib/policy/index.ts';
import { addBusinessMinutes, businessCalendar, slaFor } from '../../../src/lib/sla/index.ts';
import { defaultPolicy } from '../../fixtures/ticket/policy.ts';

// Default policy: Mon-Fri 09:00-19:00 America/New_York; normal 240 / 1800 and low 600 / best effort on the
// business clock; critical 15 / 240 and high 60 / 1440 on 24x7.
const policy = defaultPolicy();

/** The due instant in New York wall-clock time, easier to read than UTC. */
function ny(iso: string | null): string | null {
  return iso === null ? null : DateTime.fromISO(iso).setZone('America/New_York').toFormat('ccc yyyy-MM-dd HH:mm ZZZZ');
}

describe('business clock', () => {
  it('Friday evening: counting starts at Monday opening', () => {
    const due = slaFor('normal', '2026-11-20T20:00:00-05:00', policy);
    expect(due.clock).toBe('business');
    expect(due.afterHours).toBe(true);
    expect(due.firstResponseDue).toBe('2026-11-23T18:00:00Z');
    expect(ny(due.firstResponseDue)).toBe('Mon 2026-11-23 13:00 EST');
    // 1800 business minutes = three 10-hour days: Mon, Tue, Wed until closing.
    expect(ny(due.resolutionDue)).toBe('Wed 2026-11-25 19:00 EST');
  });

  it('Friday late afternoon: the hour left on Friday counts', () => {
    const due = slaFor('normal', '2026-11-20T18:00:00-05:00', policy);
    expect(due.afterHours).toBe(false);
    expect(ny(due.firstResponseDue)).toBe('Mon 2026-11-23 12:00 EST');
  });

  it('a holiday Monday is skipped (Labor Day 2026)', () => {
    const due = slaFor('normal', '2026-09-04T18:00:00-04:00', policy);
    expect(ny(due.firstResponseDue)).toBe('Tue 2026-09-08 12:00 EDT');
    const onTheHoliday = slaFor('normal', '2026-09-07T10:00:00-04:00', policy);
    expect(onTheHoliday.afterHours).toBe(true);
    expect(ny(onTheHoliday.firstResponseDue)).toBe('Tue 2026-09-08 13:00 EDT');
  });

  it('two holidays in a row (Thanksgiving and the day after) are skipped', () => {
    const due = slaFor('normal', '2026-11-25T18:00:00-05:00', policy);
    expect(ny(due.firstResponseDue)).toBe('Mon 2026-11-30 12:00 EST');
  });

  it('a target that runs out exactly at closing is due at closing, one minute more is due next morning', () => {
    expect(ny(slaFor('normal', '2026-11-23T15:00:00-05:00', policy).firstResponseDue)).toBe('Mon 2026-11-23 19:00 EST');
    expect(ny(slaFor('normal', '2026-11-23T15:01:00-05:00', policy).firstResponseDue)).toBe('Tue 2026-11-24 09:01 EST');
    // Low, filed Friday night: 600 minutes = all of Monday, due at Monday's closing.
    expect(ny(slaFor('low', '2026-11-20T22:00:00-05:00', policy).firstResponseDue)).toBe('Mon 2026-11-23 19:00 EST');
  });

  it('filed before opening: counting starts at opening', () => {
    const due = slaFor('normal', '2026-11-24T07:30:00-05:00', policy);
    expect(due.afterHours).toBe(true);
    expect(ny(due.firstResponseDue)).toBe('Tue 2026-11-24 13:00 EST');
  });

  it('filed on a weekend: counting starts Monday', () => {
    const due = slaFor('normal', '2026-11-21T11:00:00-05:00', policy);
    expect(due.afterHours).toBe(true);
    expect(ny(due.firstResponseDue)).toBe('Mon 2026-11-23 13:00 EST');
  });

  it('is open from opening time until just before closing', () => {
    expect(slaFor('normal', '2026-11-24T09:00:00-05:00', policy).afterHours).toBe(false);
    expect(slaFor('normal', '2026-11-24T18:59:59-05:00', policy).afterHours).toBe(false);
    expect(slaFor('normal', '2026-11-24T19:00:00-05:00', policy).afterHours).toBe(true);
  });

  it('spring forward: Monday opens at 09:00 EDT, the new wall-clock time', () => {
    // DST starts Sunday 2026-03-08 02:00 in New York.
    const due = slaFor('normal', '2026-03-06T17:00:00-05:00', policy);
    expect(ny(due.firstResponseDue)).toBe('Mon 2026-03-09 11:00 EDT');
    expect(due.firstResponseDue).toBe('2026-03-09T15:00:00Z');
  });

  it('fall back: Monday opens at 09:00 EST, the new wall-clock time', () => {
    // DST ends Sunday 2026-11-01 02:00 in New York.
    const due = slaFor('normal', '2026-10-30T17:00:00-04:00', policy);
    expect(ny(due.firstResponseDue)).toBe('Mon 2026-11-02 11:00 EST');
    expect(due.firstResponseDue).toBe('2026-11-02T16:00:00Z');
  });

  it('the same instant written with another offset gives the same due times', () => {
    const local = slaFor('normal', '2026-11-20T20:00:00-05:00', policy);
    const utc = slaFor('normal', '2026-11-21T01:00:00Z', policy);
    const tokyo = slaFor('normal', '2026-11-21T10:00:00+09:00', policy);
    expect(utc).toEqual(local);
    expect(tokyo).toEqual(local);
  });

  it('low has no resolution target (best effort)', () => {
    expect(slaFor('low', '2026-11-24T10:00:00-05:00', policy).resolutionDue).toBeNull();
  });
});

describe('24x7 clock', () => {
  it('adds calendar minutes across midnight', () => {
    const due = slaFor('critical', '2026-11-24T23:00:00-05:00', policy);
    expect(due).toEqual({
      clock: '24x7',
      afterHours: true,
      firstResponseDue: '2026-11-25T04:15:00Z',
      resolutionDue: '2026-11-25T08:00:00Z',
    });
    expect(ny(due.resolutionDue)).toBe('Wed 2026-11-25 03:00 EST');
  });

  it('counts real hours across spring forward and fall back', () => {
    // 4 real hours from 23:00 EST on 7 March reach 04:00 EDT (the 02:00 hour does not exist).
    expect(ny(slaFor('critical', '2026-03-07T23:00:00-05:00', policy).resolutionDue)).toBe('Sun 2026-03-08 04:00 EDT');
    // 24 real hours from 00:30 EDT on 1 November reach 23:30 EST the same day (that day has 25 hours).
    expect(ny(slaFor('high', '2026-11-01T00:30:00-04:00', policy).resolutionDue)).toBe('Sun 2026-11-01 23:30 EST');
  });

  it('keeps the seconds of the submission', () => {
    expect(slaFor('high', '2026-11-24T10:00:30.500-05:00', policy).firstResponseDue).toBe('2026-11-24T16:00:30.500Z');
  });
});

describe('addBusinessMinutes', () => {
  function calendarWith(businessHours: Partial<SupportPolicy['businessHours']>, holidays: string[] = []) {
    const closed = {
      monday: [],
      tuesday: [],
      wednesday: [],
      thursday: [],
      friday: [],
      saturday: [],
      sunday: [],
    };
    return businessCalendar({ ...policy, holidays, businessHours: { ...closed, ...businessHours } });
  }
  const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
  const nyFormat = (d: DateTime) => ny(d.toUTC().toISO());

  it('skips a lunch break between two spans', () => {
    const calendar = calendarWith({
      monday: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
    });
    expect(nyFormat(addBusinessMinutes(at('2026-11-23T11:00:00-05:00'), 120, calendar))).toBe(
      'Mon 2026-11-23 14:00 EST',
    );
    // Exactly at the end of the morning span: due at 12:00, not at 13:00.
    expect(nyFormat(addBusinessMinutes(at('2026-11-23T11:00:00-05:00'), 60, calendar))).toBe(
      'Mon 2026-11-23 12:00 EST',
    );
  });

  it('a span across the skipped hour of spring forward is an hour shorter', () => {
    const calendar = calendarWith({ sunday: [['01:00', '04:00']] });
    // 01:00 EST to 04:00 EDT on 8 March is 2 real hours: 150 minutes end 30 minutes into the next Sunday.
    expect(nyFormat(addBusinessMinutes(at('2026-03-08T00:00:00-05:00'), 120, calendar))).toBe(
      'Sun 2026-03-08 04:00 EDT',
    );
    expect(nyFormat(addBusinessMinutes(at('2026-03-08T00:00:00-05:00'), 150, calendar))).toBe(
      'Sun 2026-03-15 01:30 EDT',
    );
  });

  it('a span across the repeated hour of fall back is an hour longer', () => {
    const calendar = calendarWith({ sunday: [['01:00', '04:00']] });
    // 01:00 EDT to 04:00 EST on 1 November is 4 real hours.
    expect(nyFormat(addBusinessMinutes(at('2026-11-01T00:00:00-04:00'), 200, calendar))).toBe(
      'Sun 2026-11-01 03:20 EST',
    );
    expect(nyFormat(addBusinessMinutes(at('2026-11-01T00:00:00-04:00'), 240, calendar))).toBe(
      'Sun 2026-11-01 04:00 EST',
    );
  });

  it('counts a "24:00" closing up to midnight', () => {
    const calendar = calendarWith({ saturday: [['18:00', '24:00']] });
    expect(nyFormat(addBusinessMinutes(at('2026-11-21T12:00:00-05:00'), 360, calendar))).toBe(
      'Sun 2026-11-22 00:00 EST',
    );
  });

  it('handles long targets by whole days (a full week of 10-hour days)', () => {
    const calendar = businessCalendar(policy);
    expect(nyFormat(addBusinessMinutes(at('2026-11-16T09:00:00-05:00'), 3000, calendar))).toBe(
      'Fri 2026-11-20 19:00 EST',
    );
    // A year of business minutes stays exact and fast (about 250 working days).
    const yearLater = addBusinessMinutes(at('2026-01-02T09:00:00-05:00'), 600 * 240, calendar);
    expect(yearLater.isValid).toBe(true);
  });

  it('remembers the dates it worked out per policy, with the same answers as a policy seen for the first time', () => {
    const shared = defaultPolicy();
    // Every 7 hours 13 minutes for a year: weekends, holidays and both daylight-saving changes, asked twice.
    const instants = Array.from({ length: 1200 }, (_, i) =>
      DateTime.fromISO('2026-01-01T00:00:00Z')
        .plus({ minutes: i * 433 })
        .toISO()!,
    );
    const fresh = instants.map((t) => slaFor('normal', t, defaultPolicy()));
    expect(instants.map((t) => slaFor('normal', t, shared))).toEqual(fresh);
    expect(instants.map((t) => slaFor('normal', t, shared))).toEqual(fresh);
    expect(businessCalendar(shared)).toBe(businessCalendar(shared));
    expect(businessCalendar(shared)).not.toBe(businessCalendar(defaultPolicy()));
  });

  it('stops with an error when nothing ever opens', () => {
    expect(() => addBusinessMinutes(at('2026-11-23T09:00:00-05:00'), 60, calendarWith({}))).toThrow(
      /no business hours/,
    );
  });
});
