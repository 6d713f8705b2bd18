// Runs once when the built server starts (imported by src/helpdesk/server-start.ts): bad subscription settings
// stop the server with one clear message, and the notifier and sending loop start with it.
import { notifyRuntime } from './runtime.ts';

try {
  const runtime = notifyRuntime();
  runtime.deps.catch((error: unknown) => {
    console.error(`dialtone: cannot start subscriptions\n${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void runtime.close());
  if (!runtime.config.smtpUrl) {
    console.info('notify: no SMTP_URL: e-mails stay in the outbox (npm run subscribers -- --messages lists them)');
  }
} catch (error) {
  console.error(`dialtone: cannot start subscriptions\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
