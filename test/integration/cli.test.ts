// The CLI contracts: `npm run triage` (used by tooling outside the project) and `npm run tickets`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteOutbox } from '../../src/helpdesk/index.ts';
import { deriveTicket, ticketSchema } from '../../src/lib/ticket/index.ts';
import { answers } from '../fixtures/ticket/answers.ts';
import { defaultPolicy, defaultPolicyJson } from '../fixtures/ticket/policy.ts';
import { ticketInput } from '../fixtures/ticket/tickets.ts';
import { tempDir } from './support/tickets.ts';

function run(script: string, args: string[], input = '') {
  const result = spawnSync(process.execPath, [script, ...args], { input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const triage = (input: unknown, args: string[] = []) =>
  run('scripts/triage.ts', args, typeof input === 'string' ? input : JSON.stringify(input));

let temp: ReturnType<typeof tempDir>;
beforeAll(() => {
  temp = tempDir();
});
afterAll(() => temp.remove());

describe('npm run --silent triage', () => {
  it('prints exactly one JSON object through npm and exits 0', () => {
    const result = spawnSync('npm', ['run', '--silent', 'triage'], {
      input: JSON.stringify(answers({ submittedAt: '2026-11-20T20:00:00-05:00' })),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual([
      'priority',
      'reasons',
      'clock',
      'afterHours',
      'firstResponseDue',
      'resolutionDue',
    ]);
    expect(output).toEqual({
      priority: 'critical',
      reasons: ['30 of 100 users (30%) cannot make or receive calls: at least 20% with service down is critical.'],
      clock: '24x7',
      afterHours: true,
      firstResponseDue: '2026-11-21T01:15:00Z',
      resolutionDue: '2026-11-21T05:00:00Z',
    });
  });

  it('gives business-hour due times and null for best effort', () => {
    const result = triage(answers({ category: 'question', submittedAt: '2026-11-20T20:00:00-05:00' }));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      priority: 'low',
      clock: 'business',
      afterHours: true,
      firstResponseDue: '2026-11-24T00:00:00Z',
      resolutionDue: null,
    });
  });

  it('names each invalid field on stderr and exits 1', () => {
    const result = triage({
      ...answers({ affectedUsers: 120 }),
      serviceState: 'broken',
      workaround: undefined,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      'stdin: serviceState: must be one of: down, degraded, intermittent, not-affected',
      'stdin: workaround: is missing: it must be true (a workaround works for now) or false',
    ]);
    expect(triage(answers({ affectedUsers: 120 })).stderr).toBe(
      'stdin: affectedUsers: must not be more than totalUsers (100)\n',
    );
  });

  it('reports malformed JSON with line and column', () => {
    const result = triage('{\n  "category": "outage",\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^stdin: invalid JSON at line 3, column 1/);
  });

  it('uses --policy FILE, and names the file when it is invalid', () => {
    const strict = { ...defaultPolicyJson(), thresholds: { criticalShare: 0.5 } };
    const strictFile = join(temp.dir, 'strict-policy.json');
    writeFileSync(strictFile, JSON.stringify(strict));
    expect(JSON.parse(triage(answers(), ['--policy', strictFile]).stdout).priority).toBe('high');

    const brokenFile = join(temp.dir, 'broken-policy.json');
    writeFileSync(brokenFile, JSON.stringify({ ...strict, timeZone: 'US/Nowhere' }));
    const broken = triage(answers(), ['--policy', brokenFile]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(`${brokenFile}: timeZone: must be an IANA time zone name such as "America/New_York"\n`);
    const missing = triage(answers(), ['--policy', join(temp.dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: cannot read the file \(ENOENT\): pass --policy FILE/);
  });

  it('exits 2 with usage on an unknown option', () => {
    const result = triage(answers(), ['--polcy', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run --silent triage/);
  });
});

describe('npm run tickets', () => {
  const outboxPath = () => join(temp.dir, 'tickets.sqlite');
  let references: string[];

  beforeAll(async () => {
    const outbox = new SqliteOutbox(outboxPath());
    const policy = defaultPolicy();
    const now = new Date('2026-11-24T15:00:00Z');
    const file = async (input: ReturnType<typeof ticketInput>) => {
      const ticket = ticketSchema.parse(input);
      return (await outbox.store(ticket, deriveTicket(ticket, policy, now), now)).stored.reference;
    };
    references = [
      await file(ticketInput({ idempotencyKey: 'cli-test-key-000001' })),
      await file(
        ticketInput({
          idempotencyKey: 'cli-test-key-000002',
          category: 'question',
          device: undefined,
          subject: 'How do I record calls?',
          customerUrgency: { requested: 'high', reason: 'We need it for compliance by Friday' },
        }),
      ),
    ];
    await outbox.markDelivered(references[0]!, { externalId: '17', externalUrl: 'https://github.example/i/17' }, now);
    await outbox.close();
  });

  it('lists tickets with priority, due times in the team time zone and delivery state', () => {
    const result = run('scripts/tickets.ts', ['--outbox', outboxPath()]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^REFERENCE\s+SUBMITTED\s+PRIORITY\s+CATEGORY\s+SUBJECT\s+FIRST RESPONSE DUE/);
    expect(result.stdout).toMatch(
      new RegExp(
        `${references[0]}\\s+2026-11-24 10:00 EST\\s+high\\s+registration\\s+Front desk phone shows No Service\\s+2026-11-24 11:00 EST\\s+2026-11-25 10:00 EST\\s+delivered #17`,
      ),
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `${references[1]}\\s+2026-11-24 10:00 EST\\s+low\\*\\s+question\\s+How do I record calls\\?\\s+2026-11-25 10:00 EST\\s+best effort\\s+pending`,
      ),
    );
    expect(result.stdout).toContain('* the customer asked for a higher priority: needs priority review');
  });

  it('prints machine-readable JSON with --json and filters by --state', () => {
    const all = JSON.parse(run('scripts/tickets.ts', ['--outbox', outboxPath(), '--json']).stdout) as Array<{
      reference: string;
    }>;
    expect(all.map((t) => t.reference).sort()).toEqual([...references].sort());
    const pending = JSON.parse(
      run('scripts/tickets.ts', ['--outbox', outboxPath(), '--json', '--state', 'pending']).stdout,
    ) as unknown[];
    expect(pending).toEqual([
      expect.objectContaining({
        reference: references[1],
        priority: 'low',
        needsPriorityReview: true,
        firstResponseDue: '2026-11-25T15:00:00Z',
        resolutionDue: null,
        state: 'pending',
      }),
    ]);
  });

  it('shows one ticket in full with --show', () => {
    const result = run('scripts/tickets.ts', ['--outbox', outboxPath(), '--show', references[0]!]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${references[0]}: Front desk phone shows No Service`);
    expect(result.stdout).toContain('Delivery: delivered #17 https://github.example/i/17');
    expect(result.stdout).toContain('### Description');
    expect(run('scripts/tickets.ts', ['--outbox', outboxPath(), '--show', 'DT-00000000-XXXXX']).code).toBe(1);
  });

  it('retries with --retry a ticket whose lease expired (its server died mid-send), not one being sent', async () => {
    const outbox = new SqliteOutbox(outboxPath());
    const claimed = await outbox.claimNext({ now: new Date(), owner: 'a-dead-server', leaseMs: 60_000 });
    await outbox.close();
    expect(claimed?.reference).toBe(references[1]);
    const live = run('scripts/tickets.ts', ['--outbox', outboxPath(), '--retry', references[1]!]);
    expect(live.code).toBe(1);
    expect(live.stderr).toMatch(/being sent right now \(its lease has not expired\)/);

    const expire = new SqliteOutbox(outboxPath());
    await expire.renewLease(references[1]!, 'a-dead-server', new Date(Date.now() - 1000));
    await expire.close();
    const result = run('scripts/tickets.ts', ['--outbox', outboxPath(), '--retry', references[1]!]);
    expect(result.code).toBe(0);
    const reopened = new SqliteOutbox(outboxPath());
    expect(await reopened.get(references[1]!)).toMatchObject({ state: 'pending', maybeCreated: true, claimedBy: null });
    await reopened.close();
  });

  it('never prints raw control characters from a stored ticket to the terminal', async () => {
    // A ticket stored before the schema stripped them (or written by hand): escape sequences, C1, bidi overrides.
    const outbox = new SqliteOutbox(outboxPath());
    const ticket = ticketSchema.parse(ticketInput({ idempotencyKey: 'cli-test-key-hostile' }));
    const hostile = {
      ...ticket,
      subject: 'Phone \u001b]0;pwned\u0007 down \u009b31m \u202eevil',
      description: 'a\u001b[2Jb \u0085c',
    };
    const now = new Date('2026-11-24T15:00:00Z');
    const { stored } = await outbox.store(hostile, deriveTicket(hostile, defaultPolicy(), now), now);
    await outbox.close();
    const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
    for (const args of [['--show', stored.reference], ['--show', stored.reference, '--json'], [], ['--json']]) {
      const result = run('scripts/tickets.ts', ['--outbox', outboxPath(), ...args]);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(unsafe);
    }
    const shown = run('scripts/tickets.ts', ['--outbox', outboxPath(), '--show', stored.reference]).stdout;
    expect(shown).toMatch(/^DT-\d{8}-\w{5}: Phone \]0;pwned down 31m evil$/m);
    const json = JSON.parse(
      run('scripts/tickets.ts', ['--outbox', outboxPath(), '--show', stored.reference, '--json']).stdout,
    );
    expect(json.ticket.subject).toBe(hostile.subject);
  });

  it('says there are no tickets yet when the outbox does not exist', () => {
    const result = run('scripts/tickets.ts', ['--outbox', join(temp.dir, 'none.sqlite')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/No tickets yet/);
    expect(run('scripts/tickets.ts', ['--outbox', join(temp.dir, 'none.sqlite'), '--json']).stdout).toBe('[]\n');
  });
});
