import { describe, expect, it } from 'vitest';
import { readableFieldErrors } from '../../../src/lib/policy/index.ts';
import { answersSchema, CATEGORIES, categoryLabel } from '../../../src/lib/triage/index.ts';
import { answers } from '../../fixtures/ticket/answers.ts';

function errorsOf(input: unknown): string[] {
  const result = answersSchema.safeParse(input);
  return result.success ? [] : readableFieldErrors(result.error, input).map((e) => `${e.path}: ${e.message}`);
}

describe('answersSchema', () => {
  it('accepts valid answers, with a numeric offset or Z', () => {
    expect(errorsOf(answers())).toEqual([]);
    expect(errorsOf(answers({ submittedAt: '2026-11-24T15:00Z' }))).toEqual([]);
    expect(errorsOf(answers({ submittedAt: '2026-11-24T15:00:00.250+05:30' }))).toEqual([]);
  });

  it('accepts 0 affected users only when service is not affected', () => {
    expect(errorsOf(answers({ serviceState: 'not-affected', affectedUsers: 0 }))).toEqual([]);
    expect(errorsOf(answers({ serviceState: 'degraded', affectedUsers: 0 }))).toEqual([
      'affectedUsers: must be at least 1 when serviceState is "degraded" (use "not-affected" if nobody\'s calls are affected)',
    ]);
  });

  it('rejects more affected users than users', () => {
    expect(errorsOf(answers({ affectedUsers: 101, totalUsers: 100 }))).toEqual([
      'affectedUsers: must not be more than totalUsers (100)',
    ]);
    expect(errorsOf(answers({ affectedUsers: 100, totalUsers: 100 }))).toEqual([]);
  });

  it('reports the count rule even when another field is wrong too', () => {
    expect(errorsOf({ ...answers({ affectedUsers: 5, totalUsers: 2 }), category: 'phones' })).toEqual([
      expect.stringMatching(/^category: must be one of: outage, /),
      'affectedUsers: must not be more than totalUsers (2)',
    ]);
  });

  it('rejects unknown enum values', () => {
    expect(errorsOf(answers({ serviceState: 'broken' as never }))).toEqual([
      'serviceState: must be one of: down, degraded, intermittent, not-affected',
    ]);
  });

  it.each([
    'category',
    'serviceState',
    'affectedUsers',
    'totalUsers',
    'previouslyWorking',
    'workaround',
    'submittedAt',
  ])('names the missing field %s', (field) => {
    const input: Record<string, unknown> = answers({ serviceState: 'not-affected', affectedUsers: 0 });
    delete input[field];
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${field}: is missing`));
  });

  it('rejects fractions, zero users, strings for booleans and a time without offset', () => {
    expect(
      errorsOf({
        ...answers(),
        affectedUsers: 1.5,
        totalUsers: 0,
        workaround: 'yes',
        submittedAt: '2026-11-24T10:00:00',
      }),
    ).toEqual([
      'affectedUsers: must be a whole number of users (0 or more)',
      'totalUsers: must be at least 1',
      'workaround: must be true (a workaround works for now) or false',
      'submittedAt: must be an ISO 8601 date-time with an offset, e.g. "2026-11-24T14:05:00-05:00" or "...Z"',
    ]);
  });

  it('rejects something that is not an object', () => {
    expect(errorsOf([])).toEqual([': must be a JSON object of triage answers']);
  });
});

describe('CATEGORIES', () => {
  it('has a customer-facing label for each of the 17 categories', () => {
    expect(CATEGORIES).toHaveLength(17);
    expect(categoryLabel('registration')).toBe("My phone won't register");
    expect(new Set(CATEGORIES.map((c) => c.label)).size).toBe(17);
  });
});
