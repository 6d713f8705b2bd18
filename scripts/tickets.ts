// The local inbox: lists tickets in the outbox with priority, due times and delivery state.
//   npm run tickets [-- --json] [--state pending|sending|delivered|failed] [--outbox FILE|postgres://URL]
//   npm run tickets -- --show DT-20261124-7F3K9 [--json]
//   npm run tickets -- --retry DT-20261124-7F3K9      (try a failed delivery, or one whose lease expired, now)
//   npm run tickets -- --check-helpdesk               (one read-only call to the configured helpdesk)
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatInstantIn } from '../src/lib/time-format.ts';
import { ConfigError, ticketServerConfigFromEnv } from '../src/helpdesk/config.ts';
import { DEFAULT_OUTBOX_PATH, type DeliveryState, type StoredTicket } from '../src/helpdesk/outbox.ts';
import { createAdapter, openOutbox } from '../src/helpdesk/runtime.ts';
import { table } from '../src/lib/text-table.ts';
import { ticketLabels, ticketTitle, toMarkdown } from '../src/lib/ticket/index.ts';

const USAGE =
  'usage: npm run tickets [-- --json] [--state STATE] [--show REF] [--retry REF] [--outbox FILE] [--check-helpdesk]';
const STATES: DeliveryState[] = ['pending', 'sending', 'delivered', 'failed'];
/** Control characters (C0 but tab and newline, DEL, C1) and bidi controls that could drive or disguise a terminal. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args: {
  json: boolean;
  show?: string;
  retry?: string;
  state?: string;
  outbox?: string;
  'check-helpdesk': boolean;
};
try {
  args = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      show: { type: 'string' },
      retry: { type: 'string' },
      state: { type: 'string' },
      outbox: { type: 'string' },
      'check-helpdesk': { type: 'boolean', default: false },
    },
  }).values as typeof args;
} catch (error) {
  fail(`tickets: ${(error as Error).message}\n${USAGE}`, 2);
}
if (args.state !== undefined && !STATES.includes(args.state as DeliveryState)) {
  fail(`tickets: --state must be one of ${STATES.join(', ')}`, 2);
}

if (args['check-helpdesk']) await checkHelpdesk();

/** The configuration as the server reads it, then one authenticated read-only call: exit 0 when ready. */
async function checkHelpdesk(): Promise<never> {
  let config;
  try {
    config = ticketServerConfigFromEnv(process.env).helpdesk;
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const result = await createAdapter(config)
    .check(AbortSignal.timeout(20_000))
    .catch((error: unknown) => ({ ok: false, lines: [error instanceof Error ? error.message : String(error)] }));
  const lines = [
    `HELPDESK=${config.helpdesk}: ${result.ok ? 'ready' : 'NOT READY'}`,
    ...result.lines.map((l) => `  - ${l}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(result.ok ? 0 : 1);
}

// --outbox FILE or URL, else the server's own setting: OUTBOX_URL (PostgreSQL) before OUTBOX_PATH (SQLite).
const path = args.outbox ?? (process.env.OUTBOX_URL || process.env.OUTBOX_PATH || DEFAULT_OUTBOX_PATH);
const isUrl = /^postgres(ql)?:\/\//.test(path);
if (!isUrl && !existsSync(path)) {
  if (args.show || args.retry) fail(`${path}: no outbox yet, so no ticket ${args.show ?? args.retry}`);
  if (args.json) process.stdout.write('[]\n');
  else process.stderr.write(`No tickets yet (${path} does not exist).\n`);
  process.exit(0);
}

const { outbox, ready } = openOutbox(path);
try {
  await ready;
  if (args.retry) await retry(args.retry);
  else if (args.show) await show(args.show);
  else await list();
} finally {
  await outbox.close();
}

async function retry(reference: string): Promise<void> {
  if (!(await outbox.retryNow(reference, new Date()))) {
    fail(`${reference}: not found, already delivered, or being sent right now (its lease has not expired)`);
  }
  process.stdout.write(`${reference}: will be retried on the next delivery pass of the running server\n`);
}

async function show(reference: string): Promise<void> {
  const stored = await outbox.get(reference);
  if (!stored) fail(`${reference}: no such ticket in ${outbox.location}`);
  if (args.json) {
    process.stdout.write(`${jsonForTerminal(stored)}\n`);
    return;
  }
  const facts = { ...stored.derived, reference: stored.reference };
  const lines = [
    ticketTitle(stored.ticket, facts),
    `Labels: ${ticketLabels(stored.ticket, facts).join(', ')}`,
    `Delivery: ${delivery(stored)}${stored.externalUrl ? ` ${stored.externalUrl}` : ''}`,
    ...(stored.lastError ? [`Last error: ${stored.lastError}`] : []),
    `Attempts: ${stored.attempts}${stored.nextAttemptAt && stored.state !== 'delivered' ? `, next ${stored.nextAttemptAt}` : ''}`,
    '',
    toMarkdown(stored.ticket, facts),
  ];
  process.stdout.write(terminalSafe(lines.join('\n')));
}

async function list(): Promise<void> {
  const tickets = await outbox.list(args.state ? { state: args.state as DeliveryState } : {});
  if (args.json) {
    process.stdout.write(`${jsonForTerminal(tickets.map(summary))}\n`);
    return;
  }
  if (tickets.length === 0) {
    process.stderr.write(`No tickets${args.state ? ` in state ${args.state}` : ''} in ${outbox.location}.\n`);
    return;
  }
  const header = [
    'REFERENCE',
    'SUBMITTED',
    'PRIORITY',
    'CATEGORY',
    'SUBJECT',
    'FIRST RESPONSE DUE',
    'RESOLUTION DUE',
    'DELIVERY',
  ];
  const rows = tickets.map((t) => {
    const zone = t.derived.timeZone;
    return [
      t.reference,
      local(t.derived.submittedAt, zone),
      t.derived.needsPriorityReview ? `${t.derived.priority}*` : t.derived.priority,
      t.ticket.category,
      clip(t.ticket.subject, 40),
      local(t.derived.firstResponseDue, zone),
      t.derived.resolutionDue === null ? 'best effort' : local(t.derived.resolutionDue, zone),
      clip(delivery(t), 40),
    ];
  });
  process.stdout.write(`${table([header, ...rows])}\n`);
  if (tickets.some((t) => t.derived.needsPriorityReview)) {
    process.stdout.write('* the customer asked for a higher priority: needs priority review\n');
  }
}

function summary(t: StoredTicket) {
  return {
    reference: t.reference,
    submittedAt: t.derived.submittedAt,
    priority: t.derived.priority,
    needsPriorityReview: t.derived.needsPriorityReview,
    category: t.ticket.category,
    subject: t.ticket.subject,
    firstResponseDue: t.derived.firstResponseDue,
    resolutionDue: t.derived.resolutionDue,
    state: t.state,
    attempts: t.attempts,
    externalId: t.externalId,
    externalUrl: t.externalUrl,
    lastError: t.lastError,
  };
}

function delivery(t: StoredTicket): string {
  if (t.state === 'delivered') return t.externalId === t.reference ? 'delivered (local)' : `delivered #${t.externalId}`;
  if (t.state === 'failed') return `failed: ${t.lastError ?? 'unknown error'}`;
  return t.attempts === 0 ? t.state : `${t.state} (${t.attempts} attempts)`;
}

function local(iso: string, zone: string): string {
  return formatInstantIn(iso, zone, 'compact');
}

/** Customers' text must not drive the operator's terminal (escape sequences, bidi overrides): shown as \u{..}. */
function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** JSON escapes C0 itself, but not C1 or bidi controls: escape those too (still valid JSON). */
function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    TERMINAL_UNSAFE,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}

function clip(text: string, width: number): string {
  const flat = text.replace(TERMINAL_UNSAFE, ' ').replace(/\s+/g, ' ');
  const points = Array.from(flat);
  return points.length <= width ? flat : `${points.slice(0, width - 1).join('')}…`;
}
