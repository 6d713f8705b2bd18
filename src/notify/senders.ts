// The two ways a message leaves: SMTP through nodemailer, and a signed HTTP POST to a webhook receiver. Each
// failure says whether to try again (4xx SMTP replies, dropped connections, 5xx and 429 answers) or not.
import nodemailer from 'nodemailer';
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../helpdesk/webhook-adapter.ts';
import type { EmailMessage } from '../lib/notify/messages.ts';
import type { Webhook } from '../lib/notify/webhooks.ts';

export class SendError extends Error {
  readonly kind: 'retry' | 'rejected';
  constructor(kind: 'retry' | 'rejected', message: string) {
    super(message);
    this.kind = kind;
    this.name = 'SendError';
  }
}

export interface Mail extends EmailMessage {
  to: string;
  /** Stable per message: a copy delivered twice after a lost reply is one message to mail clients. */
  messageId: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** One pooled-less transport: a connection per message keeps a dropped connection from poisoning the next. */
export function createSmtpMailer(url: string, from: string, options: { timeoutMs?: number } = {}): Mailer {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          headers: mail.headers,
          messageId: mail.messageId,
        });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

/** 5xx: the server refuses for good (unknown mailbox, policy): kept as failed. Anything else: try again. */
function smtpFailure(error: unknown): SendError {
  const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
  const text = `SMTP ${responseCode ?? code ?? 'error'}: ${message ?? String(error)}`;
  return new SendError(responseCode !== undefined && responseCode >= 500 ? 'rejected' : 'retry', text);
}

/** POSTs the payload, signed when the receiver has a secret; 2xx is delivered. */
export async function postWebhook(
  hook: Webhook,
  payload: unknown,
  options: { nowMs: number; timeoutMs?: number },
): Promise<void> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'dialtone-notify',
  };
  if (hook.secret) {
    // Signed afresh on every attempt, so a retry hours later is still inside the receiver's replay window.
    const timestamp = Math.floor(options.nowMs / 1000);
    headers[TIMESTAMP_HEADER] = String(timestamp);
    headers[SIGNATURE_HEADER] = signWebhook(hook.secret, timestamp, body);
  }
  let response: Response;
  try {
    response = await fetch(hook.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : error;
    throw new SendError('retry', `no answer from webhook ${hook.name} (${String(reason)})`);
  }
  if (response.ok) return;
  const retry = response.status >= 500 || response.status === 429 || response.status === 408;
  throw new SendError(retry ? 'retry' : 'rejected', `webhook ${hook.name} answered ${response.status}`);
}
