// A delivery loop in its own process, so a test can kill it mid-request (SIGKILL) like a crashed server.
//   node delivery-process.ts OUTBOX_FILE GITHUB_BASE_URL     (GitHub, as crash-recovery.test.ts sets it up)
//   node delivery-process.ts OUTBOX_FILE                     (the helpdesk the environment configures: HELPDESK=...)
import {
  createAdapter,
  createGitHubAdapter,
  Outbox,
  startDelivery,
  ticketServerConfigFromEnv,
} from '../../../src/helpdesk/index.ts';

const [outboxPath, baseUrl] = process.argv.slice(2);
const outbox = new Outbox(outboxPath);
startDelivery({
  outbox,
  adapter: baseUrl
    ? createGitHubAdapter({
        token: 'test-token',
        owner: 'example',
        repo: 'support-tickets',
        baseUrl,
        requestTimeoutMs: 60_000,
      })
    : createAdapter(ticketServerConfigFromEnv(process.env).helpdesk, { requestTimeoutMs: 60_000 }),
  baseDelayMs: 20,
  idlePollMs: 50,
  onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
});
process.stdout.write('started\n');
