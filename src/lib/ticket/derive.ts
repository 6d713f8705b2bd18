// What the support policy makes of a ticket at a given moment: priority, reasons, due times, review flag.
import { DateTime } from 'luxon';
import type { Priority, SupportPolicy } from '../policy/schema.ts';
import { slaAt, type SlaDue } from '../sla/sla.ts';
import { isMoreUrgent, triage, type TriageAnswers } from '../triage/triage.ts';

export interface DerivedTicket extends SlaDue {
  /** When the ticket was filed, in the support team's time zone (ISO 8601 with offset). */
  submittedAt: string;
  /** The support team's time zone (the policy's), in which business hours are counted. */
  timeZone: string;
  priority: Priority;
  reasons: string[];
  /** The customer asked for a more urgent priority than the policy gives: a person should look. */
  needsPriorityReview: boolean;
}

export interface DerivableTicket extends TriageAnswers {
  customerUrgency?: { requested: Priority; reason: string } | undefined;
}

export function deriveTicket(ticket: DerivableTicket, policy: SupportPolicy, now: Date): DerivedTicket {
  // Whole seconds: due times read cleanly, and nobody promises a response to the millisecond.
  const filed = DateTime.fromMillis(Math.floor(now.getTime() / 1000) * 1000, { zone: policy.timeZone });
  const submittedAt = filed.toISO({ suppressMilliseconds: true })!;
  const { priority, reasons } = triage(ticket, policy);
  const requested = ticket.customerUrgency?.requested;
  return {
    submittedAt,
    timeZone: policy.timeZone,
    priority,
    reasons,
    ...slaAt(priority, filed, policy),
    needsPriorityReview: requested !== undefined && isMoreUrgent(requested, priority),
  };
}

/** The marker the on-call engineer watches for in titles. */
export const ON_CALL_MARKER = 'EMERGENCY';

/**
 * Critical always, and high after hours (high runs on the 24x7 clock, but outside business hours only the
 * emergency line pages anyone): the customer is told to call, and the title carries the on-call marker.
 */
export function needsOnCall(facts: Pick<DerivedTicket, 'priority' | 'afterHours'>): boolean {
  return facts.priority === 'critical' || (facts.priority === 'high' && facts.afterHours);
}
