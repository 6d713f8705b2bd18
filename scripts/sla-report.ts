// Did we keep our first-response promise? For tickets delivered to the configured helpdesk (GitHub issues: the
// first comment by someone other than the intake account; Zendesk: the ticket metrics' first reply; Freshdesk: the
// ticket's stats.first_responded_at), against the ticket's firstResponseDue from our SLA clock, per priority and month.
//   npm run sla-report [-- --since 90d] [--json] [--outbox FILE|postgres://URL]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, ticketServerConfigFromEnv } from '../src/helpdesk/config.ts';
import { DEFAULT_OUTBOX_PATH, type StoredTicket } from '../src/helpdesk/outbox.ts';
import { loadPolicyFile, openOutbox } from '../src/helpdesk/runtime.ts';
import { table } from '../src/lib/text-table.ts';
import { parseSince } from '../src/lib/insights/since.ts';
import { responseOutcome, slaAttainment, type AttainmentRow, type ResponseRecord } from '../src/lib/sla/attainment.ts';
import { createGitHubResponses } from '../src/reports/github-responses.ts';
import { createFreshdeskResponses, createZendeskResponses } from '../src/reports/helpdesk-responses.ts';

const USAGE = 'usage: npm run sla-report [-- --since 90d] [--json] [--outbox FILE|postgres://URL]';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args: { since: string; json: boolean; outbox?: string; now?: string };
try {
  args = parseArgs({
    options: {
      since: { type: 'string', default: '90d' },
      json: { type: 'boolean', default: false },
      outbox: { type: 'string' },
      // The instant the report is made at (tests, reproducible reports); default: now.
      now: { type: 'string' },
    },
  }).values as typeof args;
} catch (error) {
  fail(`sla-report: ${(error as Error).message}\n${USAGE}`, 2);
}
const now = args.now ? new Date(args.now) : new Date();
if (Number.isNaN(now.getTime()))
  fail(`sla-report: --now "${args.now}" is not an instant: use e.g. 2026-11-24T15:00:00Z`, 2);
const parsedSince = parseSince(args.since, now);
if (!(parsedSince instanceof Date)) fail(`sla-report: ${parsedSince.error}`, 2);
const since: Date = parsedSince;

let config;
try {
  config = ticketServerConfigFromEnv(process.env);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
const helpdesk = config.helpdesk;
if (helpdesk.helpdesk !== 'github' && helpdesk.helpdesk !== 'zendesk' && helpdesk.helpdesk !== 'freshdesk') {
  fail(
    `sla-report: HELPDESK=${helpdesk.helpdesk}: the report reads first responses from GitHub issues, Zendesk or Freshdesk only (HELPDESK=github, zendesk or freshdesk with its settings); the local inbox and the webhook keep no record of answers`,
  );
}
const timeZone = loadPolicyFile().timeZone;
const where = helpdesk.helpdesk === 'github' ? `${helpdesk.owner}/${helpdesk.repo}` : helpdesk.baseUrl;
const label = { github: 'GitHub', zendesk: 'Zendesk', freshdesk: 'Freshdesk' }[helpdesk.helpdesk];

const location = args.outbox ?? (config.outboxUrl || process.env.OUTBOX_PATH || DEFAULT_OUTBOX_PATH);
let delivered: StoredTicket[] = [];
if (/^postgres(ql)?:\/\//.test(location) || existsSync(location)) {
  const { outbox, ready } = openOutbox(location);
  try {
    await ready;
    delivered = await outbox.list({ state: 'delivered' });
  } catch (error) {
    fail(`sla-report: ${location}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await outbox.close();
  }
}

// Only tickets delivered to the configured helpdesk: the outbox keeps each ticket's address there (an issue in
// this repository, or a ticket page under this Zendesk or Freshdesk); an older setting, or the local inbox, is not ours to read.
const ticketPage = new RegExp(
  helpdesk.helpdesk === 'github'
    ? `/${escape(helpdesk.owner)}/${escape(helpdesk.repo)}/issues/(\\d+)$`
    : `^${escape(helpdesk.baseUrl)}/${helpdesk.helpdesk === 'zendesk' ? 'agent' : 'a'}/tickets/(\\d+)$`,
);
const tickets = delivered
  .filter((t) => Date.parse(t.derived.submittedAt) >= since.getTime())
  .flatMap((t) => {
    const id = ticketPage.exec(t.externalUrl ?? '')?.[1];
    return id ? [{ stored: t, id: Number(id) }] : [];
  })
  .sort((a, b) => a.stored.derived.submittedAt.localeCompare(b.stored.derived.submittedAt) || a.id - b.id);

/** Reads one ticket's first response; the intake account is GitHub's alone (its own comments do not count). */
let intake = '';
let firstResponse: (id: number) => Promise<string | null>;
if (helpdesk.helpdesk === 'github') {
  const github = createGitHubResponses({
    token: helpdesk.token,
    owner: helpdesk.owner,
    repo: helpdesk.repo,
    baseUrl: helpdesk.apiUrl,
  });
  firstResponse = async (id) => {
    if (intake === '') intake = await github.intakeAccount();
    return github.firstResponse(id, intake);
  };
} else {
  const reader =
    helpdesk.helpdesk === 'zendesk' ? createZendeskResponses(helpdesk) : createFreshdeskResponses(helpdesk);
  firstResponse = (id) => reader.firstResponse(String(id));
}
const idKey = helpdesk.helpdesk === 'github' ? 'issue' : 'ticketId';

const rows: Array<ResponseRecord & { outcome: string }> = [];
try {
  for (const { stored, id } of tickets) {
    const record: ResponseRecord = {
      reference: stored.reference,
      priority: stored.derived.priority,
      submittedAt: stored.derived.submittedAt,
      firstResponseDue: stored.derived.firstResponseDue,
      firstResponseAt: await firstResponse(id),
    };
    rows.push({ ...record, [idKey]: id, outcome: responseOutcome(record, now) });
  }
  const attainment = slaAttainment(rows, now, timeZone);
  if (args.json) {
    const report = {
      since: since.toISOString(),
      now: now.toISOString(),
      helpdesk: helpdesk.helpdesk,
      ...(helpdesk.helpdesk === 'github' ? { repository: where, intakeAccount: intake || null } : { url: where }),
      ...attainment,
      tickets: rows,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(formatReport(attainment.byPriority, attainment.byMonth, attainment.all));
  }
} catch (error) {
  const e = error as { status?: number; message?: string };
  fail(`sla-report: ${label} ${where}: ${e.status ? `${e.status} ` : ''}${e.message ?? String(error)}`);
}

function formatReport(byPriority: AttainmentRow[], byMonth: AttainmentRow[], all: AttainmentRow): string {
  const header = ['', 'MET', 'MISSED', 'OVERDUE', 'OPEN', 'TOTAL', 'ATTAINMENT'];
  const line = (r: AttainmentRow) => [
    r.key,
    String(r.met),
    String(r.missed),
    String(r.overdue),
    String(r.open),
    String(r.total),
    r.attainment === null ? '-' : `${(r.attainment * 100).toFixed(1)}%`,
  ];
  const title = `First-response SLA since ${since.toISOString().slice(0, 10)} (${where}, ${all.total} tickets)`;
  if (all.total === 0) return `${title}\n  no tickets delivered to ${label} in this window\n`;
  return [
    title,
    '',
    table([['PRIORITY', ...header.slice(1)], ...byPriority.map(line), line(all)]),
    '',
    table([['MONTH', ...header.slice(1)], ...byMonth.map(line)]),
    '',
    'Attainment = met / (met + missed + overdue); open tickets are not yet due.',
    '',
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
