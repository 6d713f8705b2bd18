// What subscribers receive: the e-mail for an event or a confirmation (plain text, with the RFC 8058 one-click
// unsubscribe headers), and the webhook bodies (Statuspage's payloads, or a Slack incoming-webhook message).
import { componentStatusLabels, updateStatusLabels } from '../status/labels.ts';
import type { NotifyEvent } from './events.ts';

export interface EmailMessage {
  subject: string;
  text: string;
  headers: Record<string, string>;
}

export interface SubscriberLinks {
  /** POST here unsubscribes in one click (List-Unsubscribe); a GET shows a button. */
  unsubscribeUrl: string;
  /** A page to choose the components (and maintenance) again. */
  manageUrl: string;
}

// The status page's own words: an update's status as labelled there, a component's status in lower case.
const STATUS_WORDS: Record<string, string> = {
  ...updateStatusLabels,
  ...Object.fromEntries(Object.entries(componentStatusLabels).map(([status, label]) => [status, label.toLowerCase()])),
};
const words = (status: string) => STATUS_WORDS[status] ?? status.replaceAll('_', ' ');

/** `2026-11-24 14:02 UTC`: mail clients show no time zone of ours, so say which one. */
export function mailTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The RFC 8058 pair: a mail client's "unsubscribe" button POSTs `List-Unsubscribe=One-Click` to the URL. */
export function unsubscribeHeaders(links: SubscriberLinks): Record<string, string> {
  return {
    'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

function footer(links: SubscriberLinks, scope: string, statusUrl: string): string {
  return [
    '--',
    `You receive this because you subscribed to ${scope} on ${statusUrl}.`,
    `Choose other components: ${links.manageUrl}`,
    `Unsubscribe: ${links.unsubscribeUrl}`,
  ].join('\n');
}

export function scopeWords(components: readonly string[], names: ReadonlyMap<string, string>): string {
  if (components.length === 0) return 'updates for every component';
  return `updates for ${components.map((id) => names.get(id) ?? id).join(', ')}`;
}

/** The e-mail for an incident or maintenance update, or a maintenance reminder at its start. */
export function eventEmail(event: NotifyEvent, links: SubscriberLinks, scope: string, statusUrl: string): EmailMessage {
  const { incident, update } = event;
  const heading =
    event.kind === 'maintenance-start'
      ? `Maintenance starting now: ${incident.name}`
      : `${incident.name}: ${words(update?.status ?? incident.status)}`;
  const lines = [heading, ''];
  if (event.kind === 'maintenance-start') {
    lines.push(
      `Scheduled from ${mailTime(incident.scheduled_for ?? event.at)} to ${mailTime(incident.scheduled_until ?? event.at)}.`,
    );
  } else if (update) {
    lines.push(`${words(update.status)} at ${mailTime(update.created_at)}`, '', update.body.trim());
  }
  const changes = update?.affected_components ?? [];
  const affected =
    event.kind !== 'maintenance-start' && changes.length > 0
      ? changes.map((c) => `- ${c.name}: ${words(c.new_status)}`)
      : incident.components.map((c) => `- ${c.name}`);
  if (affected.length > 0) lines.push('', 'Components:', ...affected);
  lines.push('', `Follow it on the status page: ${incident.shortlink}`, '', footer(links, scope, statusUrl));
  return {
    subject: `[${event.page.name}] ${heading}`,
    text: `${lines.join('\n')}\n`,
    headers: unsubscribeHeaders(links),
  };
}

/** Double opt-in: nothing else is sent until the link in this e-mail is followed. */
export function confirmationEmail(input: {
  pageName: string;
  statusUrl: string;
  confirmUrl: string;
  expiresAt: string;
  scope: string;
  links: SubscriberLinks;
}): EmailMessage {
  const text = [
    `Confirm your subscription to ${input.pageName}`,
    '',
    `Someone, probably you, asked to receive ${input.scope} from ${input.statusUrl} at this address.`,
    '',
    `Confirm: ${input.confirmUrl}`,
    '',
    `The link works until ${mailTime(input.expiresAt)}. If you did not ask, ignore this e-mail: you will get`,
    'nothing else from us.',
    '',
    footer(input.links, input.scope, input.statusUrl),
  ].join('\n');
  return {
    subject: `[${input.pageName}] Confirm your subscription`,
    text: `${text}\n`,
    headers: unsubscribeHeaders(input.links),
  };
}

/** `none` once resolved or completed; otherwise the incident's impact (maintenance says `maintenance`). */
function indicator(event: NotifyEvent): string {
  const { incident } = event;
  if (['resolved', 'completed', 'cancelled', 'postmortem'].includes(incident.status)) return 'none';
  return incident.impact;
}

const INDICATOR_WORDS: Record<string, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
  maintenance: 'Service Under Maintenance',
};

/**
 * Statuspage's webhook bodies: `{ meta, page, incident }` for an incident or maintenance update (and a
 * maintenance start), `{ meta, page, component_update, component }` for a component's change of status.
 */
export function statuspagePayload(event: NotifyEvent, documentationUrl: string): Record<string, unknown> {
  const status = indicator(event);
  const page = {
    id: event.page.id,
    status_indicator: status,
    status_description: INDICATOR_WORDS[status] ?? status,
  };
  const meta = { unsubscribe: null, documentation: documentationUrl, generated_at: event.at };
  if (event.kind === 'component-update' && event.change) {
    const { change } = event;
    const known = event.incident.components.find((c) => c.id === change.code);
    return {
      meta,
      page,
      component_update: {
        id: `${event.update?.id ?? event.incident.id}-${change.code}`,
        component_id: change.code,
        created_at: event.at,
        old_status: change.old_status,
        new_status: change.new_status,
      },
      component: { ...known, id: change.code, name: change.name, status: change.new_status },
    };
  }
  return { meta, page, incident: event.incident };
}

/** A Slack incoming-webhook message: one line of what happened, the update's text, a link. */
export function slackPayload(event: NotifyEvent): Record<string, unknown> {
  const { incident, update, change } = event;
  let title: string;
  if (event.kind === 'component-update' && change) {
    title = `${change.name} is ${words(change.new_status)} (${incident.name})`;
  } else if (event.kind === 'maintenance-start') {
    title = `Maintenance starting now: ${incident.name}`;
  } else title = `${incident.name}: ${words(update?.status ?? incident.status)}`;
  const body = event.kind === 'component-update' ? '' : (update?.body.trim() ?? '');
  const text = `*<${incident.shortlink}|${escapeSlack(title)}>*${body ? `\n${escapeSlack(body)}` : ''}`;
  return { text, unfurl_links: false };
}

/** Slack reads `&`, `<` and `>` as markup: escape them so an update's text cannot ping or link. */
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
