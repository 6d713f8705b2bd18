import { describe, expect, it } from 'vitest';
import { formatPercent, isMoreUrgent, triage, type Category } from '../../../src/lib/triage/index.ts';
import { answers } from '../../fixtures/ticket/answers.ts';
import { defaultPolicy } from '../../fixtures/ticket/policy.ts';

const policy = defaultPolicy();
/** Calls or access broken, shared by users (the portal has its own rule: high). */
const SERVICE: Category[] = [
  'outage',
  'outbound-calls',
  'inbound-calls',
  'call-quality',
  'registration',
  'fax',
  'messaging',
];
const FEATURE: Category[] = ['voicemail', 'call-routing', 'caller-id', 'porting', 'billing', 'account'];
/** A new service that cannot take or make calls on its go-live or port day. */
const GO_LIVE: Category[] = ['outage', 'inbound-calls', 'outbound-calls', 'registration'];
const NOT_GO_LIVE = ([...SERVICE, 'portal', ...FEATURE] as Category[]).filter((c) => !GO_LIVE.includes(c));
const REQUEST: Category[] = ['setup', 'question', 'feature-request'];

describe('rule 1: setup, questions and feature requests are low', () => {
  it.each(REQUEST)('%s is low even when everything is down', (category) => {
    const result = triage(answers({ category, affectedUsers: 100 }), policy);
    expect(result.priority).toBe('low');
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatch(/does not affect a working service|not a fault/);
  });

  it('decides before rule 2 (only its own reason)', () => {
    const result = triage(answers({ category: 'setup', previouslyWorking: false }), policy);
    expect(result.reasons).toEqual(['Setting something up is not a fault in a working service: low priority.']);
  });
});

const SETUP_REASON = 'It has never worked, so this is new setup or configuration rather than a fault: low priority.';
const GO_LIVE_REASON =
  'It has never worked, but calls do not work on a new service (a go-live or port day): at least high, not setup.';

describe('rule 2: something that never worked is low, unless calls fail on a go-live or port day', () => {
  it.each(NOT_GO_LIVE)('%s that never worked is low, even down for everyone', (category) => {
    const result = triage(answers({ category, affectedUsers: 100, previouslyWorking: false }), policy);
    expect(result).toEqual({ priority: 'low', reasons: [SETUP_REASON] });
  });

  it.each(GO_LIVE)('%s down or degraded on go-live is at least high, and says which rule applied', (category) => {
    const few = triage(answers({ category, affectedUsers: 1, totalUsers: 40, previouslyWorking: false }), policy);
    expect(few.priority).toBe('high');
    expect(few.reasons[0]).toBe(GO_LIVE_REASON);
    expect(few.reasons[1]).toMatch(/service down for fewer than 20% of users is high\.$/);
    const all = triage(answers({ category, affectedUsers: 40, totalUsers: 40, previouslyWorking: false }), policy);
    expect(all.priority).toBe('critical');
    const degraded = triage(
      answers({ category, serviceState: 'degraded', affectedUsers: 1, previouslyWorking: false }),
      policy,
    );
    expect(degraded).toEqual({
      priority: 'high',
      reasons: [GO_LIVE_REASON, 'Service works, but badly, for 1 of 100 users (1%): degraded service is high.'],
    });
  });

  it.each(GO_LIVE)('%s that never worked but only fails on and off, or does not stop calls, stays low', (category) => {
    for (const serviceState of ['intermittent', 'not-affected'] as const) {
      const affectedUsers = serviceState === 'not-affected' ? 0 : 5;
      const result = triage(answers({ category, serviceState, affectedUsers, previouslyWorking: false }), policy);
      expect(result).toEqual({ priority: 'low', reasons: [SETUP_REASON] });
    }
  });

  it('keeps setup questions low on a go-live day', () => {
    expect(triage(answers({ category: 'setup', previouslyWorking: false }), policy).priority).toBe('low');
  });

  it('lowers a go-live problem with a working workaround like any other', () => {
    const result = triage(
      answers({ category: 'inbound-calls', affectedUsers: 1, previouslyWorking: false, workaround: true }),
      policy,
    );
    expect(result.priority).toBe('normal');
  });
});

describe('the customer portal', () => {
  it('is high when down, whatever share of users (the policy lists it under high), and says why', () => {
    for (const [affectedUsers, totalUsers] of [
      [1, 100],
      [19, 100],
      [20, 100],
      [100, 100],
    ] as const) {
      const result = triage(answers({ category: 'portal', affectedUsers, totalUsers }), policy);
      expect(result.priority).toBe('high');
      expect(result.reasons).toHaveLength(1);
      expect(result.reasons[0]).toMatch(
        /^The customer portal is not working for \d+ of 100 users .*: a portal problem is high\.$/,
      );
    }
    expect(triage(answers({ category: 'portal', serviceState: 'degraded' }), policy).priority).toBe('high');
  });

  it('is normal with a workaround, and normal when it is not affecting service', () => {
    expect(triage(answers({ category: 'portal', affectedUsers: 100, workaround: true }), policy).priority).toBe(
      'normal',
    );
    expect(
      triage(answers({ category: 'portal', serviceState: 'not-affected', affectedUsers: 0 }), policy).priority,
    ).toBe('normal');
  });
});

describe('rule 3: service not affected is normal', () => {
  it.each([...SERVICE, 'portal' as const, ...FEATURE])('%s with service not affected is normal', (category) => {
    const result = triage(answers({ category, serviceState: 'not-affected', affectedUsers: 0 }), policy);
    expect(result).toEqual({
      priority: 'normal',
      reasons: ['Calls and service still work (not affected): normal priority.'],
    });
  });
});

describe('rule 4: calls or access broken', () => {
  it('says who is affected and why it is critical', () => {
    expect(triage(answers(), policy)).toEqual({
      priority: 'critical',
      reasons: ['30 of 100 users (30%) cannot make or receive calls: at least 20% with service down is critical.'],
    });
  });

  it.each(SERVICE)('%s: exactly 20%% down is critical, just below is high', (category) => {
    expect(triage(answers({ category, affectedUsers: 20, totalUsers: 100 }), policy).priority).toBe('critical');
    expect(triage(answers({ category, affectedUsers: 3, totalUsers: 15 }), policy).priority).toBe('critical');
    expect(triage(answers({ category, affectedUsers: 19, totalUsers: 100 }), policy).priority).toBe('high');
    expect(triage(answers({ category, affectedUsers: 199, totalUsers: 1000 }), policy).priority).toBe('high');
  });

  it.each(SERVICE)('%s: all users down is critical', (category) => {
    expect(triage(answers({ category, affectedUsers: 40, totalUsers: 40 }), policy).priority).toBe('critical');
    expect(triage(answers({ category, affectedUsers: 1, totalUsers: 1 }), policy).priority).toBe('critical');
  });

  it.each(SERVICE)('%s: degraded or intermittent is high, however many users', (category) => {
    for (const serviceState of ['degraded', 'intermittent'] as const) {
      expect(triage(answers({ category, serviceState, affectedUsers: 100 }), policy).priority).toBe('high');
      expect(triage(answers({ category, serviceState, affectedUsers: 1 }), policy).priority).toBe('high');
    }
  });

  it('explains a partial outage, degraded and intermittent service in plain words', () => {
    expect(triage(answers({ category: 'registration', affectedUsers: 1, totalUsers: 40 }), policy).reasons).toEqual([
      '1 of 40 users (2.5%) have phones that will not register: service down for fewer than 20% of users is high.',
    ]);
    expect(triage(answers({ serviceState: 'degraded', affectedUsers: 1, totalUsers: 3 }), policy).reasons).toEqual([
      'Service works, but badly, for 1 of 3 users (33.3%): degraded service is high.',
    ]);
    expect(triage(answers({ serviceState: 'intermittent' }), policy).reasons[0]).toMatch(
      /^Service fails on and off for 30 of 100 users \(30%\): an intermittent problem is high\.$/,
    );
  });

  it('uses the threshold of the policy', () => {
    const strict = { ...policy, thresholds: { criticalShare: 0.5 } };
    expect(triage(answers({ affectedUsers: 49 }), strict)).toEqual({
      priority: 'high',
      reasons: [
        '49 of 100 users (49%) cannot make or receive calls: service down for fewer than 50% of users is high.',
      ],
    });
    expect(triage(answers({ affectedUsers: 50 }), strict).priority).toBe('critical');
  });
});

describe('rule 5: one feature misbehaving is normal', () => {
  it.each(FEATURE)('%s is normal even when down for everyone', (category) => {
    const result = triage(answers({ category, affectedUsers: 100 }), policy);
    expect(result.priority).toBe('normal');
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatch(/does not stop calls: normal priority\.$/);
  });
});

describe('a working workaround', () => {
  it('lowers critical to high', () => {
    expect(triage(answers({ workaround: true }), policy)).toEqual({
      priority: 'high',
      reasons: [
        '30 of 100 users (30%) cannot make or receive calls: at least 20% with service down is critical.',
        'A workaround works for now, so critical is lowered to high.',
      ],
    });
  });

  it('lowers high to normal', () => {
    const result = triage(answers({ serviceState: 'degraded', workaround: true }), policy);
    expect(result.priority).toBe('normal');
    expect(result.reasons[1]).toBe('A workaround works for now, so high is lowered to normal.');
  });

  it('never lowers normal or low', () => {
    const normal = triage(answers({ category: 'voicemail', workaround: true }), policy);
    expect(normal.priority).toBe('normal');
    expect(normal.reasons).toHaveLength(1);
    const low = triage(answers({ category: 'question', workaround: true }), policy);
    expect(low.priority).toBe('low');
    expect(low.reasons).toHaveLength(1);
  });
});

describe('formatPercent', () => {
  it('shows whole percentages without decimals and never rounds up past a threshold', () => {
    expect(formatPercent(0.3)).toBe('30%');
    expect(formatPercent(0.2)).toBe('20%');
    expect(formatPercent(0.29)).toBe('29%');
    expect(formatPercent(1 / 3)).toBe('33.3%');
    expect(formatPercent(0.19999)).toBe('19.9%');
    expect(formatPercent(1)).toBe('100%');
  });
});

describe('isMoreUrgent', () => {
  it('orders critical > high > normal > low', () => {
    expect(isMoreUrgent('critical', 'high')).toBe(true);
    expect(isMoreUrgent('normal', 'low')).toBe(true);
    expect(isMoreUrgent('high', 'high')).toBe(false);
    expect(isMoreUrgent('low', 'normal')).toBe(false);
  });
});
