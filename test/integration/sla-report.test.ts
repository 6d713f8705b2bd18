// `npm run sla-report` against a fake GitHub: tickets delivered as issues, agents' comments (paged, rate-limited),
// then against a fake Zendesk (ticket metrics) and Freshdesk (ticket stats): met, missed, overdue and open there;
// and business-hours edge cases: a weekend in between, an answer at the due instant, the intake account's own
// comments not counting as a response.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteOutbox } from '../../src/helpdesk/index.ts';
import type { Priority } from '../../src/lib/policy/index.ts';
import { deriveTicket, ticketSchema, type Ticket } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { startFakeFreshdesk } from './support/fake-freshdesk.ts';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github.ts';
import { startFakeZendesk } from './support/fake-zendesk.ts';
import { tempDir } from './support/tickets.ts';

const NOW = '2026-11-24T15:30:00Z';
const AGENT = 'agent-ana';
const shapes: Partial<Record<Priority, Partial<Ticket>>> = {
  high: {},
  normal: { category: 'voicemail', device: undefined },
};

let temp: ReturnType<typeof tempDir>;
let file: string;
let github: FakeGitHub;
let keys = 0;

/** Files a ticket at `filedAt`, delivers it as a new issue, and returns the issue number. */
async function deliver(outbox: SqliteOutbox, priority: Priority, filedAt: string, url?: string): Promise<number> {
  const ticket = ticketSchema.parse(
    ticketInput({ ...shapes[priority], idempotencyKey: `sla-report-key-${++keys}0000` }),
  );
  const at = new Date(filedAt);
  const { stored } = await outbox.store(ticket, deriveTicket(ticket, defaultPolicy(), at), at);
  github.addIssues(1);
  const issue = github.issues.at(-1)!;
  await outbox.markDelivered(
    stored.reference,
    { externalId: String(issue.number), externalUrl: url ?? issue.html_url },
    at,
  );
  return issue.number;
}

function report(args: string[], env: Record<string, string> = {}, outboxFile = file) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/sla-report.ts', '--outbox', outboxFile, '--now', NOW, ...args], {
      env: {
        ...process.env,
        HELPDESK: 'github',
        HELPDESK_REPO: 'example/support-tickets',
        GITHUB_TOKEN: github.token,
        GITHUB_API_URL: github.baseUrl,
        CONTENT_DIR: 'test/fixtures/content-good',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  temp = tempDir();
  file = join(temp.dir, 'outbox.sqlite');
  github = await startFakeGitHub();
  const outbox = new SqliteOutbox(file);
  const friday = '2026-11-20T23:30:00Z'; // 18:30 in New York, after hours: normal is due Monday 12:30 (17:30Z)
  // Answered on Saturday: the clock had not even started.
  github.addComment(await deliver(outbox, 'normal', friday), AGENT, '2026-11-21T15:00:00Z');
  // Answered at the due instant: on time.
  const atDue = await deliver(outbox, 'normal', friday);
  github.addComment(atDue, github.login, '2026-11-20T23:30:05Z', 'Thanks, we have your ticket');
  github.addComment(atDue, AGENT, '2026-11-23T17:30:00Z');
  // A minute late, three days on, but late in business hours.
  github.addComment(await deliver(outbox, 'normal', friday), AGENT, '2026-11-23T17:31:00Z');
  // High runs around the clock: an hour, due 00:30Z Saturday; answered at 01:00Z.
  github.addComment(await deliver(outbox, 'high', friday), AGENT, '2026-11-21T01:00:00Z');
  // Only the intake account commented (an acknowledgement): no response, and now past due.
  github.addComment(await deliver(outbox, 'normal', friday), github.login, '2026-11-21T00:00:00Z');
  // Filed this morning, due 16:00Z, not answered yet: open.
  await deliver(outbox, 'high', '2026-11-24T15:00:00Z');
  // 120 comments by the intake account (a bot thread), then the agent: found on page 2, on time.
  const long = await deliver(outbox, 'normal', '2026-11-24T15:00:00Z');
  for (let i = 0; i < 120; i++)
    github.addComment(long, github.login, `2026-11-24T15:${String(i % 60).padStart(2, '0')}:00Z`);
  github.addComment(long, AGENT, '2026-11-24T15:20:00Z');
  // October: met.
  github.addComment(await deliver(outbox, 'high', '2026-10-30T14:00:00Z'), AGENT, '2026-10-30T14:30:00Z');
  // Delivered to another repository (an old setting): not read.
  await deliver(outbox, 'high', '2026-11-23T14:00:00Z', 'https://github.example/example/old-tickets/issues/99');
  await outbox.close();
});
afterAll(async () => {
  await github?.close();
  temp?.remove();
});

describe('npm run sla-report', () => {
  it('compares first responses with our due times, per ticket, priority and month', async () => {
    const { code, stdout, stderr } = await report(['--since', '90d', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.intakeAccount).toBe('dialtone-intake');
    expect(result.tickets.map((t: { priority: string; outcome: string }) => `${t.priority} ${t.outcome}`)).toEqual([
      'high met',
      'normal met',
      'normal met',
      'normal missed',
      'high missed',
      'normal overdue',
      'high open',
      'normal met',
    ]);
    expect(result.tickets[2]).toMatchObject({
      firstResponseDue: '2026-11-23T17:30:00Z',
      firstResponseAt: '2026-11-23T17:30:00.000Z',
    });
    expect(result.byPriority).toEqual([
      { key: 'high', met: 1, missed: 1, open: 1, overdue: 0, total: 3, attainment: 0.5 },
      { key: 'normal', met: 3, missed: 1, open: 0, overdue: 1, total: 5, attainment: 0.6 },
    ]);
    expect(result.byMonth.map((m: { key: string; total: number }) => [m.key, m.total])).toEqual([
      ['2026-10', 1],
      ['2026-11', 7],
    ]);
    expect(result.all).toMatchObject({ met: 4, missed: 2, overdue: 1, open: 1, total: 8 });
  });

  it('prints tables, and narrows to the window', async () => {
    const { code, stdout } = await report(['--since', '7d']);
    expect(code).toBe(0);
    expect(stdout).toContain('First-response SLA since 2026-11-17 (example/support-tickets, 7 tickets)');
    expect(stdout).toMatch(/normal\s+3\s+1\s+1\s+0\s+5\s+60\.0%/);
    expect(stdout).toMatch(/2026-11\s+3\s+2\s+1\s+1\s+7/);
  });

  it('waits out a rate limit GitHub says will end soon', async () => {
    github.failNext('comments', { status: 429, headers: { 'retry-after': '1' } });
    const { code, stdout } = await report(['--since', '7d', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).all.total).toBe(7);
  });

  it('stops with when to rerun when the rate limit lasts longer', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 3600;
    github.failNext('comments', {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    });
    const { code, stderr } = await report(['--since', '7d']);
    expect(code).toBe(1);
    expect(stderr).toContain(`it resets at ${new Date(reset * 1000).toISOString()}`);
  });

  it('says which helpdesks it reads', async () => {
    const { code, stderr } = await report([], { HELPDESK: 'local' });
    expect(code).toBe(1);
    expect(stderr).toContain('reads first responses from GitHub issues, Zendesk or Freshdesk only');
  });
});

// Zendesk and Freshdesk: the same clock, first responses read from the ticket metrics and the ticket stats.
describe.each([
  {
    name: 'Zendesk',
    start: async () => {
      const fake = await startFakeZendesk();
      return {
        fake,
        env: fake.env,
        page: (id: number) => `${fake.baseUrl}/agent/tickets/${id}`,
        add: (reference: string, at: string) => fake.addTicket(reference, at),
        answer: (id: number, at: string) => fake.reply(id, at),
      };
    },
  },
  {
    name: 'Freshdesk',
    start: async () => {
      const fake = await startFakeFreshdesk();
      return {
        fake,
        env: fake.env,
        page: (id: number) => `${fake.baseUrl}/a/tickets/${id}`,
        add: (reference: string, at: string) => fake.addTicket(reference, at),
        answer: (id: number, at: string) => fake.respond(id, at),
      };
    },
  },
])('npm run sla-report with $name', ({ start }) => {
  let helpdesk: Awaited<ReturnType<typeof start>>;
  let outboxFile: string;

  /** Files a ticket at `filedAt`, delivers it to the helpdesk (or to `url`), and returns its id there. */
  async function deliverTo(outbox: SqliteOutbox, priority: Priority, filedAt: string, url?: string) {
    const ticket = ticketSchema.parse(
      ticketInput({ ...shapes[priority], idempotencyKey: `sla-report-key-${++keys}0000` }),
    );
    const at = new Date(filedAt);
    const { stored } = await outbox.store(ticket, deriveTicket(ticket, defaultPolicy(), at), at);
    const id = helpdesk.add(stored.reference, filedAt);
    await outbox.markDelivered(stored.reference, { externalId: String(id), externalUrl: url ?? helpdesk.page(id) }, at);
    return id;
  }

  beforeAll(async () => {
    helpdesk = await start();
    outboxFile = join(temp.dir, `outbox-${helpdesk.env.HELPDESK}.sqlite`);
    const outbox = new SqliteOutbox(outboxFile);
    const friday = '2026-11-20T23:30:00Z'; // normal is due Monday 17:30Z
    helpdesk.answer(await deliverTo(outbox, 'normal', friday), '2026-11-21T15:00:00Z'); // met
    helpdesk.answer(await deliverTo(outbox, 'normal', friday), '2026-11-23T17:30:00Z'); // met, at the due instant
    helpdesk.answer(await deliverTo(outbox, 'normal', friday), '2026-11-23T17:31:00Z'); // missed
    await deliverTo(outbox, 'normal', friday); // overdue: nobody answered
    await deliverTo(outbox, 'high', '2026-11-24T15:00:00Z'); // open: due 16:00Z
    // Delivered elsewhere (an old GitHub setting): not read.
    await deliverTo(outbox, 'high', '2026-11-23T14:00:00Z', 'https://github.com/example/old-tickets/issues/9');
    await outbox.close();
  });
  afterAll(async () => {
    await helpdesk?.fake.close();
  });

  it('reads each first response and compares it with our due time', async () => {
    const { code, stdout, stderr } = await report(['--json'], helpdesk.env, outboxFile);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.helpdesk).toBe(helpdesk.env.HELPDESK);
    expect(result.tickets.map((t: { ticketId: number; outcome: string }) => `${t.ticketId} ${t.outcome}`)).toEqual([
      '1 met',
      '2 met',
      '3 missed',
      '4 overdue',
      '5 open',
    ]);
    expect(result.tickets[1]).toMatchObject({ firstResponseAt: '2026-11-23T17:30:00.000Z' });
    expect(result.tickets[3]).toMatchObject({ firstResponseAt: null });
    expect(result.all).toMatchObject({ met: 2, missed: 1, overdue: 1, open: 1, total: 5, attainment: 0.5 });
  });

  it('prints tables for the helpdesk, and says what failed', async () => {
    const { code, stdout } = await report(['--since', '7d'], helpdesk.env, outboxFile);
    expect(code).toBe(0);
    expect(stdout).toContain(`(${helpdesk.fake.baseUrl}, 5 tickets)`);
    expect(stdout).toMatch(/normal\s+2\s+1\s+1\s+0\s+4\s+50\.0%/);
    const refused = await report([], { ...helpdesk.env, [Object.keys(helpdesk.env).at(-1)!]: 'wrong' }, outboxFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('401');
  });
});
