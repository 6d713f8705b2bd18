// Tickets as GitHub issues (@octokit/rest), with rate limits honoured and no duplicate after an ambiguous failure.
import { Octokit } from '@octokit/rest';
import { deliveryMarker, ticketLabels, ticketTitle, toMarkdown } from '../lib/ticket/index.ts';
import {
  DeliveryError,
  type DeliveryContext,
  type DeliveryReceipt,
  type HelpdeskAdapter,
  type HelpdeskCheck,
} from './adapter.ts';
import type { StoredTicket } from './outbox.ts';

export interface GitHubAdapterOptions {
  token: string;
  owner: string;
  repo: string;
  /** GitHub Enterprise Server: https://ghe.example.com/api/v3 */
  baseUrl?: string | undefined;
  requestTimeoutMs?: number;
  now?: () => number;
  /** Where a delivered-but-incomplete issue is reported (labels GitHub dropped); default console.warn. */
  warn?: (message: string) => void;
}

/** Secondary rate limits without a Retry-After: GitHub asks to wait at least a minute. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;
/** Issues updated this long before the ticket was stored are too old to be ours. */
const SEARCH_MARGIN_MS = 10 * 60_000;
/** 1,000 issues touched since the ticket was stored is far beyond any support repository's pace. */
const MAX_SEARCH_PAGES = 10;

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export function createGitHubAdapter(options: GitHubAdapterOptions): HelpdeskAdapter {
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'dialtone-helpdesk',
    log: silent,
  });
  const { owner, repo } = options;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const now = options.now ?? Date.now;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const request = (signal: AbortSignal) => ({
    signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
  });

  /** Pages through issues updated since the ticket was stored (newest first), looking for our hidden key. */
  async function findExisting(stored: StoredTicket, signal: AbortSignal): Promise<DeliveryReceipt | undefined> {
    const marker = deliveryMarker(stored.deliveryKey);
    const since = new Date(Date.parse(stored.storedAt) - SEARCH_MARGIN_MS).toISOString();
    // Not octokit.paginate: its iterator drops `request.signal`, so a hanging page would never time out.
    for (let page = 1; page <= MAX_SEARCH_PAGES; page++) {
      const { data } = await octokit.rest.issues.listForRepo({
        owner,
        repo,
        state: 'all',
        since,
        sort: 'created',
        direction: 'desc',
        per_page: 100,
        page,
        request: request(signal),
      });
      const issue = data.find((i) => !i.pull_request && (i.body ?? '').includes(marker));
      if (issue) return { externalId: String(issue.number), externalUrl: issue.html_url };
      if (data.length < 100) return undefined;
    }
    return undefined;
  }

  async function deliver(stored: StoredTicket, context: DeliveryContext): Promise<DeliveryReceipt> {
    try {
      if (context.maybeCreated) {
        const existing = await findExisting(stored, context.signal);
        if (existing) return existing;
      }
      const facts = { ...stored.derived, reference: stored.reference, deliveryKey: stored.deliveryKey };
      const labels = ticketLabels(stored.ticket, facts);
      const response = await octokit.rest.issues.create({
        owner,
        repo,
        title: ticketTitle(stored.ticket, facts),
        body: toMarkdown(stored.ticket, facts),
        labels,
        request: request(context.signal),
      });
      // GitHub silently drops labels when the token may not set them (no triage or push access): the issue
      // exists, but without its priority label nobody's filter finds it. Say so.
      const kept = new Set(response.data.labels.map((l) => (typeof l === 'string' ? l : l.name)));
      const dropped = labels.filter((label) => !kept.has(label));
      if (dropped.length > 0) {
        warn(
          `helpdesk: GitHub created issue #${response.data.number} for ${stored.reference} without the labels ${dropped.join(', ')}: give the token triage (or write) access to ${owner}/${repo}, then add them by hand`,
        );
      }
      const headers = response.headers as Record<string, string | undefined>;
      return {
        externalId: String(response.data.number),
        externalUrl: response.data.html_url,
        pauseUntil: headers['x-ratelimit-remaining'] === '0' ? resetTime(headers) : undefined,
      };
    } catch (error) {
      throw classify(error, now());
    }
  }

  /** The repository as the token sees it: visible, issues on, private or public, and what the token may do there. */
  async function check(signal: AbortSignal): Promise<HelpdeskCheck> {
    const where = `GitHub repository ${owner}/${repo}`;
    try {
      const { data } = await octokit.rest.repos.get({ owner, repo, request: request(signal) });
      const can = data.permissions;
      const access = can ? (can.admin ? 'admin' : can.push ? 'write' : can.triage ? 'triage' : 'read') : 'unknown';
      const lines = [
        `${where} is visible to the token (${data.private ? 'private' : 'PUBLIC: anyone can read the tickets'})`,
        `issues ${data.has_issues ? 'enabled' : 'DISABLED: enable them in the repository settings'}`,
        `token access: ${access}`,
      ];
      if (!data.private) lines.push('tickets hold customer names, e-mails and numbers: use a private repository');
      return { ok: data.has_issues, lines };
    } catch (error) {
      const e = error as HttpError;
      if (e.status === 404) {
        return {
          ok: false,
          lines: [`${where} not found, or the token cannot see it: check HELPDESK_REPO and GITHUB_TOKEN`],
        };
      }
      if (e.status === 401) return { ok: false, lines: [`GitHub refused the token (401): check GITHUB_TOKEN`] };
      return { ok: false, lines: [`${where}: ${classify(error, now()).message}`] };
    }
  }

  return { name: 'github', deliver, check };
}

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined> };
}

/** Turns an Octokit error into what the delivery loop should do next. */
export function classify(error: unknown, now: number): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = (error ?? {}) as HttpError;
  const message = e.message ?? String(error);
  const headers = e.response?.headers;
  if (!headers || e.status === undefined) {
    return new DeliveryError('ambiguous', `no answer from GitHub (${message}): it may have been created`);
  }
  const status = e.status;
  const retryAfterMs = retryAfter(headers, now);
  // GitHub's secondary limits may come as a bare 403 whose message alone says so.
  const secondaryLimit = status === 403 && /secondary rate limit|abuse detection/i.test(message);
  const spent = retryAfterMs !== undefined || headers['x-ratelimit-remaining'] === '0';
  if (status === 429 || (status === 403 && (spent || secondaryLimit))) {
    return new DeliveryError(
      'rate-limited',
      `GitHub rate limit (${status}): ${message}`,
      retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS,
    );
  }
  if (status >= 500 || status === 408) {
    return new DeliveryError('ambiguous', `GitHub answered ${status}: ${message}`, retryAfterMs);
  }
  return new DeliveryError('rejected', `GitHub rejected the request (${status}): ${message}`);
}

/** Retry-After (seconds or an HTTP date), else x-ratelimit-reset when the quota is spent. */
function retryAfter(headers: Record<string, string | undefined>, now: number): number | undefined {
  const value = headers['retry-after'];
  if (value !== undefined) {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (headers['x-ratelimit-remaining'] === '0') {
    const reset = resetTime(headers);
    if (reset !== undefined) return Math.max(0, reset - now);
  }
  return undefined;
}

function resetTime(headers: Record<string, string | undefined>): number | undefined {
  const reset = Number(headers['x-ratelimit-reset']);
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined;
}
