import { describe, expect, it } from 'vitest';
import { formatTarget, priorityTable } from '../../../src/lib/policy/describe.ts';
import { triage, type Answers } from '../../../src/lib/triage/index.ts';
import { answers } from '../../fixtures/ticket/answers.ts';
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

describe('the policy page and triage agree', () => {
  const meaning = (priority: string) => priorityTable(policy).find((r) => r.priority === priority)!.meaning;
  /** Each example the page gives, as answers, with the priority the page puts it under. */
  const examples: Array<[string, Partial<Answers>, string]> = [
    ['everyone down', { affectedUsers: 40, totalUsers: 40 }, 'critical'],
    ['phones that will not register, most users', { category: 'registration', affectedUsers: 30 }, 'critical'],
    ['one user down', { affectedUsers: 1 }, 'high'],
    ['one-way audio', { category: 'call-quality', serviceState: 'degraded', affectedUsers: 1 }, 'high'],
    ['the customer portal down for everyone', { category: 'portal', affectedUsers: 100 }, 'high'],
    [
      'a go-live with no inbound calls',
      { category: 'inbound-calls', previouslyWorking: false, affectedUsers: 10 },
      'high',
    ],
    ['voicemail broken', { category: 'voicemail', affectedUsers: 100 }, 'normal'],
    ['an account matter', { category: 'account', affectedUsers: 100 }, 'normal'],
    ['a setup question', { category: 'setup', previouslyWorking: false }, 'low'],
    ['a fax line never set up', { category: 'fax', previouslyWorking: false }, 'low'],
  ];

  it.each(examples)('%s', (_, overrides, priority) => {
    expect(triage(answers(overrides), policy).priority).toBe(priority);
  });

  it('puts the portal and go-live days under high, never under critical', () => {
    expect(meaning('critical')).not.toMatch(/portal/);
    expect(meaning('high')).toMatch(/customer portal not working, for any number of users/);
    expect(meaning('high')).toMatch(/go-live or port day/);
    expect(meaning('high')).toMatch(/After business hours, call the emergency line too/);
    expect(meaning('normal')).toMatch(/your account and its security/);
    expect(meaning('low')).toMatch(/anything else that has never worked yet/);
  });
});

describe('formatTarget', () => {
  it('falls back to hours when business minutes are not whole days', () => {
    expect(formatTarget(90, 'business', policy)).toBe('1.5 business hours');
    expect(formatTarget(30, 'business', policy)).toBe('30 business minutes');
    expect(formatTarget(2880, '24x7', policy)).toBe('2 days, around the clock');
  });
});
