// The triage answers: what a customer tells us about impact, checked field by field.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { CATEGORY_IDS, SERVICE_STATE_IDS } from './categories.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** An ISO 8601 instant that carries its offset (`Z` or `-05:00`), so it names one moment. */
export const isoInstant = z
  .string({
    error: 'must be an ISO 8601 date-time with an offset, e.g. "2026-11-24T14:05:00-05:00"',
  })
  .refine((value) => ISO_WITH_OFFSET.test(value) && DateTime.fromISO(value, { setZone: true }).isValid, {
    error: 'must be an ISO 8601 date-time with an offset, e.g. "2026-11-24T14:05:00-05:00" or "...Z"',
  });

/** The impact questions of the ticket form (the answers without the submission time). */
export const impactShape = {
  category: z.enum(CATEGORY_IDS, {
    error: `must be one of: ${CATEGORY_IDS.join(', ')}`,
  }),
  serviceState: z.enum(SERVICE_STATE_IDS, {
    error: `must be one of: ${SERVICE_STATE_IDS.join(', ')}`,
  }),
  affectedUsers: z.int({ error: 'must be a whole number of users (0 or more)' }).min(0, { error: 'must be 0 or more' }),
  totalUsers: z
    .int({
      error: 'must be the whole number of users on the account (1 or more)',
    })
    .min(1, { error: 'must be at least 1' }),
  previouslyWorking: z.boolean({
    error: 'must be true (it used to work) or false (it never worked)',
  }),
  workaround: z.boolean({
    error: 'must be true (a workaround works for now) or false',
  }),
};

interface ImpactCounts {
  serviceState: string;
  affectedUsers: number;
  totalUsers: number;
}

/** The cross-field rules, shared by the answers and the ticket schemas. */
export function checkAffectedUsers(value: ImpactCounts, ctx: z.RefinementCtx): void {
  if (value.affectedUsers > value.totalUsers) {
    ctx.addIssue({
      code: 'custom',
      path: ['affectedUsers'],
      message: `must not be more than totalUsers (${value.totalUsers})`,
    });
  }
  if (value.affectedUsers === 0 && value.serviceState !== 'not-affected') {
    ctx.addIssue({
      code: 'custom',
      path: ['affectedUsers'],
      message: `must be at least 1 when serviceState is "${value.serviceState}" (use "not-affected" if nobody's calls are affected)`,
    });
  }
}

const impactCounts = z.object({
  serviceState: impactShape.serviceState,
  affectedUsers: impactShape.affectedUsers,
  totalUsers: impactShape.totalUsers,
});

/** Runs the cross-field rule as soon as the three fields it reads are valid, even if others are not. */
const whenImpactCountsValid = {
  when: (payload: { value: unknown }) => impactCounts.safeParse(payload.value).success,
};

export const answersSchema = z
  .object({ ...impactShape, submittedAt: isoInstant }, { error: 'must be a JSON object of triage answers' })
  .superRefine(checkAffectedUsers, whenImpactCountsValid);

export type Answers = z.output<typeof answersSchema>;
