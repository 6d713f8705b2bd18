// Subscribers and the messages owed to them, in the outbox's database. Addresses are never listed.
//   npm run subscribers [-- --json] [--outbox FILE|postgres://URL]     (counts, webhooks, messages by state)
//   npm run subscribers -- --messages [--state pending|sending|sent|failed] [--json]   (e-mails and webhook bodies)
//   npm run subscribers -- --show ID            (one message as it is sent, e.g. a confirmation held without SMTP)
//   npm run subscribers -- --export EMAIL       (everything stored about one subscriber, as JSON)
//   npm run subscribers -- --erase EMAIL        (delete that subscriber and every message for them)
//   npm run subscribers -- --webhooks           (check WEBHOOKS_FILE and list its receivers, without secrets)
import { parseArgs } from 'node:util';
import { maskEmail } from '../src/lib/notify/subscription.ts';
import { notifyConfigFromEnv, NotifyConfigError } from '../src/notify/config.ts';
import { openNotifyStore, pageComponents } from '../src/notify/runtime.ts';
import type { MessageState, StoredMessage } from '../src/notify/store.ts';

const USAGE =
  'usage: npm run subscribers [-- --json] [--messages [--state STATE]] [--show ID] [--export EMAIL] [--erase EMAIL] [--webhooks] [--outbox FILE|URL]';
const STATES: MessageState[] = ['pending', 'sending', 'sent', 'failed'];

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args: {
  json: boolean;
  messages: boolean;
  webhooks: boolean;
  state?: string;
  show?: string;
  export?: string;
  erase?: string;
  outbox?: string;
};
try {
  args = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      messages: { type: 'boolean', default: false },
      webhooks: { type: 'boolean', default: false },
      state: { type: 'string' },
      show: { type: 'string' },
      export: { type: 'string' },
      erase: { type: 'string' },
      outbox: { type: 'string' },
    },
  }).values as typeof args;
} catch (error) {
  fail(`subscribers: ${(error as Error).message}\n${USAGE}`, 2);
}
if (args.state !== undefined && !STATES.includes(args.state as MessageState)) {
  fail(`subscribers: --state must be one of ${STATES.join(', ')}`, 2);
}

if (args.webhooks) {
  try {
    const config = notifyConfigFromEnv(
      process.env,
      pageComponents().map((c) => c.id),
    );
    if (!config.webhooksFile) fail('subscribers: WEBHOOKS_FILE is not set: no webhook receivers', 1);
    for (const hook of config.webhooks) {
      const scope = hook.components.length ? hook.components.join(', ') : 'all components';
      console.log(`${hook.name}\t${hook.format}\t${hook.url}\t${scope}${hook.maintenance ? ', maintenance' : ''}`);
    }
    process.exit(0);
  } catch (error) {
    fail(error instanceof NotifyConfigError ? error.message : String(error));
  }
}

const env = { ...process.env };
if (args.outbox) {
  if (/^postgres(ql)?:\/\//.test(args.outbox)) env.OUTBOX_URL = args.outbox;
  else {
    env.OUTBOX_PATH = args.outbox;
    delete env.OUTBOX_URL;
  }
}
const store = await openNotifyStore(env).catch((error: unknown) => fail(`subscribers: ${(error as Error).message}`));

/** Who a message is for, without the address. */
async function recipientLabel(message: StoredMessage): Promise<string> {
  if (message.channel === 'webhook') return `webhook ${message.recipient}`;
  const subscriber = await store.subscriber(message.recipient);
  return subscriber ? maskEmail(subscriber.email) : '(erased)';
}

try {
  if (args.export) {
    const subscriber = await store.findByEmail(args.export);
    if (!subscriber) fail(`subscribers: no subscriber with that address in ${store.location}`);
    const messages = await store.messages({ recipient: subscriber.id });
    console.log(JSON.stringify({ subscriber, messages }, null, 2));
  } else if (args.erase) {
    const subscriber = await store.findByEmail(args.erase);
    if (!subscriber) fail(`subscribers: no subscriber with that address in ${store.location} (nothing to erase)`);
    await store.remove(subscriber.id);
    console.log(`erased subscriber ${subscriber.id} and every message for them from ${store.location}`);
  } else if (args.show) {
    const message = (await store.messages()).find((m) => String(m.id) === args.show);
    if (!message) fail(`subscribers: no message ${args.show} in ${store.location}`);
    if (args.json) console.log(JSON.stringify({ ...message, recipient: await recipientLabel(message) }, null, 2));
    else if (message.channel === 'email') {
      const mail = message.body as { subject: string; text: string; headers: Record<string, string> };
      console.log(`To: ${await recipientLabel(message)}\nSubject: ${mail.subject}`);
      for (const [name, value] of Object.entries(mail.headers)) console.log(`${name}: ${value}`);
      console.log(`\n${mail.text}`);
    } else console.log(JSON.stringify(message.body, null, 2));
  } else if (args.messages) {
    const messages = await store.messages({ state: args.state as MessageState | undefined, limit: 200 });
    const rows = await Promise.all(
      messages.map(async (m) => ({
        id: m.id,
        channel: m.channel,
        to: await recipientLabel(m),
        about: m.eventKey,
        state: m.state,
        attempts: m.attempts,
        subject: m.channel === 'email' ? (m.body as { subject: string }).subject : undefined,
        lastError: m.lastError,
        createdAt: m.createdAt,
      })),
    );
    if (args.json) console.log(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) console.log(`no messages in ${store.location}`);
    else {
      for (const r of rows) {
        console.log(
          `${r.id}\t${r.state}\t${r.channel}\t${r.to}\t${r.subject ?? r.about}${r.lastError ? `\t(${r.lastError})` : ''}`,
        );
      }
      console.log(`\nnpm run subscribers -- --show ID prints one message as sent`);
    }
  } else {
    const counts = await store.countSubscribers();
    const byState = Object.fromEntries(
      await Promise.all(STATES.map(async (s) => [s, (await store.messages({ state: s })).length] as const)),
    );
    if (args.json) console.log(JSON.stringify({ subscribers: counts, messages: byState }, null, 2));
    else {
      console.log(`${store.location}`);
      console.log(`subscribers: ${counts.confirmed} confirmed, ${counts.pending} waiting for confirmation`);
      console.log(`messages: ${STATES.map((s) => `${byState[s]} ${s}`).join(', ')}`);
      if (!process.env.SMTP_URL)
        console.log('no SMTP_URL: e-mails stay pending here (npm run subscribers -- --messages)');
    }
  }
} finally {
  await store.close();
}
