// A ticket as a GitHub issue: title, labels and a safe Markdown body that stays within GitHub's limits.
import { formatInstantIn } from '../time-format.ts';
import { categoryLabel, SERVICE_STATES } from '../triage/categories.ts';
import { needsOnCall, ON_CALL_MARKER, type DerivedTicket } from './derive.ts';
import { escapeBlock, escapeInline, inertTitle, inlineCode } from './markdown-safety.ts';
import type { Ticket } from './schema.ts';

/** GitHub rejects issue bodies over 65,536 characters; keep a margin for multi-unit characters. */
export const MAX_ISSUE_BODY = 65_000;
const MAX_ISSUE_TITLE = 256;

export interface TicketFacts extends DerivedTicket {
  reference: string;
  /** Server-generated key hidden in the body, so a retry can find an issue it already created. */
  deliveryKey?: string;
}

export function deliveryMarker(deliveryKey: string): string {
  return `<!-- dialtone:key=${deliveryKey} -->`;
}

/** `EMERGENCY` leads the title of a ticket for the on-call engineer; every other title starts with the reference. */
export function ticketTitle(
  ticket: Pick<Ticket, 'subject'>,
  facts: Pick<TicketFacts, 'priority' | 'reference' | 'afterHours'>,
): string {
  const lead = needsOnCall(facts) ? `${ON_CALL_MARKER} ${facts.reference}` : facts.reference;
  return cutTitle(`${lead}: ${inertTitle(ticket.subject)}`);
}

/** At most MAX_ISSUE_TITLE code points, cut between whole characters (never half an emoji). */
function cutTitle(title: string): string {
  const points = Array.from(title);
  return points.length <= MAX_ISSUE_TITLE ? title : `${points.slice(0, MAX_ISSUE_TITLE - 1).join('')}…`;
}

export function ticketLabels(ticket: Pick<Ticket, 'category'>, facts: DerivedTicket): string[] {
  const labels = [`priority: ${facts.priority}`, `category: ${ticket.category}`];
  if (facts.needsPriorityReview) labels.push('needs-priority-review');
  return labels;
}

export function toMarkdown(ticket: Ticket, facts: TicketFacts): string {
  const when = (iso: string) => formatInstant(iso, facts.timeZone, ticket.customerTimeZone);
  const sections = [summary(ticket, facts, when), impact(ticket), details(ticket, when), contact(ticket)];
  const body = sections.flat().join('\n');
  const marker = facts.deliveryKey === undefined ? '' : `\n\n${deliveryMarker(facts.deliveryKey)}`;
  return `${withinLimit(body, MAX_ISSUE_BODY - marker.length, facts.reference)}${marker}\n`;
}

type FormatInstant = (iso: string) => string;

function summary(ticket: Ticket, facts: TicketFacts, when: FormatInstant): string[] {
  const lines = [
    `**Reference:** ${facts.reference}`,
    `**Priority:** ${facts.priority} (derived from the support policy)`,
    `**Filed:** ${when(facts.submittedAt)}${facts.afterHours ? ' (after hours)' : ''}`,
    `**First response due:** ${when(facts.firstResponseDue)}`,
    `**Resolution due:** ${facts.resolutionDue === null ? 'best effort' : when(facts.resolutionDue)}`,
    `**Clock:** ${facts.clock === '24x7' ? '24x7' : 'business hours'}`,
    '',
    '**Why this priority**',
    ...facts.reasons.map((reason) => `- ${escapeInline(reason)}`),
  ];
  if (ticket.customerUrgency) {
    const review = facts.needsPriorityReview ? ' (needs priority review)' : '';
    lines.push('', `**The customer asked for: ${ticket.customerUrgency.requested}**${review}`);
    lines.push(`> ${escapeInline(ticket.customerUrgency.reason)}`);
  }
  lines.push('', '### Subject', escapeInline(ticket.subject));
  return lines;
}

function impact(ticket: Ticket): string[] {
  const state = SERVICE_STATES.find((s) => s.id === ticket.serviceState)!;
  return [
    '',
    '### Impact',
    `- **Problem:** ${escapeInline(categoryLabel(ticket.category))} (${inlineCode(ticket.category)})`,
    `- **Service:** ${escapeInline(state.label)} (${inlineCode(state.id)})`,
    `- **Affected users:** ${ticket.affectedUsers} of ${ticket.totalUsers}`,
    `- **Used to work:** ${ticket.previouslyWorking ? 'yes' : 'no, never worked'}`,
    `- **Workaround:** ${ticket.workaround ? 'yes, one works for now' : 'no'}`,
  ];
}

function details(ticket: Ticket, when: FormatInstant): string[] {
  const lines = ['', '### Description', escapeBlock(ticket.description)];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) lines.push('', `### ${title}`, ...items);
  };
  section(
    'Affected numbers and extensions',
    ticket.affectedNumbers.map((n) => `- ${escapeInline(n)}`),
  );
  section(
    'Example calls',
    ticket.exampleCalls.map((call, i) => {
      const id = call.callId === undefined ? '' : `, call ID ${inlineCode(call.callId)}`;
      return `- Call ${i + 1}, ${when(call.time)}: from ${escapeInline(call.from)} to ${escapeInline(call.to)}${id}`;
    }),
  );
  if (ticket.device) section('Device', [`${escapeInline(ticket.device.make)} ${escapeInline(ticket.device.model)}`]);
  section(
    'Steps already tried',
    ticket.stepsTried.map((step) => `- ${escapeInline(step)}`),
  );
  if (ticket.fromArticle) lines.push('', `Came from the article ${inlineCode(ticket.fromArticle)}.`);
  // Links stay inert text: an autolinked GitHub URL would add a cross-reference to another issue.
  section(
    'Links',
    ticket.links.map((link) => `- ${inlineCode(link)}`),
  );
  return lines;
}

function contact(ticket: Ticket): string[] {
  const c = ticket.contact;
  const lines = [
    '',
    '### Contact',
    `- **Name:** ${escapeInline(c.name)}`,
    `- **E-mail:** ${inlineCode(c.email)}`,
    `- **Callback number:** ${escapeInline(c.callbackNumber)}`,
    `- **Company:** ${escapeInline(c.company)}`,
  ];
  if (c.account) lines.push(`- **Account:** ${escapeInline(c.account)}`);
  if (ticket.customerTimeZone) lines.push(`- **Time zone:** ${escapeInline(ticket.customerTimeZone)}`);
  return lines;
}

/** "2026-11-24 10:15 EST" in the support team's zone, plus the customer's local time when it differs. */
function formatInstant(iso: string, teamZone: string, customerZone: string | undefined): string {
  const team = formatInstantIn(iso, teamZone, 'compact');
  if (customerZone === undefined || customerZone === teamZone) return team;
  return `${team} (customer: ${formatInstantIn(iso, customerZone, 'compact')})`;
}

/**
 * Cuts an over-long body after a whole line and says so; the full ticket stays in the outbox. Cutting
 * inside a line could leave an inline code span open, and then its verbatim content would be live Markdown.
 */
function withinLimit(body: string, limit: number, reference: string): string {
  if (body.length <= limit) return body;
  const note = `\n\n_Truncated: the ticket is longer than a GitHub issue allows. The full text is stored under ${reference}._`;
  const cut = body.lastIndexOf('\n', limit - note.length);
  return `${body.slice(0, cut)}${note}`;
}
