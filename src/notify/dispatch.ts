// The sending loop: leases the oldest due message, sends it (SMTP or webhook), and on failure schedules another
// attempt with backoff, or keeps a rejected one as failed (retried hourly). Several servers share the store:
// leases keep them apart, and a message whose holder died is taken back once its lease expires.
import { createSleeper } from '../server/sleeper.ts';
import { newLeaseOwner } from '../storage/lease-owner.ts';
import type { EmailMessage } from '../lib/notify/messages.ts';
import type { Webhook } from '../lib/notify/webhooks.ts';
import { postWebhook, SendError, type Mailer } from './senders.ts';
import type { Channel, NotifyStore, StoredMessage } from './store.ts';

export interface WebhookBody {
  format: Webhook['format'];
  payload: unknown;
}

export type DispatchEvent =
  | { type: 'sent'; id: number; channel: Channel; attempts: number }
  | { type: 'retry'; id: number; channel: Channel; error: string; retryInMs: number; rejected: boolean }
  | { type: 'error'; error: string };

export interface DispatchOptions {
  store: NotifyStore;
  /** Without one, e-mails stay in the store. */
  mailer: Mailer | undefined;
  webhooks: readonly Webhook[];
  /** The host in Message-ID headers. */
  mailDomain: string;
  owner?: string;
  now?: () => number;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A rejected message (5xx, 4xx from a webhook) is tried again this much later. */
  rejectedRetryMs?: number;
  /** Longer than any send may take (SMTP and webhook timeouts are 30 s and 15 s). */
  leaseMs?: number;
  idlePollMs?: number;
  onEvent?: (event: DispatchEvent) => void;
}

export interface DispatchLoop {
  wake(): void;
  stop(): Promise<void>;
}

export function startDispatch(options: DispatchOptions): DispatchLoop {
  const { store, mailer } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const owner = options.owner ?? newLeaseOwner();
  const baseDelayMs = options.baseDelayMs ?? 5_000;
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000;
  const rejectedRetryMs = options.rejectedRetryMs ?? 60 * 60_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const idlePollMs = options.idlePollMs ?? 30_000;
  const emit = options.onEvent ?? (() => {});
  const hooks = new Map(options.webhooks.map((h) => [h.name, h]));
  const channels: Channel[] = mailer ? ['email', 'webhook'] : ['webhook'];

  let stopped = false;
  const { sleep, wake } = createSleeper();

  async function send(message: StoredMessage & { email: string | null }): Promise<void> {
    if (message.channel === 'email') {
      if (!message.email) throw new SendError('rejected', 'the subscriber is gone (unsubscribed or erased)');
      const mail = message.body as EmailMessage;
      await mailer!.send({ ...mail, to: message.email, messageId: `<notify-${message.id}@${options.mailDomain}>` });
      return;
    }
    const hook = hooks.get(message.recipient);
    if (!hook) throw new SendError('rejected', `webhook ${message.recipient} is no longer in WEBHOOKS_FILE`);
    await postWebhook(hook, (message.body as WebhookBody).payload, { nowMs: now() });
  }

  async function turn(): Promise<boolean> {
    const message = await store.claimNext({ now: new Date(now()), owner, leaseMs, channels });
    if (!message) return false;
    try {
      await send(message);
      await store.markSent(message.id, owner, new Date(now()));
      emit({ type: 'sent', id: message.id, channel: message.channel, attempts: message.attempts });
    } catch (error) {
      const rejected = error instanceof SendError && error.kind === 'rejected';
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(20, message.attempts - 1));
      const retryInMs = rejected ? rejectedRetryMs : Math.round(backoff * (0.75 + random() / 2));
      const text = error instanceof Error ? error.message : String(error);
      await store.markRetry(message.id, owner, {
        error: text,
        at: new Date(now() + retryInMs),
        state: rejected ? 'failed' : 'pending',
      });
      emit({ type: 'retry', id: message.id, channel: message.channel, error: text, retryInMs, rejected });
    }
    return true;
  }

  const running = (async () => {
    while (!stopped) {
      try {
        if (await turn()) continue;
        const next = await store.nextAttemptTime(channels);
        await sleep(Math.min(idlePollMs, next === undefined ? idlePollMs : next - now()));
      } catch (error) {
        if (stopped) break;
        emit({ type: 'error', error: error instanceof Error ? error.message : String(error) });
        await sleep(Math.min(idlePollMs, 5_000));
      }
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await running;
    },
  };
}
