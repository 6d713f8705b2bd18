// Reads, for the SLA report, when a ticket delivered to Zendesk or Freshdesk was first answered by an agent:
//   Zendesk:   GET /api/v2/tickets/{id}/metrics.json -> ticket_metric.created_at + reply_time_in_minutes.calendar
//              (minutes to the first public agent reply; null until there is one)
//   Freshdesk: GET /api/v2/tickets/{id}?include=stats -> stats.first_responded_at (null until an agent responds)
// A rate limit (429) is waited out as the helpdesk says (bounded), else the report stops saying when to rerun.
import type { FreshdeskConfig, ZendeskConfig } from '../helpdesk/config.ts';
import { basicAuth, callHelpdesk, DEFAULT_RATE_LIMIT_WAIT_MS } from '../helpdesk/http.ts';

export interface HelpdeskResponses {
  /** ISO instant of the first agent response to the ticket with this helpdesk id, or null when none yet. */
  firstResponse(externalId: string): Promise<string | null>;
}

export interface ReaderOptions {
  /** The longest rate-limit wait worth sitting through (default 60 s). */
  maxRateLimitWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const TIMEOUT_MS = 30_000;
const RATE_LIMIT_RETRIES = 3;

export function createZendeskResponses(config: ZendeskConfig, options: ReaderOptions = {}): HelpdeskResponses {
  const get = reader('Zendesk', { authorization: basicAuth(`${config.email}/token`, config.token) }, options);
  return {
    async firstResponse(externalId) {
      const body = (await get(`${config.baseUrl}/api/v2/tickets/${encodeURIComponent(externalId)}/metrics.json`)) as {
        ticket_metric?: { created_at?: string; reply_time_in_minutes?: { calendar?: number | null } | null };
      };
      const metric = body.ticket_metric;
      const minutes = metric?.reply_time_in_minutes?.calendar;
      if (minutes === null || minutes === undefined) return null;
      const created = Date.parse(metric?.created_at ?? '');
      if (Number.isNaN(created)) throw new Error(`ticket ${externalId}: the ticket metric has no created_at`);
      return new Date(created + minutes * 60_000).toISOString();
    },
  };
}

export function createFreshdeskResponses(config: FreshdeskConfig, options: ReaderOptions = {}): HelpdeskResponses {
  const get = reader('Freshdesk', { authorization: basicAuth(config.apiKey, 'X') }, options);
  return {
    async firstResponse(externalId) {
      const body = (await get(`${config.baseUrl}/api/v2/tickets/${encodeURIComponent(externalId)}?include=stats`)) as {
        stats?: { first_responded_at?: string | null };
      };
      const at = body.stats?.first_responded_at;
      return at ? new Date(at).toISOString() : null;
    },
  };
}

/** A GET that returns the JSON body of a 200, waits out short rate limits, and throws with the status otherwise. */
function reader(helpdesk: string, headers: Record<string, string>, options: ReaderOptions) {
  const maxWait = options.maxRateLimitWaitMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  return async (url: string): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      const answer = await callHelpdesk(helpdesk, {
        method: 'GET',
        url,
        headers: { accept: 'application/json', ...headers },
        signal: new AbortController().signal,
        timeoutMs: TIMEOUT_MS,
      }).catch((error: Error) => {
        throw new Error(`no answer from ${helpdesk} (${url}): ${error.message}`);
      });
      if (answer.status === 200) return answer.body ?? {};
      if (answer.status === 429 && attempt < RATE_LIMIT_RETRIES) {
        const seconds = Number(answer.headers.get('retry-after'));
        const wait =
          Number.isFinite(seconds) && answer.headers.has('retry-after') ? seconds * 1000 : DEFAULT_RATE_LIMIT_WAIT_MS;
        if (wait > maxWait) {
          const at = new Date(now() + wait).toISOString();
          throw new Error(`${helpdesk} rate limit reached: it resets at ${at}; run the report again after that`);
        }
        await sleep(wait);
        continue;
      }
      const detail = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '');
      throw new Error(`${answer.status} from ${url}: ${detail.slice(0, 200)}`);
    }
  };
}
