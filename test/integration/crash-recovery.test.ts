// A server killed mid-request (SIGKILL): after the restart, the ticket it was sending is found, not duplicated.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createGitHubAdapter, Outbox, startDelivery, type DeliveryLoop } from '../../src/helpdesk/index.ts';
import { deliveryMarker } from '../../src/lib/ticket/index.ts';
import { defaultPolicy } from '../fixtures/ticket/policy.ts';
import { startFakeGitHub, waitFor, type FakeGitHub } from './support/fake-github.ts';
import { fileTickets, tempDir } from './support/tickets.ts';

let github: FakeGitHub;
let temp: ReturnType<typeof tempDir>;
let outbox: Outbox;
let loop: DeliveryLoop | undefined;

beforeEach(async () => {
  github = await startFakeGitHub();
  temp = tempDir();
  outbox = new Outbox(join(temp.dir, 'outbox.sqlite'));
});

afterEach(async () => {
  await loop?.stop();
  outbox.close();
  await github.close();
  temp.remove();
});

it('recovers a ticket caught mid-send by a killed process without creating a second issue', async () => {
  const references = await fileTickets({ policy: defaultPolicy(), outbox }, 3);
  // The first create reaches GitHub, which creates the issue, but the answer never comes back.
  github.failNext('create', { createThen: 'hang' });

  const child = spawn(process.execPath, [
    join(import.meta.dirname, 'support/delivery-process.ts'),
    outbox.path,
    github.baseUrl,
  ]);
  const exited = once(child, 'exit');
  try {
    await waitFor('the first issue to be created', () => github.issues.length === 1);
    await waitFor('the ticket to be in flight', () => outbox.list({ state: 'sending' }).length === 1);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  const interrupted = outbox.list({ state: 'sending' })[0]!;

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
    idlePollMs: 50,
  });
  await waitFor('all deliveries', () => references.every((r) => outbox.get(r)?.state === 'delivered'));

  expect(github.issues).toHaveLength(3);
  for (const reference of references) {
    const stored = outbox.get(reference)!;
    expect(github.issues.filter((i) => i.body.includes(deliveryMarker(stored.deliveryKey)))).toHaveLength(1);
  }
  const recovered = outbox.get(interrupted.reference)!;
  expect(recovered.maybeCreated).toBe(true);
  expect(recovered.externalId).toBe('1');
  expect(github.requests.filter((r) => r.route === 'create')).toHaveLength(3);
}, 20_000);
