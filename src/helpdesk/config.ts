// Helpdesk configuration from the environment, with one clear error naming every missing or wrong variable.
import { DEFAULT_LOOKUP_DELAY_MS, DEFAULT_MAX_RETRY_MS, DEFAULT_MIN_RETRY_MS } from './delivery.ts';
import { DEFAULT_OUTBOX_PATH } from './outbox.ts';

export type HelpdeskConfig =
  | { helpdesk: 'local' }
  | { helpdesk: 'github'; owner: string; repo: string; token: string; apiUrl: string | undefined };

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
  if (kind !== 'github') {
    problems.push(`HELPDESK="${kind}" is not a helpdesk: use "local" (default) or "github"`);
    return undefined;
  }
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
  if (problems.length > 0) return undefined;
  return { helpdesk: 'github', owner: owner!, repo: repo!, token: env.GITHUB_TOKEN!, apiUrl };
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
