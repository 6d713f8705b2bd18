// Helpdesk configuration from the environment, with one clear error naming every missing or wrong variable.
import { DEFAULT_LOOKUP_DELAY_MS, DEFAULT_MAX_RETRY_MS, DEFAULT_MIN_RETRY_MS } from './delivery.ts';
import { DEFAULT_OUTBOX_PATH } from './outbox.ts';

export type HelpdeskConfig =
  | { helpdesk: 'local' }
  | { helpdesk: 'github'; owner: string; repo: string; token: string; apiUrl: string | undefined }
  | ZendeskConfig
  | FreshdeskConfig
  | { helpdesk: 'webhook'; url: string; secret: string };

/** Optional custom fields that receive the category and our due times (field ids in Zendesk, names in Freshdesk). */
export interface HelpdeskFieldIds<Id> {
  category?: Id | undefined;
  firstResponseDue?: Id | undefined;
  resolutionDue?: Id | undefined;
}

export interface ZendeskConfig {
  helpdesk: 'zendesk';
  /** https://example.zendesk.com (from ZENDESK_SUBDOMAIN or ZENDESK_URL) */
  baseUrl: string;
  email: string;
  token: string;
  commentPublic: boolean;
  fields: HelpdeskFieldIds<number>;
}

export interface FreshdeskConfig {
  helpdesk: 'freshdesk';
  /** https://example.freshdesk.com (from FRESHDESK_DOMAIN) */
  baseUrl: string;
  apiKey: string;
  fields: HelpdeskFieldIds<string>;
}

export const HELPDESKS = ['local', 'github', 'zendesk', 'freshdesk', 'webhook'] as const;

export interface TicketServerConfig {
  helpdesk: HelpdeskConfig;
  outboxPath: string;
  /** OUTBOX_URL=postgres://...: a PostgreSQL outbox shared by several servers (instead of OUTBOX_PATH). */
  outboxUrl: string | undefined;
  siteUrl: string | undefined;
  /** How many reverse proxies stand in front of the server (TRUST_PROXY, default 0). */
  trustProxy: number;
  /** Tickets one client may send in a burst (then one a minute): TICKET_RATE_LIMIT, default 5. */
  rateLimitBurst: number;
  /** Tickets all clients together may send a minute: TICKET_RATE_LIMIT_GLOBAL, default 600. */
  rateLimitGlobal: number;
  /** DELIVERY_LOOKUP_DELAY_MS, DELIVERY_MIN_RETRY_MS, DELIVERY_MAX_RETRY_MS: shortened only by tests and benchmarks. */
  delivery: { lookupDelayMs: number; minRetryMs: number; maxRetryMs: number };
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`helpdesk configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function ticketServerConfigFromEnv(env: Env): TicketServerConfig {
  const problems: string[] = [];
  const helpdesk = helpdeskFromEnv(env, problems);
  const siteUrl = optionalUrl(
    env,
    'SITE_URL',
    'the public address of the site, e.g. https://support.example.com',
    problems,
  );
  const rateLimitBurst = positiveInteger(env, 'TICKET_RATE_LIMIT', 5, problems);
  const rateLimitGlobal = positiveInteger(env, 'TICKET_RATE_LIMIT_GLOBAL', 600, problems);
  const trustProxy = proxyHops(env, problems);
  const outboxUrl = env.OUTBOX_URL || undefined;
  if (outboxUrl && !/^postgres(ql)?:\/\/./.test(outboxUrl)) {
    problems.push(
      'OUTBOX_URL must be a PostgreSQL URL, postgres://user:password@host:5432/database (or leave it unset for the SQLite file OUTBOX_PATH)',
    );
  }
  const delivery = {
    lookupDelayMs: wholeNumber(env, 'DELIVERY_LOOKUP_DELAY_MS', DEFAULT_LOOKUP_DELAY_MS, problems),
    minRetryMs: wholeNumber(env, 'DELIVERY_MIN_RETRY_MS', DEFAULT_MIN_RETRY_MS, problems),
    maxRetryMs: wholeNumber(env, 'DELIVERY_MAX_RETRY_MS', DEFAULT_MAX_RETRY_MS, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    rateLimitBurst,
    rateLimitGlobal,
    delivery,
    helpdesk: helpdesk!,
    outboxPath: env.OUTBOX_PATH || DEFAULT_OUTBOX_PATH,
    outboxUrl,
    siteUrl,
    trustProxy,
  };
}

function helpdeskFromEnv(env: Env, problems: string[]): HelpdeskConfig | undefined {
  const kind = env.HELPDESK || 'local';
  if (kind === 'local') return { helpdesk: 'local' };
  if (kind === 'github') return githubFromEnv(env, problems);
  if (kind === 'zendesk') return zendeskFromEnv(env, problems);
  if (kind === 'freshdesk') return freshdeskFromEnv(env, problems);
  if (kind === 'webhook') return webhookFromEnv(env, problems);
  problems.push(
    `HELPDESK="${kind}" is not a helpdesk: use "local" (default), "github", "zendesk", "freshdesk" or "webhook"`,
  );
  return undefined;
}

function githubFromEnv(env: Env, problems: string[]): HelpdeskConfig | undefined {
  const before = problems.length;
  const [owner, repo, extra] = (env.HELPDESK_REPO ?? '').split('/');
  if (!env.HELPDESK_REPO) {
    problems.push('HELPDESK=github needs HELPDESK_REPO=owner/name: the repository where tickets become issues');
  } else if (!owner || !repo || extra !== undefined) {
    problems.push(`HELPDESK_REPO="${env.HELPDESK_REPO}" must be owner/name, e.g. example/support-tickets`);
  }
  if (!env.GITHUB_TOKEN) {
    problems.push('HELPDESK=github needs GITHUB_TOKEN: a token allowed to create issues in HELPDESK_REPO');
  }
  const apiUrl = optionalUrl(
    env,
    'GITHUB_API_URL',
    'the API of GitHub Enterprise Server, e.g. https://ghe.example.com/api/v3',
    problems,
  );
  // The token travels with every request: never in clear text, except to a server on this machine.
  if (apiUrl && new URL(apiUrl).protocol === 'http:' && !isLoopback(new URL(apiUrl).hostname)) {
    problems.push(
      `GITHUB_API_URL="${apiUrl}" must use https:// (the token is sent with every request; http:// only for 127.0.0.1, ::1 or localhost)`,
    );
  }
  if (problems.length > before) return undefined;
  return { helpdesk: 'github', owner: owner!, repo: repo!, token: env.GITHUB_TOKEN!, apiUrl };
}

function zendeskFromEnv(env: Env, problems: string[]): ZendeskConfig | undefined {
  const before = problems.length;
  let baseUrl: string | undefined;
  const subdomain = env.ZENDESK_SUBDOMAIN;
  if (subdomain && env.ZENDESK_URL) {
    problems.push('set ZENDESK_SUBDOMAIN or ZENDESK_URL, not both: ZENDESK_URL is for a host other than *.zendesk.com');
  } else if (subdomain) {
    if (/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(subdomain)) baseUrl = `https://${subdomain}.zendesk.com`;
    else
      problems.push(`ZENDESK_SUBDOMAIN="${subdomain}" must be the subdomain alone: "example" for example.zendesk.com`);
  } else if (env.ZENDESK_URL) {
    baseUrl = optionalUrl(
      env,
      'ZENDESK_URL',
      'the address of your Zendesk, e.g. https://example.zendesk.com',
      problems,
    );
  } else {
    problems.push(
      'HELPDESK=zendesk needs ZENDESK_SUBDOMAIN: "example" for example.zendesk.com (or ZENDESK_URL, the full address)',
    );
  }
  const email = env.ZENDESK_EMAIL;
  if (!email) {
    problems.push('HELPDESK=zendesk needs ZENDESK_EMAIL: the e-mail address of the agent the API token belongs to');
  } else if (!/^[^\s@/]+@[^\s@/]+$/.test(email)) {
    problems.push(`ZENDESK_EMAIL="${email}" must be an agent's e-mail address, e.g. support-bot@example.com`);
  }
  if (!env.ZENDESK_API_TOKEN) {
    problems.push(
      'HELPDESK=zendesk needs ZENDESK_API_TOKEN: an API token (Admin Center > Apps and integrations > APIs)',
    );
  }
  const commentPublic = booleanSetting(env, 'ZENDESK_COMMENT_PUBLIC', true, problems);
  const fieldId = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    if (/^[1-9]\d{0,18}$/.test(raw)) return Number(raw);
    problems.push(
      `${name}="${raw}" must be the numeric id of a Zendesk ticket field (Admin Center > Objects and rules > Tickets > Fields)`,
    );
    return undefined;
  };
  const fields = {
    category: fieldId('ZENDESK_FIELD_CATEGORY'),
    firstResponseDue: fieldId('ZENDESK_FIELD_FIRST_RESPONSE_DUE'),
    resolutionDue: fieldId('ZENDESK_FIELD_RESOLUTION_DUE'),
  };
  if (problems.length > before) return undefined;
  return {
    helpdesk: 'zendesk',
    baseUrl: baseUrl!,
    email: email!,
    token: env.ZENDESK_API_TOKEN!,
    commentPublic,
    fields,
  };
}

function freshdeskFromEnv(env: Env, problems: string[]): FreshdeskConfig | undefined {
  const before = problems.length;
  const domain = env.FRESHDESK_DOMAIN;
  let baseUrl: string | undefined;
  if (!domain) {
    problems.push('HELPDESK=freshdesk needs FRESHDESK_DOMAIN: your Freshdesk address, e.g. example.freshdesk.com');
  } else if (/^https?:\/\//i.test(domain)) {
    baseUrl = optionalUrl(env, 'FRESHDESK_DOMAIN', 'your Freshdesk address, e.g. example.freshdesk.com', problems);
  } else if (/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(domain)) {
    baseUrl = `https://${domain.includes('.') ? domain : `${domain}.freshdesk.com`}`;
  } else {
    problems.push(`FRESHDESK_DOMAIN="${domain}" must be a host name, e.g. example.freshdesk.com`);
  }
  if (!env.FRESHDESK_API_KEY) {
    problems.push("HELPDESK=freshdesk needs FRESHDESK_API_KEY: an agent's API key (Profile settings > View API key)");
  }
  const fieldName = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    if (/^cf_[a-z0-9_]+$/i.test(raw)) return raw;
    problems.push(`${name}="${raw}" must be the API name of a custom ticket field, e.g. cf_dialtone_category`);
    return undefined;
  };
  const fields = {
    category: fieldName('FRESHDESK_FIELD_CATEGORY'),
    firstResponseDue: fieldName('FRESHDESK_FIELD_FIRST_RESPONSE_DUE'),
    resolutionDue: fieldName('FRESHDESK_FIELD_RESOLUTION_DUE'),
  };
  if (problems.length > before) return undefined;
  return { helpdesk: 'freshdesk', baseUrl: baseUrl!, apiKey: env.FRESHDESK_API_KEY!, fields };
}

function webhookFromEnv(env: Env, problems: string[]): HelpdeskConfig | undefined {
  const before = problems.length;
  const raw = env.WEBHOOK_URL;
  let url: string | undefined;
  if (!raw) {
    problems.push('HELPDESK=webhook needs WEBHOOK_URL: the https address that receives each ticket as a signed POST');
  } else {
    url = optionalUrl(env, 'WEBHOOK_URL', 'the https address that receives each ticket', problems);
    if (url && new URL(url).protocol === 'http:' && !isLoopback(new URL(url).hostname)) {
      problems.push(`WEBHOOK_URL="${raw}" must use https: tickets carry customers' names, e-mails and numbers`);
    }
  }
  const secret = env.WEBHOOK_SECRET;
  if (!secret) {
    problems.push(
      'HELPDESK=webhook needs WEBHOOK_SECRET: a random secret shared with the receiver (openssl rand -hex 32)',
    );
  } else if (secret.length < 32) {
    problems.push(`WEBHOOK_SECRET must be at least 32 characters (it has ${secret.length}): openssl rand -hex 32`);
  }
  if (problems.length > before) return undefined;
  return { helpdesk: 'webhook', url: url!, secret: secret! };
}

function booleanSetting(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  problems.push(`${name}="${raw}" must be true or false (default ${fallback})`);
  return fallback;
}

function optionalUrl(env: Env, name: string, what: string, problems: string[]): string | undefined {
  const value = env[name];
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  problems.push(`${name}="${value}" must be an http(s) URL: ${what}`);
  return undefined;
}

function positiveInteger(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    problems.push(`${name}="${raw}" must be a whole number of at least 1 (default ${fallback})`);
    return fallback;
  }
  return value;
}

function wholeNumber(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    problems.push(`${name}="${raw}" must be a whole number of milliseconds (default ${fallback})`);
    return fallback;
  }
  return value;
}

/** Loopback may use plain http (tests, a receiver on the same host); anywhere else secrets must travel encrypted. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** TRUST_PROXY: how many proxies append to X-Forwarded-For in front of the server (0: none, the peer is the client). */
function proxyHops(env: Env, problems: string[]): number {
  const raw = env.TRUST_PROXY;
  if (raw === undefined || raw === '') return 0;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(value) || value > 10) {
    problems.push(
      `TRUST_PROXY="${raw}" must be the number of reverse proxies in front of the server: 0 (default) for none, 1 for one load balancer or reverse proxy, 2 for a CDN in front of it`,
    );
    return 0;
  }
  return value;
}
