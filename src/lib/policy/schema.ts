// The support policy as data: what content/support-policy.json may contain, checked field by field.
import { DateTime } from 'luxon';
import { isTimeZone } from '../time-zone.ts';
import { z } from 'zod';

export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Index 0 is Monday, as luxon's `weekday - 1`. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since local midnight of an `HH:MM` wall-clock time (`24:00` is 1440, the end of the day). */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const wallClock = z
  .string({ error: 'must be a 24-hour time "HH:MM" such as "09:00"' })
  .regex(HH_MM, { error: 'must be a 24-hour time "HH:MM" such as "09:00"', abort: true });

const openingSpan = z
  .tuple([wallClock, wallClock], {
    error: 'must be a pair ["HH:MM", "HH:MM"] of opening and closing time',
  })
  .refine(([open, close]) => minutesOfDay(open) < minutesOfDay(close) && open !== '24:00', {
    error: 'the closing time must be after the opening time on the same day (use "24:00" for midnight)',
  });

/** Spans of one weekday: each opens after the previous one closed. */
const daySpans = z
  .array(openingSpan, {
    error: 'must be a list of ["HH:MM", "HH:MM"] spans ([] when closed all day)',
  })
  .superRefine((spans, ctx) => {
    for (let i = 1; i < spans.length; i++) {
      const previous = spans[i - 1]!;
      const current = spans[i]!;
      if (minutesOfDay(current[0]) < minutesOfDay(previous[1])) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `must open at or after ${previous[1]}, when span [${i - 1}] closes; list spans in order without overlap`,
        });
      }
    }
  });

const businessHours = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, daySpans])) as Record<Weekday, typeof daySpans>,
  {
    error: 'must list every weekday, monday to sunday, each with its opening spans',
  },
);

const holiday = z
  .string({ error: 'must be a date "YYYY-MM-DD"' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date "YYYY-MM-DD"', abort: true })
  .refine((date) => DateTime.fromISO(date).isValid, {
    error: 'is not a real calendar date',
  });

const minutes = z.int({ error: 'must be a whole number of minutes' }).positive({ error: 'must be at least 1 minute' });

const updateEvery = z
  .int({ error: 'must be a whole number of minutes' })
  .positive({ error: 'must be at least 1 minute' })
  .max(1440, { error: 'must be at most 1440 minutes (a day): customers wait for the next update' });

const severity = z
  .strictObject({
    firstResponseMinutes: minutes,
    resolutionMinutes: z
      .int({
        error: 'must be a whole number of minutes, or null for best effort',
      })
      .positive({
        error: 'must be at least 1 minute (or null for best effort)',
      })
      .nullable()
      .meta({ description: 'null means best effort (no resolution target)' }),
    clock: z.enum(['24x7', 'business'], {
      error: 'must be "24x7" (calendar minutes) or "business" (minutes inside business hours only)',
    }),
  })
  .refine((s) => s.resolutionMinutes === null || s.resolutionMinutes >= s.firstResponseMinutes, {
    path: ['resolutionMinutes'],
    error: 'must not be shorter than firstResponseMinutes',
  });

const emergencySteps = 'must list at least one step to take in an after-hours emergency';
const supportHours = 'must say the support hours in words, e.g. "Mon-Fri 09:00-19:00 ET"';

const contacts = z.strictObject(
  {
    emergencyPhone: z
      .string({ error: 'must be the phone number of the after-hours emergency line' })
      .trim()
      .min(3, { error: 'must be the phone number of the after-hours emergency line' }),
    emergencyInstructions: z
      .array(z.string({ error: 'must be a step in words' }).trim().min(1, { error: 'must not be empty' }), {
        error: emergencySteps,
      })
      .min(1, { error: emergencySteps }),
    supportEmail: z.email({
      error: 'must be an e-mail address such as support@example.com',
    }),
    hours: z.string({ error: supportHours }).trim().min(1, { error: supportHours }),
  },
  { error: 'must give the emergencyPhone, emergencyInstructions, supportEmail and hours' },
);

export const supportPolicySchema = z
  .strictObject({
    $schema: z.string().optional(),
    timeZone: z
      .string({ error: 'must be an IANA time zone name such as "America/New_York"' })
      .refine(isTimeZone, {
        error: 'must be an IANA time zone name such as "America/New_York"',
      })
      .meta({
        description: 'IANA time zone of the support team: business hours and holidays are in it',
      }),
    businessHours: businessHours.meta({
      description: 'opening spans per weekday, e.g. [["09:00", "19:00"]]; [] = closed all day',
    }),
    holidays: z
      .array(holiday, { error: 'must be a list of "YYYY-MM-DD" dates' })
      .meta({ description: 'whole days closed, in timeZone' }),
    severities: z
      .strictObject(
        { critical: severity, high: severity, normal: severity, low: severity },
        { error: 'must define critical, high, normal and low' },
      )
      .meta({
        description: 'first response and resolution targets per priority',
      }),
    thresholds: z
      .strictObject({
        criticalShare: z
          .number({ error: 'must be a number between 0 and 1' })
          .gt(0, { error: 'must be more than 0' })
          .lte(1, { error: 'must be at most 1 (1 = all users)' })
          .default(0.2)
          .meta({
            description: 'share of users with service down that makes a ticket critical',
          }),
      })
      .prefault({}),
    incidentUpdates: z
      .strictObject(
        {
          critical: updateEvery.default(30),
          major: updateEvery.default(30),
          minor: updateEvery.default(60),
          none: updateEvery.default(120),
        },
        { error: 'must give minutes per incident impact: critical, major, minor, none' },
      )
      .prefault({})
      .meta({
        description:
          'minutes between status page updates of an unresolved incident, by impact: the page shows "Next update by", the build warns when one is overdue',
      }),
    contacts: contacts.meta({
      description: 'how customers reach support, shown on the ticket form',
    }),
  })
  .superRefine((policy, ctx) => {
    const usesBusinessClock = PRIORITIES.some((p) => policy.severities[p].clock === 'business');
    const opensSomeDay = WEEKDAYS.some((day) => policy.businessHours[day].length > 0);
    if (usesBusinessClock && !opensSomeDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['businessHours'],
        message: 'must open on at least one weekday, because a severity uses the "business" clock',
      });
    }
  });

export type SupportPolicy = z.output<typeof supportPolicySchema>;
export type SeverityTargets = SupportPolicy['severities'][Priority];
export type OpeningSpan = [string, string];
