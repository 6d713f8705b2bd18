// Did we keep our first-response promise? For tickets delivered to GitHub issues: the first comment by someone
// other than the intake account, against the ticket's firstResponseDue from our SLA clock, per priority and month.
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
const configured = config.helpdesk;
if (configured.helpdesk !== 'github') {
  fail(
    `sla-report: HELPDESK=${configured.helpdesk}: the report reads first responses from GitHub issues only (HELPDESK=github with HELPDESK_REPO and GITHUB_TOKEN); Zendesk and Freshdesk are not read yet`,
  );
}
const helpdesk = configured;
const timeZone = loadPolicyFile().timeZone;

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

// Only tickets that became issues in the configured repository (an older one, or the local inbox, is not ours to read).
const issuePath = new RegExp(`/${escape(helpdesk.owner)}/${escape(helpdesk.repo)}/issues/(\\d+)$`);
const tickets = delivered
  .filter((t) => Date.parse(t.derived.submittedAt) >= since.getTime())
  .flatMap((t) => {
    const issue = issuePath.exec(t.externalUrl ?? '')?.[1];
    return issue ? [{ stored: t, issue: Number(issue) }] : [];
  })
  .sort((a, b) => a.stored.derived.submittedAt.localeCompare(b.stored.derived.submittedAt) || a.issue - b.issue);

const github = createGitHubResponses({
  token: helpdesk.token,
  owner: helpdesk.owner,
  repo: helpdesk.repo,
  baseUrl: helpdesk.apiUrl,
});
const rows: Array<ResponseRecord & { issue: number; outcome: string }> = [];
try {
  const intake = tickets.length > 0 ? await github.intakeAccount() : '';
  for (const { stored, issue } of tickets) {
    const record: ResponseRecord = {
      reference: stored.reference,
      priority: stored.derived.priority,
      submittedAt: stored.derived.submittedAt,
      firstResponseDue: stored.derived.firstResponseDue,
      firstResponseAt: await github.firstResponse(issue, intake),
    };
    rows.push({ ...record, issue, outcome: responseOutcome(record, now) });
  }
  const attainment = slaAttainment(rows, now, timeZone);
  if (args.json) {
    const report = {
      since: since.toISOString(),
      now: now.toISOString(),
      repository: `${helpdesk.owner}/${helpdesk.repo}`,
      intakeAccount: intake || null,
      ...attainment,
      tickets: rows,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(formatReport(attainment.byPriority, attainment.byMonth, attainment.all));
  }
} catch (error) {
  const e = error as { status?: number; message?: string };
  fail(
    `sla-report: GitHub ${helpdesk.owner}/${helpdesk.repo}: ${e.status ? `${e.status} ` : ''}${e.message ?? String(error)}`,
  );
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
  const title = `First-response SLA since ${since.toISOString().slice(0, 10)} (${helpdesk.owner}/${helpdesk.repo}, ${all.total} tickets)`;
  if (all.total === 0) return `${title}\n  no tickets delivered to GitHub in this window\n`;
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
