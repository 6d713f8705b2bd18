// The ticket the form sends, from the draft as the inputs hold it (text): counts, yes/no, lists one per line and
// example call times read in the customer's zone. Loaded with the later steps (it needs luxon for the times).
import { DateTime } from 'luxon';
import { lines, type TicketDraft } from './draft.ts';
import { asksForDevice } from './form-rules.ts';

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
