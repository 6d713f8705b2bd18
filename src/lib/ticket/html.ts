// A ticket as the HTML body of a Zendesk comment or a Freshdesk description: every customer character escaped,
// and the few tags we use written by us, so customer text cannot inject markup, load a remote image or mention.
import { formatInstantIn } from '../time-format.ts';
import { categoryLabel, SERVICE_STATES } from '../triage/categories.ts';
import type { TicketFacts } from './markdown.ts';
import type { Ticket } from './schema.ts';

/** Zendesk caps a comment near 64 KB; Freshdesk has no documented cap: keep one margin for both. */
export const MAX_HTML_BODY = 60_000;

const ZWSP = '\u200b';
/** Control characters (except tab and newline) and bidi overrides that could disguise text. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** The five characters that are markup in HTML text or attributes, as entities. */
function escapeMarkup(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * One line of customer text as HTML text: markup escaped, and a zero-width space after `@` (mentions) and inside
 * `://` and `www.`, which helpdesk editors and e-mail clients turn into live links.
 */
export function htmlText(text: string): string {
  return escapeMarkup(text.replace(INVISIBLE, '').replace(/[\r\n]+/g, ' '))
    .replace(/@/g, `@${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

/** Multi-line customer text: paragraphs at blank lines, line breaks kept within them. */
export function htmlBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => htmlText(line).trim())
        .filter((line) => line !== '')
        .join('<br>\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
}

/** A value shown verbatim (an e-mail address, a link, a call ID): escaped, in <code>, never a live link. */
export function htmlCode(value: string): string {
  return `<code>${escapeMarkup(value.replace(INVISIBLE, '').replace(/[\r\n]+/g, ' '))}</code>`;
}

export function toHtml(ticket: Ticket, facts: TicketFacts): string {
  const when = (iso: string) => formatInstant(iso, facts.timeZone, ticket.customerTimeZone);
  const blocks = [...summary(ticket, facts, when), ...impact(ticket), ...details(ticket, when), ...contact(ticket)];
  return withinLimit(blocks, facts.reference);
}

type FormatInstant = (iso: string) => string;

const field = (label: string, valueHtml: string) => `<strong>${label}:</strong> ${valueHtml}`;
const list = (items: string[]) => `<ul>\n${items.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>`;
const heading = (title: string) => `<h3>${title}</h3>`;

function summary(ticket: Ticket, facts: TicketFacts, when: FormatInstant): string[] {
  const lines = [
    field('Reference', escapeMarkup(facts.reference)),
    field('Priority', `${facts.priority} (derived from the support policy)`),
    field('Filed', `${htmlText(when(facts.submittedAt))}${facts.afterHours ? ' (after hours)' : ''}`),
    field('First response due', htmlText(when(facts.firstResponseDue))),
    field('Resolution due', facts.resolutionDue === null ? 'best effort' : htmlText(when(facts.resolutionDue))),
    field('Clock', facts.clock === '24x7' ? '24x7' : 'business hours'),
  ];
  const blocks = [
    `<p>${lines.join('<br>\n')}</p>`,
    '<p><strong>Why this priority</strong></p>',
    list(facts.reasons.map(htmlText)),
  ];
  if (ticket.customerUrgency) {
    const review = facts.needsPriorityReview ? ' (needs priority review)' : '';
    blocks.push(`<p><strong>The customer asked for: ${ticket.customerUrgency.requested}</strong>${review}</p>`);
    blocks.push(`<blockquote>${htmlText(ticket.customerUrgency.reason)}</blockquote>`);
  }
  blocks.push(heading('Subject'), `<p>${htmlText(ticket.subject)}</p>`);
  return blocks;
}

function impact(ticket: Ticket): string[] {
  const state = SERVICE_STATES.find((s) => s.id === ticket.serviceState)!;
  return [
    heading('Impact'),
    list([
      field('Problem', `${htmlText(categoryLabel(ticket.category))} (${htmlCode(ticket.category)})`),
      field('Service', `${htmlText(state.label)} (${htmlCode(state.id)})`),
      field('Affected users', `${ticket.affectedUsers} of ${ticket.totalUsers}`),
      field('Used to work', ticket.previouslyWorking ? 'yes' : 'no, never worked'),
      field('Workaround', ticket.workaround ? 'yes, one works for now' : 'no'),
    ]),
  ];
}

function details(ticket: Ticket, when: FormatInstant): string[] {
  const blocks = [heading('Description'), htmlBlock(ticket.description)];
  const section = (title: string, items: string[]) => {
    if (items.length > 0) blocks.push(heading(title), list(items));
  };
  section('Affected numbers and extensions', ticket.affectedNumbers.map(htmlText));
  section(
    'Example calls',
    ticket.exampleCalls.map((call, i) => {
      const id = call.callId === undefined ? '' : `, call ID ${htmlCode(call.callId)}`;
      return `Call ${i + 1}, ${htmlText(when(call.time))}: from ${htmlText(call.from)} to ${htmlText(call.to)}${id}`;
    }),
  );
  if (ticket.device) section('Device', [`${htmlText(ticket.device.make)} ${htmlText(ticket.device.model)}`]);
  section('Steps already tried', ticket.stepsTried.map(htmlText));
  if (ticket.fromArticle) blocks.push(`<p>Came from the article ${htmlCode(ticket.fromArticle)}.</p>`);
  // Links stay text in <code>: an anchor would invite a click on whatever the customer pasted.
  section('Links', ticket.links.map(htmlCode));
  return blocks;
}

function contact(ticket: Ticket): string[] {
  const c = ticket.contact;
  const items = [
    field('Name', htmlText(c.name)),
    field('E-mail', htmlCode(c.email)),
    field('Callback number', htmlText(c.callbackNumber)),
    field('Company', htmlText(c.company)),
  ];
  if (c.account) items.push(field('Account', htmlText(c.account)));
  if (ticket.customerTimeZone) items.push(field('Time zone', htmlText(ticket.customerTimeZone)));
  return [heading('Contact'), list(items)];
}

function formatInstant(iso: string, teamZone: string, customerZone: string | undefined): string {
  const team = formatInstantIn(iso, teamZone, 'compact');
  if (customerZone === undefined || customerZone === teamZone) return team;
  return `${team} (customer: ${formatInstantIn(iso, customerZone, 'compact')})`;
}

/** Whole blocks only, so a cut never leaves an element open; the full ticket stays in the outbox. */
function withinLimit(blocks: string[], reference: string): string {
  const note = `<p><em>Truncated: the ticket is longer than the helpdesk allows. The full text is stored under ${escapeMarkup(reference)}.</em></p>`;
  const kept: string[] = [];
  let length = 0;
  for (const block of blocks) {
    if (length + block.length + 1 > MAX_HTML_BODY - note.length - 1) return [...kept, note].join('\n');
    kept.push(block);
    length += block.length + 1;
  }
  return kept.join('\n');
}
