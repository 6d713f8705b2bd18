// How a ticket's facts map onto each helpdesk's own fields: priorities, tags, and the webhook's JSON.
import type { Priority } from '../policy/schema.ts';
import type { DerivedTicket } from './derive.ts';
import { ticketTitle, type TicketFacts } from './markdown.ts';
import type { Ticket } from './schema.ts';

/** Zendesk's four priorities; ours are the same but for the name of the top one. */
export const ZENDESK_PRIORITY: Record<Priority, 'urgent' | 'high' | 'normal' | 'low'> = {
  critical: 'urgent',
  high: 'high',
  normal: 'normal',
  low: 'low',
};

/** Freshdesk numbers its priorities: 1 low, 2 medium, 3 high, 4 urgent. */
export const FRESHDESK_PRIORITY: Record<Priority, 1 | 2 | 3 | 4> = { low: 1, normal: 2, high: 3, critical: 4 };

/**
 * Tags in the form both Zendesk and Freshdesk keep as typed: lower case, no spaces (Zendesk splits a tag at a
 * space). `dialtone` marks where the ticket came from, so a view or an automation can pick these tickets out.
 */
export function helpdeskTags(ticket: Pick<Ticket, 'category'>, facts: Pick<DerivedTicket, 'needsPriorityReview'>) {
  const tags = ['dialtone', `category-${ticket.category}`];
  if (facts.needsPriorityReview) tags.push('needs-priority-review');
  return tags;
}

/** What a webhook receiver gets: our facts and the customer's answers, as data (the receiver escapes on display). */
export interface WebhookPayload {
  event: 'ticket.created';
  reference: string;
  title: string;
  priority: Priority;
  reasons: string[];
  needsPriorityReview: boolean;
  submittedAt: string;
  timeZone: string;
  afterHours: boolean;
  clock: DerivedTicket['clock'];
  firstResponseDue: string;
  resolutionDue: string | null;
  ticket: Omit<Ticket, 'idempotencyKey' | 'website'>;
}

export function webhookPayload(ticket: Ticket, facts: TicketFacts): WebhookPayload {
  // The browser's idempotency key and the honeypot are ours, not the receiver's: the reference identifies the ticket.
  const { idempotencyKey: _key, website: _honeypot, ...answers } = ticket;
  return {
    event: 'ticket.created',
    reference: facts.reference,
    title: ticketTitle(ticket, facts),
    priority: facts.priority,
    reasons: facts.reasons,
    needsPriorityReview: facts.needsPriorityReview,
    submittedAt: facts.submittedAt,
    timeZone: facts.timeZone,
    afterHours: facts.afterHours,
    clock: facts.clock,
    firstResponseDue: facts.firstResponseDue,
    resolutionDue: facts.resolutionDue,
    ticket: answers,
  };
}
