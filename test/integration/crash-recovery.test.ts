// A server killed mid-request (SIGKILL): after the restart, the ticket it was sending is found, not duplicated.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createGitHubAdapter, SqliteOutbox, startDelivery, type DeliveryLoop } from '../../src/helpdesk/index.ts';
import { deliveryMarker } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { startFakeGitHub, waitFor, type FakeGitHub } from './support/fake-github.ts';
import { fileTickets, tempDir } from './support/tickets.ts';

let github: FakeGitHub;
let temp: ReturnType<typeof tempDir>;
let outbox: SqliteOutbox;
let loop: DeliveryLoop | undefined;

beforeEach(async () => {
  github = await startFakeGitHub();
  temp = tempDir();
  outbox = new SqliteOutbox(join(temp.dir, 'outbox.sqlite'));
});

afterEach(async () => {
  await loop?.stop();
  await outbox.close();
  await github.close();
  temp.remove();
});

it('recovers a ticket caught mid-send by a killed process without creating a second issue', async () => {
  const references = await fileTickets({ policy: defaultPolicy(), outbox }, 3);
  // The first create reaches GitHub, which creates the issue, but the answer never comes back.
  github.failNext('create', { createThen: 'hang' });

  const child = spawn(process.execPath, [
    join(import.meta.dirname, 'support/delivery-process.ts'),
    outbox.location,
    github.baseUrl,
    '1000', // its lease: the restarted loop below takes the ticket back only once the lease has expired
  ]);
  const exited = once(child, 'exit');
  try {
    await waitFor('the first issue to be created', () => github.issues.length === 1);
    await waitFor('the ticket to be in flight', async () => (await outbox.list({ state: 'sending' })).length === 1);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  const interrupted = (await outbox.list({ state: 'sending' }))[0]!;

  // The restarted server: same outbox file, a fresh loop.
  loop = startDelivery({
    outbox,
    adapter: createGitHubAdapter({
      token: 'test-token',
      owner: 'example',
      repo: 'support-tickets',
      baseUrl: github.baseUrl,
      requestTimeoutMs: 2_000,
    }),
    baseDelayMs: 20,
    minRetryMs: 20,
    lookupDelayMs: 50,
    idlePollMs: 50,
  });
  await waitFor('all deliveries', async () =>
    (await Promise.all(references.map((r) => outbox.get(r)))).every((t) => t?.state === 'delivered'),
  );

  expect(github.issues).toHaveLength(3);
  for (const reference of references) {
    const stored = (await outbox.get(reference))!;
    expect(github.issues.filter((i) => i.body.includes(deliveryMarker(stored.deliveryKey)))).toHaveLength(1);
  }
  const recovered = (await outbox.get(interrupted.reference))!;
  expect(recovered.maybeCreated).toBe(true);
  expect(recovered.externalId).toBe('1');
  expect(github.requests.filter((r) => r.route === 'create')).toHaveLength(3);
}, 20_000);
