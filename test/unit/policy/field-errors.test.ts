import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { readableFieldErrors } from '../../../src/lib/policy/field-errors.ts';
import { supportPolicySchema } from '../../../src/lib/policy/schema.ts';
import { ticketSchema } from '../../../src/lib/ticket/schema.ts';

function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : readableFieldErrors(result.error, input);
}

// Absent or mistyped fields, nested as deep as the schemas go.
const cases: Array<[string, z.ZodType, unknown]> = [
  ['an empty policy', supportPolicySchema, {}],
  [
    'a policy with empty groups',
    supportPolicySchema,
    {
      timeZone: 7,
      businessHours: { monday: [[]], tuesday: [null] },
      holidays: [null],
      severities: { critical: {}, high: {}, normal: {}, low: {} },
      contacts: { emergencyInstructions: [null] },
      thresholds: {},
    },
  ],
  ['an empty ticket', ticketSchema, {}],
  [
    'a ticket with empty groups',
    ticketSchema,
    {
      fromArticle: 1,
      customerTimeZone: 1,
      website: 1,
      contact: {},
      device: {},
      exampleCalls: [{}],
      customerUrgency: {},
      affectedNumbers: [null],
      stepsTried: [null],
      links: [null],
    },
  ],
];

describe('readableFieldErrors', () => {
  it.each(cases)('says what each field of %s must be, never zod default wording', (_, schema, input) => {
    const errors = errorsOf(schema, input);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => /invalid input|expected \w+, received/i.test(e.message))).toEqual([]);
  });

  it('marks absent fields as data, and only those', () => {
    const errors = errorsOf(supportPolicySchema, { timeZone: 'Mars/Olympus' });
    expect(errors.find((e) => e.path === 'contacts')).toMatchObject({ missing: true, message: /^is missing: it / });
    expect(errors.find((e) => e.path === 'timeZone')).not.toHaveProperty('missing');
  });
});
