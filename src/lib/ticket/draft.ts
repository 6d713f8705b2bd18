// The form's draft: what the customer has typed so far, as the inputs hold it (text), kept in local storage
// between visits, and turned into the ticket the schema checks. Pure: the island does storage, clock and zone.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { categoryById } from '../articles/categories.ts';
import { PRIORITIES } from '../policy/schema.ts';
import { CATEGORY_IDS, SERVICE_STATE_IDS, type Category } from '../triage/categories.ts';
import { asksForDevice, ticketShape } from './schema.ts';

export const MAX_EXAMPLE_CALLS = 5;

const text = z.string().max(20_000).catch('');
function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(['', ...values] as const).catch('');
}

const exampleCallDraft = z.object({ time: text, from: text, to: text, callId: text });
export type ExampleCallDraft = z.output<typeof exampleCallDraft>;

/** Restoring is forgiving: a field that no longer fits (an old version, a hand edit) comes back empty. */
const ticketDraftSchema = z.object({
  idempotencyKey: ticketShape.idempotencyKey,
  step: z.int().min(0).max(4).catch(0),
  category: choice(CATEGORY_IDS),
  subject: text,
  fromArticle: text,
  serviceState: choice(SERVICE_STATE_IDS),
  affectedUsers: text,
  totalUsers: text,
  previouslyWorking: choice(['yes', 'no']),
  workaround: choice(['yes', 'no']),
  description: text,
  /** One number or extension per line. */
  affectedNumbers: text,
  exampleCalls: z.array(exampleCallDraft).max(MAX_EXAMPLE_CALLS).catch([]),
  device: z.object({ make: text, model: text }).catch({ make: '', model: '' }),
  /** One step per line. */
  stepsTried: text,
  /** One link per line. */
  links: text,
  contact: z
    .object({ name: text, email: text, callbackNumber: text, company: text, account: text })
    .catch({ name: '', email: '', callbackNumber: '', company: '', account: '' }),
  moreUrgent: z.boolean().catch(false),
  requestedPriority: choice(PRIORITIES),
  urgencyReason: text,
});

export type TicketDraft = z.output<typeof ticketDraftSchema>;

export function newDraft(idempotencyKey: string): TicketDraft {
  return ticketDraftSchema.parse({ idempotencyKey });
}

/** Nothing answered yet: a visit that typed nothing leaves nothing worth "restoring". */
export function isBlankDraft(draft: TicketDraft): boolean {
  return JSON.stringify({ ...draft, step: 0 }) === JSON.stringify(newDraft(draft.idempotencyKey));
}

/** The draft saved earlier, or undefined when there is none or it cannot be read. */
export function restoreDraft(saved: string | null): TicketDraft | undefined {
  if (!saved) return undefined;
  try {
    const result = ticketDraftSchema.safeParse(JSON.parse(saved));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

export function emptyExampleCall(): ExampleCallDraft {
  return { time: '', from: '', to: '', callId: '' };
}

export interface Prefill {
  category?: Category;
  fromArticle?: string;
  subject?: string;
  stepsTried?: string[];
}

/**
 * What a playbook, the troubleshooter or a search sent along (`ticketFormUrl`): `category` is a ticket category
 * or a knowledge-base category, `article` an article id, `tried` the steps already tried. Anything invalid is
 * left out rather than shown as an error the customer did not make.
 */
export function prefillFromQuery(params: URLSearchParams): Prefill {
  const prefill: Prefill = {};
  const category = params.get('category') ?? '';
  const ticketCategory = (CATEGORY_IDS as readonly string[]).includes(category)
    ? category
    : categoryById(category)?.ticketCategory;
  if (ticketCategory) prefill.category = ticketCategory as Category;
  const article = params.get('article') ?? '';
  if (ticketShape.fromArticle.safeParse(article).success && article) prefill.fromArticle = article;
  const subject = (params.get('subject') ?? '').trim();
  if (subject) prefill.subject = subject.slice(0, 150);
  const tried = params
    .getAll('tried')
    .map((step) => step.trim().slice(0, 300))
    .filter(Boolean);
  if (tried.length > 0) prefill.stepsTried = [...new Set(tried)].slice(0, 20);
  return prefill;
}

/** Fills what the customer has not answered yet; steps already tried are added to theirs. */
export function applyPrefill(draft: TicketDraft, prefill: Prefill): TicketDraft {
  const steps = lines(draft.stepsTried);
  const newSteps = (prefill.stepsTried ?? []).filter((step) => !steps.includes(step));
  return {
    ...draft,
    category: draft.category || prefill.category || '',
    fromArticle: draft.fromArticle || prefill.fromArticle || '',
    subject: draft.subject || prefill.subject || '',
    stepsTried: [...steps, ...newSteps].join('\n'),
  };
}

/** Non-empty lines, trimmed: lists typed one per line. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A typed count: a number when it looks like one, else the text, so the schema says what is wrong with it. */
function count(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function yesNo(value: '' | 'yes' | 'no'): boolean | undefined {
  return value === '' ? undefined : value === 'yes';
}

/** `datetime-local` input (wall clock in the customer's zone) -> ISO 8601 with offset; '' when not a time. */
export function localTimeToInstant(value: string, timeZone: string): string {
  if (!value) return '';
  const time = DateTime.fromISO(value, { zone: timeZone });
  return time.isValid ? time.toISO({ suppressMilliseconds: true, includeOffset: true })! : '';
}

export interface DraftContext {
  /** The customer's IANA time zone (the browser's). */
  timeZone: string;
  /** The honeypot's value: empty for people. */
  website: string;
}

/** The ticket the form sends: the same shape POST /api/tickets and ticketSchema expect. */
export function draftToTicket(draft: TicketDraft, context: DraftContext): Record<string, unknown> {
  const optional = (value: string) => value.trim() || undefined;
  const device = asksForDevice(draft.category) && (draft.device.make || draft.device.model);
  return {
    category: draft.category || undefined,
    subject: draft.subject,
    fromArticle: optional(draft.fromArticle),
    serviceState: draft.serviceState || undefined,
    affectedUsers: count(draft.affectedUsers),
    totalUsers: count(draft.totalUsers),
    previouslyWorking: yesNo(draft.previouslyWorking),
    workaround: yesNo(draft.workaround),
    description: draft.description,
    affectedNumbers: lines(draft.affectedNumbers),
    exampleCalls: draft.exampleCalls.map((call) => ({
      time: localTimeToInstant(call.time, context.timeZone),
      from: call.from,
      to: call.to,
      callId: optional(call.callId),
    })),
    device: device ? draft.device : undefined,
    stepsTried: lines(draft.stepsTried),
    links: lines(draft.links),
    contact: { ...draft.contact, account: optional(draft.contact.account) },
    customerTimeZone: context.timeZone,
    customerUrgency: draft.moreUrgent
      ? { requested: draft.requestedPriority || undefined, reason: draft.urgencyReason }
      : undefined,
    idempotencyKey: draft.idempotencyKey,
    website: context.website,
  };
}
