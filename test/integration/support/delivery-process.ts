// A delivery loop in its own process, so a test can kill it mid-request (SIGKILL) like a crashed server.
//   node delivery-process.ts OUTBOX GITHUB_BASE_URL [LEASE_MS] [REQUEST_TIMEOUT_MS]
// OUTBOX is a SQLite file or a postgres:// URL. Prints `started` and then one JSON line per delivery event.
import { createGitHubAdapter, openOutbox, startDelivery } from '../../../src/helpdesk/index.ts';

const [location, baseUrl, leaseMs, requestTimeoutMs] = process.argv.slice(2);
const { outbox, ready } = openOutbox(location!);
await ready;
const loop = startDelivery({
  outbox,
  adapter: createGitHubAdapter({
    token: 'test-token',
    owner: 'example',
    repo: 'support-tickets',
    baseUrl,
    requestTimeoutMs: Number(requestTimeoutMs ?? 60_000),
    warn: () => {},
  }),
  baseDelayMs: 20,
  minRetryMs: 20,
  lookupDelayMs: 50,
  leaseMs: Number(leaseMs ?? 1_000),
  idlePollMs: 50,
  onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
});
process.stdout.write(`started ${loop.owner}\n`);
