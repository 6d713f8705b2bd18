import { describe, expect, it } from 'vitest';
import { formatTarget, priorityTable } from '../../../src/lib/policy/describe.ts';
import { defaultPolicy } from '../../fixtures/ticket/policy.ts';

const policy = defaultPolicy();

describe('priorityTable', () => {
  it('renders the targets of the policy in words', () => {
    const rows = priorityTable(policy);
    expect(rows.map((r) => [r.label, r.firstResponse, r.resolution])).toEqual([
      ['Critical', '15 minutes, around the clock', '4 hours, around the clock'],
      ['High', '1 hour, around the clock', '1 day, around the clock'],
      ['Normal', '4 business hours', '3 business days'],
      ['Low', '1 business day', 'Best effort'],
    ]);
  });

  it('takes the critical share from the policy', () => {
    const rows = priorityTable({ ...policy, thresholds: { criticalShare: 0.35 } });
    expect(rows[0]?.meaning).toContain('at least 35% of your users');
    expect(rows[1]?.meaning).toContain('fewer than 35%');
  });
});

describe('formatTarget', () => {
  it('falls back to hours when business minutes are not whole days', () => {
    expect(formatTarget(90, 'business', policy)).toBe('1.5 business hours');
    expect(formatTarget(30, 'business', policy)).toBe('30 business minutes');
    expect(formatTarget(2880, '24x7', policy)).toBe('2 days, around the clock');
  });
});
