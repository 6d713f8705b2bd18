// The load generator of `npm run bench` (its own process, so it does not share a CPU queue with the server):
//   node scripts/bench-load.ts URL valid|invalid CONNECTIONS AMOUNT
// POSTs AMOUNT tickets with CONNECTIONS concurrent clients (each valid one with its own idempotency key) and
// prints one JSON line: requests/s, p50/p99 latency (ms), status code counts.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { ticketInput } from '../test/fixtures/ticket/tickets.ts';

const [url, kind, connections, amount] = process.argv.slice(2);
const valid = ticketInput({ customerTimeZone: 'America/Chicago' });
// Rejected by validation only: more affected users than users (the cheapest realistic 400).
const invalid = JSON.stringify({ ...valid, affectedUsers: 99 });

// From the first request sent to the last answer: autocannon's own duration counts whole seconds.
let first = 0;
let last = 0;
const result = await autocannon({
  url: url!,
  connections: Number(connections),
  amount: Number(amount),
  timeout: 10,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({
        ...((first ||= performance.now()) && request),
        body: kind === 'valid' ? JSON.stringify({ ...valid, idempotencyKey: randomUUID() }) : invalid,
      }),
      onResponse: () => {
        last = performance.now();
      },
    },
  ],
});
const seconds = (last - first) / 1000;
const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
const ok = kind === 'valid' ? (statuses['202'] ?? 0) : (statuses['400'] ?? 0);
process.stdout.write(
  `${JSON.stringify({
    rps: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  })}\n`,
);
