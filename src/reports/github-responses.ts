// Reads, for the SLA report, when each ticket's GitHub issue was first answered: the earliest comment by anyone
// other than the intake account (the token's own user, which files the issues). Pages through comments with
// Octokit; waits out a rate limit when GitHub says how long (bounded), else stops with what to do.
import { Octokit } from '@octokit/rest';

export interface GitHubResponsesOptions {
  token: string;
  owner: string;
  repo: string;
  baseUrl?: string | undefined;
  /** The longest rate-limit wait worth sitting through (default 60 s); longer: fail, saying when to rerun. */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface GitHubResponses {
  /** The login of the token's user: the account that files tickets as issues. */
  intakeAccount(): Promise<string>;
  /** ISO instant of the first comment not by `intake`, or null when nobody else has commented. */
  firstResponse(issue: number, intake: string): Promise<string | null>;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const RATE_LIMIT_RETRIES = 3;

export function createGitHubResponses(options: GitHubResponsesOptions): GitHubResponses {
  const { owner, repo } = options;
  const maxWait = options.maxRateLimitWaitMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'dialtone-sla-report',
    log: silent,
  });

  // Rate limits: 429, or 403 with no requests left. Wait as told (Retry-After, or until X-RateLimit-Reset).
  octokit.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const wait = rateLimitWait(error, now());
        if (wait === undefined || attempt >= RATE_LIMIT_RETRIES) throw error;
        if (wait > maxWait) {
          const at = new Date(now() + wait).toISOString();
          throw new Error(`GitHub rate limit reached: it resets at ${at}; run the report again after that`);
        }
        await sleep(wait);
      }
    }
  });

  return {
    async intakeAccount() {
      const { data } = await octokit.rest.users.getAuthenticated();
      return data.login;
    },
    async firstResponse(issue, intake) {
      let first: string | null = null;
      // Comments come oldest first: stop paging at the first one by someone else.
      await octokit.paginate(
        octokit.rest.issues.listComments,
        { owner, repo, issue_number: issue, per_page: 100 },
        (response, done) => {
          for (const comment of response.data) {
            if (comment.user?.login !== intake && (first === null || comment.created_at < first)) {
              first = comment.created_at;
            }
          }
          if (first !== null) done();
          return [];
        },
      );
      return first === null ? null : new Date(first).toISOString();
    },
  };
}

/** Milliseconds to wait before retrying a rate-limited request, or undefined when it was not rate-limited. */
function rateLimitWait(error: unknown, nowMs: number): number | undefined {
  const e = error as { status?: number; response?: { headers?: Record<string, string | undefined> } };
  const headers = e.response?.headers ?? {};
  const limited = e.status === 429 || (e.status === 403 && headers['x-ratelimit-remaining'] === '0');
  if (!limited) return undefined;
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000);
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - nowMs);
  return 60_000;
}
