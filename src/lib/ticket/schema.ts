// The ticket a customer files: one schema for the form and for POST /api/tickets.
import { isTimeZone } from '../time-zone.ts';
import { z } from 'zod';
import { PRIORITIES } from '../policy/schema.ts';
import { checkAffectedUsers, impactShape, isoInstant } from '../triage/answers.ts';
import { ARTICLE_ID_PATTERN, asksForDevice } from './form-rules.ts';

/** Digits of a phone number, so "+1 (212) 555-0100" and "212.555.0100" compare equal. */
function phoneDigits(number: string): string {
  return number.replace(/\D/g, '');
}

/** The same line if the digits match, or one ends with the other (a country code left out), for 7+ digits. */
export function isSameNumber(a: string, b: string): boolean {
  const [x, y] = [phoneDigits(a), phoneDigits(b)];
  if (x === y) return x.length > 0;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.endsWith(short);
}

const PHONE = /^\+?[\d ().-]*\d[\d ().-]*(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;

/**
 * Control characters (C0 but tab and line breaks, DEL, C1) and invisible format characters (zero-width spaces and
 * joiners, direction marks and overrides, word joiner, byte-order mark, soft hyphen): they hide or disguise text
 * and would let a blank subject pass a length check.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE, '');
}

const text = (min: number, max: number, what: string) =>
  z
    .string({ error: `must be text: ${what}` })
    .overwrite(stripInvisible)
    .trim()
    .min(min, {
      error: min === 1 ? `must not be empty: ${what}` : `must be at least ${min} characters: ${what}`,
    })
    .max(max, { error: `must be at most ${max} characters` });

const phoneNumber = (what: string) =>
  z
    .string({ error: `must be a phone number or extension: ${what}` })
    .trim()
    .max(40, { error: 'must be at most 40 characters' })
    .regex(PHONE, {
      error: `must be a phone number or extension such as "+1 212 555 0100" or "101": ${what}`,
    });

const httpLink = z
  .string({ error: 'must be a link starting with https:// or http://' })
  .trim()
  .max(2000, { error: 'must be at most 2000 characters' })
  .pipe(z.url({ protocol: /^https?$/, error: 'must be a link starting with https:// or http://' }));

const exampleCallSchema = z.object({
  time: isoInstant,
  from: text(1, 80, 'the number or extension that placed the call'),
  to: text(1, 80, 'the number or extension that was called'),
  callId: text(1, 256, 'the call ID, if you have it').optional(),
});

const contactSchema = z.object(
  {
    name: text(1, 120, 'your name'),
    email: z
      .string({ error: 'must be an e-mail address such as you@example.com' })
      .trim()
      .max(254, { error: 'must be at most 254 characters' })
      .pipe(z.email({ error: 'must be an e-mail address such as you@example.com' })),
    callbackNumber: phoneNumber('a number we can call you back on'),
    company: text(1, 160, 'your company or account name'),
    account: text(1, 60, 'your account number').optional(),
  },
  { error: 'must give your name, e-mail, a callback number and your company' },
);

const customerUrgencySchema = z.object({
  requested: z.enum(PRIORITIES, { error: `must be one of: ${PRIORITIES.join(', ')}` }),
  reason: text(10, 1000, 'why it is more urgent than that'),
});

const { category, ...impactQuestions } = impactShape;

/** Fields of the ticket, in form order. The impact answers come from triage. */
export const ticketShape = {
  category,
  subject: text(3, 150, 'a short summary, e.g. "Front desk phone shows No Service"'),
  fromArticle: z
    .string({ error: 'must be an article id like "registration/phone-wont-register"' })
    .regex(ARTICLE_ID_PATTERN, {
      error: 'must be an article id like "registration/phone-wont-register"',
    })
    .optional(),
  ...impactQuestions,
  description: text(10, 5000, 'what happens, since when, and what you expected'),
  affectedNumbers: z
    .array(phoneNumber('an affected number or extension'), {
      error: 'must be a list of numbers or extensions',
    })
    .max(50, { error: 'must list at most 50 numbers; describe the rest in the description' })
    .default([]),
  exampleCalls: z
    .array(exampleCallSchema, { error: 'must be a list of example calls' })
    .max(5, { error: 'must list at most 5 example calls' })
    .default([]),
  device: z
    .object({
      make: text(1, 80, 'the phone maker, e.g. Yealink'),
      model: text(1, 80, 'the model, e.g. T54W'),
    })
    .optional(),
  stepsTried: z
    .array(text(1, 300, 'a step you already tried'), { error: 'must be a list of steps' })
    .max(20, { error: 'must list at most 20 steps' })
    .default([]),
  links: z
    .array(httpLink, { error: 'must be a list of links' })
    .max(10, { error: 'must list at most 10 links' })
    .default([]),
  contact: contactSchema,
  customerTimeZone: z
    .string({ error: 'must be an IANA time zone such as "America/Chicago"' })
    .refine(isTimeZone, {
      error: 'must be an IANA time zone such as "America/Chicago"',
    })
    .optional(),
  customerUrgency: customerUrgencySchema.optional(),
  idempotencyKey: z
    .string({ error: 'must be the random key the form generates (a UUID)' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{15,63}$/, {
      error: 'must be 16-64 letters, digits, "-" or "_" (a UUID)',
    }),
  /** Honeypot: hidden from people, filled in by bots. */
  website: z.string({ error: 'must be left empty' }).max(0, { error: 'must be left empty' }).optional(),
};

export type TicketField = keyof typeof ticketShape;

export { asksForDevice };

interface CrossFieldRule {
  fields: TicketField[];
  /** Method syntax on purpose: each rule declares only the fields it reads. */
  check(ticket: object, ctx: z.RefinementCtx): void;
}

/** Rules across fields; each runs once the fields it reads are valid, so the form can check them per step. */
export const CROSS_FIELD_RULES: CrossFieldRule[] = [
  { fields: ['serviceState', 'affectedUsers', 'totalUsers'], check: checkAffectedUsers },
  {
    fields: ['category', 'device'],
    check: (ticket: { category: string; device?: unknown }, ctx) => {
      if (asksForDevice(ticket.category) && ticket.device === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['device'],
          message: "is needed for a phone that won't register: give the make and model, e.g. Yealink T54W",
        });
      }
    },
  },
  {
    fields: ['affectedNumbers', 'contact'],
    check: (ticket: { affectedNumbers: string[]; contact: { callbackNumber: string } }, ctx) => {
      const broken = ticket.affectedNumbers.find((n) => isSameNumber(n, ticket.contact.callbackNumber));
      if (broken !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['contact', 'callbackNumber'],
          message: `must be a number that works: ${broken} is one of the affected numbers`,
        });
      }
    },
  },
];

export function withCrossFieldRules<T extends z.ZodObject>(schema: T, rules: CrossFieldRule[]): T {
  let refined = schema;
  for (const rule of rules) {
    const needed = z.object(Object.fromEntries(rule.fields.map((f) => [f, ticketShape[f]])));
    refined = refined.superRefine(rule.check, { when: (payload) => needed.safeParse(payload.value).success });
  }
  return refined;
}

export const ticketSchema = withCrossFieldRules(
  z.object(ticketShape, { error: 'must be a JSON object: the ticket' }),
  CROSS_FIELD_RULES,
);

export type Ticket = z.output<typeof ticketSchema>;
export type TicketInput = z.input<typeof ticketSchema>;
