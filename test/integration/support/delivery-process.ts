// A delivery loop in its own process, so a test can kill it mid-request (SIGKILL) like a crashed server.
//   node delivery-process.ts OUTBOX_FILE GITHUB_BASE_URL [LEASE_MS]
import { createGitHubAdapter, SqliteOutbox, startDelivery } from '../../../src/helpdesk/index.ts';

const [outboxPath, baseUrl, leaseMs] = process.argv.slice(2);
const outbox = new SqliteOutbox(outboxPath);
startDelivery({
  outbox,
  adapter: createGitHubAdapter({
    token: 'test-token',
    owner: 'example',
    repo: 'support-tickets',
    baseUrl,
    requestTimeoutMs: 60_000,
  }),
  baseDelayMs: 20,
  minRetryMs: 20,
  lookupDelayMs: 50,
  leaseMs: Number(leaseMs ?? 1_000),
  idlePollMs: 50,
  onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
});
process.stdout.write('started\n');
