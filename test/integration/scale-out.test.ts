// Two delivery processes on one PostgreSQL outbox behind a GitHub that fails 40% of the time; one is killed
// (SIGKILL) mid-delivery. Every ticket must become exactly one issue, and critical tickets go first.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresOutbox } from '../../src/helpdesk/index.ts';
import { deliveryMarker } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { startFakeGitHub, waitFor, type Fault, type FakeGitHub } from './support/fake-github.ts';
import { startPostgres, type PostgresServer } from './support/postgres.ts';
import { fileTickets } from './support/tickets.ts';

let server: PostgresServer;
let github: FakeGitHub;
let outbox: PostgresOutbox;
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startPostgres();
  github = await startFakeGitHub();
  outbox = await PostgresOutbox.open(await server.createDatabase('scale_out'));
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await outbox?.close();
  await github?.close();
  await server?.stop();
});

function deliveryProcess(url: string): { child: ChildProcess; owner: Promise<string> } {
  // A 1 s lease (renewed every third of it) so the survivor takes the dead one's ticket back quickly.
  const child = spawn(process.execPath, [
    join(import.meta.dirname, 'support/delivery-process.ts'),
    url,
    github.baseUrl,
    '1000',
    '1000',
  ]);
  children.push(child);
  const owner = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const started = /^started (\S+)$/m.exec(out);
      if (started) resolve(started[1]!);
    });
    child.once('exit', (code) => reject(new Error(`delivery process exited (${code}) before starting: ${out}`)));
  });
  return { child, owner };
}

it('delivers every ticket exactly once, critical first, through faults and a killed server', async () => {
  const policy = defaultPolicy();
  const deps = { policy, outbox };
  const low = await fileTickets(deps, 10, { category: 'question', device: undefined });
  const normal = await fileTickets(deps, 6, { category: 'voicemail', device: undefined });
  const critical = await fileTickets(deps, 6, { category: 'outage', affectedUsers: 40, device: undefined });
  const all = [...low, ...normal, ...critical];

  // The first create is answered never (the issue IS created): its process is the one we kill.
  github.failNext('create', { createThen: 'hang' });
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const faults: Fault[] = [
    { status: 500 },
    { status: 502 },
    { status: 503, headers: { 'retry-after': '0' } },
    { hang: true },
    { createThen: 'drop' },
    { createThen: 'status-502' },
    { status: 429, headers: { 'retry-after': '0' } },
  ];
  github.chaos(() => (random() < 0.4 ? faults[Math.floor(random() * faults.length)] : undefined));

  const url = server.url('scale_out');
  const first = deliveryProcess(url);
  const second = deliveryProcess(url);
  const owners = await Promise.all([first.owner, second.owner]);

  // Kill whichever process holds the hanging ticket (issue #1 exists, its answer never came), while it holds it.
  let victim: string | null = null;
  await waitFor('the hanging ticket in flight', async () => {
    const hanging = github.issues[0]?.title.match(/DT-\d{8}-\w{5}/)?.[0];
    victim = hanging === undefined ? null : ((await outbox.get(hanging))?.claimedBy ?? null);
    return victim !== null;
  });
  const dead = owners[0] === victim ? first.child : second.child;
  const exited = once(dead, 'exit');
  dead.kill('SIGKILL');
  await exited;

  await waitFor(
    'every ticket delivered by the survivor',
    async () => (await outbox.list({ state: 'delivered' })).length === all.length,
    90_000,
  );

  // Exactly one issue per ticket, found by its hidden key.
  expect(github.issues).toHaveLength(all.length);
  for (const reference of all) {
    const stored = (await outbox.get(reference))!;
    const issues = github.issues.filter((i) => i.body.includes(deliveryMarker(stored.deliveryKey)));
    expect(issues, reference).toHaveLength(1);
    expect(stored.externalId).toBe(String(issues[0]!.number));
  }
  // Critical first: every critical ticket was first sent before any low one.
  const creates = github.requests.filter((r) => r.route === 'create');
  const firstCreate = (reference: string) => creates.findIndex((r) => r.title?.includes(reference));
  const lastCriticalStart = Math.max(...critical.map(firstCreate));
  const firstLowStart = Math.min(...low.map(firstCreate));
  expect(lastCriticalStart).toBeLessThan(firstLowStart);
}, 150_000);
