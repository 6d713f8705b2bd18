// Runs once when the built server starts (`node dist/server/entry.mjs`; src/build/ticket-server.ts imports it
// ahead of the adapter): a misconfigured helpdesk stops the server with one clear message instead of failing
// on the first customer's ticket, and the delivery loop resumes tickets left undelivered before a restart.
import { ticketServerConfigFromEnv } from './config.ts';
import { ticketRuntime } from './runtime.ts';
// Subscriptions start with the same server: the notifier, and the loop that sends e-mails and webhooks.
import '../notify/server-start.ts';

try {
  ticketServerConfigFromEnv(process.env);
  const runtime = ticketRuntime();
  // A PostgreSQL outbox that cannot be reached or migrated stops the server now, not at the first ticket.
  runtime.ready.catch((error: unknown) => {
    console.error(`dialtone: cannot start the ticket endpoint\n${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
  // Stop the delivery loop before exiting, so the attempt in flight is recorded as "look before creating again".
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void runtime.close().finally(() => process.exit(0)));
  }
} catch (error) {
  console.error(`dialtone: cannot start the ticket endpoint\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
