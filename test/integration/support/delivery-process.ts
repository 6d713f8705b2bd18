// A delivery loop in its own process, so a test can kill it mid-request (SIGKILL) like a crashed server.
//   node delivery-process.ts OUTBOX GITHUB_BASE_URL [LEASE_MS] [REQUEST_TIMEOUT_MS]   (GitHub, as the crash tests set it up)
//   node delivery-process.ts OUTBOX                     (the helpdesk the environment configures: HELPDESK=...)
// OUTBOX is a SQLite file or a postgres:// URL. Prints `started` and then one JSON line per delivery event.
import {
  createAdapter,
  createGitHubAdapter,
  openOutbox,
  startDelivery,
  ticketServerConfigFromEnv,
} from '../../../src/helpdesk/index.ts';

const [location, baseUrl, leaseMs, requestTimeoutMs] = process.argv.slice(2);
const { outbox, ready } = openOutbox(location!);
await ready;
const loop = startDelivery({
  outbox,
  adapter: baseUrl
    ? createGitHubAdapter({
        token: 'test-token',
        owner: 'example',
        repo: 'support-tickets',
        baseUrl,
        requestTimeoutMs: Number(requestTimeoutMs ?? 60_000),
        warn: () => {},
      })
    : createAdapter(ticketServerConfigFromEnv(process.env).helpdesk, { requestTimeoutMs: 60_000 }),
  baseDelayMs: 20,
  minRetryMs: 20,
  lookupDelayMs: 50,
  leaseMs: Number(leaseMs ?? 1_000),
  idlePollMs: 50,
  onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
});
process.stdout.write(`started ${loop.owner}\n`);
