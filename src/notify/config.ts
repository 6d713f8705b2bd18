// Subscription settings from the environment, checked at start with one line per mistake.
import { readFileSync } from 'node:fs';
import { parseWebhooksFile, type Webhook } from '../lib/notify/webhooks.ts';

export interface NotifyConfig {
  /** smtp:// or smtps:// with credentials; unset: e-mails stay in the store (the embedded default). */
  smtpUrl: string | undefined;
  mailFrom: string;
  pollSeconds: number;
  /** Where the published JSON is read and what the links in e-mails point at. */
  siteUrl: string;
  webhooks: Webhook[];
  webhooksFile: string | undefined;
  /** NOTIFY_SECRET; unset: a secret generated once and kept in the database. */
  secret: string | undefined;
}

type Env = Record<string, string | undefined>;

export class NotifyConfigError extends Error {
  constructor(problems: string[]) {
    super(`subscriptions configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'NotifyConfigError';
  }
}

export function notifyConfigFromEnv(env: Env, knownComponents?: readonly string[]): NotifyConfig {
  const problems: string[] = [];
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    problems.push(
      'SMTP_URL must be smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465, or unset to keep e-mails in the outbox',
    );
  }
  const siteUrl = (env.SITE_URL || `http://${env.HOST || '127.0.0.1'}:${env.PORT || '4321'}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(siteUrl))
    problems.push('SITE_URL must be http(s)://host, e.g. https://support.example.com');
  const host = hostOf(siteUrl);
  const mailFrom = env.MAIL_FROM || `status@${host}`;
  if (smtpUrl && !env.MAIL_FROM) {
    problems.push('MAIL_FROM is required with SMTP_URL: the sender, e.g. "Example Voice status <status@example.com>"');
  } else if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) {
    problems.push('MAIL_FROM must be an address, e.g. "Example Voice status <status@example.com>"');
  }
  const pollText = env.NOTIFY_POLL_SECONDS || '60';
  const pollSeconds = Number(pollText);
  if (!Number.isInteger(pollSeconds) || pollSeconds < 1) {
    problems.push(`NOTIFY_POLL_SECONDS must be a whole number of seconds, at least 1 (got "${pollText}"; default 60)`);
  }
  const secret = env.NOTIFY_SECRET || undefined;
  if (secret && secret.length < 32) {
    problems.push('NOTIFY_SECRET must be at least 32 characters: generate one with `openssl rand -hex 32`');
  }
  const webhooksFile = env.WEBHOOKS_FILE || undefined;
  let webhooks: Webhook[] = [];
  if (webhooksFile) {
    let text: string | undefined;
    try {
      text = readFileSync(webhooksFile, 'utf8');
    } catch (error) {
      problems.push(
        `WEBHOOKS_FILE=${webhooksFile} cannot be read (${(error as NodeJS.ErrnoException).code}): fix the path or unset it`,
      );
    }
    if (text !== undefined) {
      const result = parseWebhooksFile(webhooksFile, text, knownComponents);
      if (result.ok) webhooks = result.webhooks;
      else problems.push(...result.errors);
    }
  }
  if (problems.length > 0) throw new NotifyConfigError(problems);
  return { smtpUrl, mailFrom, pollSeconds, siteUrl, webhooks, webhooksFile, secret };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}
