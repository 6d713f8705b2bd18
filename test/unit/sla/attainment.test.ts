// First-response attainment: met at the due instant, overdue only once past it, months in the team's zone.
import { describe, expect, it } from 'vitest';
import { responseOutcome, slaAttainment, type ResponseRecord } from '../../../src/lib/sla/attainment.ts';

const record = (over: Partial<ResponseRecord>): ResponseRecord => ({
  reference: 'DT-20261120-AAAAA',
  priority: 'normal',
  submittedAt: '2026-11-20T18:30:00-05:00',
  firstResponseDue: '2026-11-23T17:30:00Z',
  firstResponseAt: null,
  ...over,
});
const now = new Date('2026-11-24T15:30:00Z');

describe('responseOutcome', () => {
  it('counts an answer at the due instant as met, a second later as missed', () => {
    expect(responseOutcome(record({ firstResponseAt: '2026-11-23T17:30:00Z' }), now)).toBe('met');
    expect(responseOutcome(record({ firstResponseAt: '2026-11-23T17:30:01Z' }), now)).toBe('missed');
    // A weekend answer to a Friday-evening ticket: well before Monday's due time.
    expect(responseOutcome(record({ firstResponseAt: '2026-11-21T15:00:00Z' }), now)).toBe('met');
  });

  it('leaves an unanswered ticket open until its due time, overdue after', () => {
    expect(responseOutcome(record({}), new Date('2026-11-23T17:30:00Z'))).toBe('open');
    expect(responseOutcome(record({}), new Date('2026-11-23T17:30:01Z'))).toBe('overdue');
  });
});

describe('slaAttainment', () => {
  it('rolls up per priority (urgent first) and per month in the team zone, open tickets not decided', () => {
    const records = [
      record({ firstResponseAt: '2026-11-21T15:00:00Z' }),
      record({ firstResponseAt: '2026-11-23T18:00:00Z' }),
      record({}),
      record({ priority: 'critical', firstResponseDue: '2026-11-24T16:00:00Z' }),
      // 20:00 on 31 October in New York is already November in UTC: counted in October.
      record({ priority: 'critical', submittedAt: '2026-11-01T00:00:00Z', firstResponseAt: '2026-11-01T00:10:00Z' }),
    ];
    const result = slaAttainment(records, now, 'America/New_York');
    expect(result.byPriority).toEqual([
      { key: 'critical', met: 1, missed: 0, open: 1, overdue: 0, total: 2, attainment: 1 },
      { key: 'normal', met: 1, missed: 1, open: 0, overdue: 1, total: 3, attainment: 0.333 },
    ]);
    expect(result.byMonth.map((m) => [m.key, m.total])).toEqual([
      ['2026-10', 1],
      ['2026-11', 4],
    ]);
    expect(result.all).toEqual({ key: 'all', met: 2, missed: 1, open: 1, overdue: 1, total: 5, attainment: 0.5 });
    expect(slaAttainment([], now, 'UTC').all.attainment).toBeNull();
  });
});
