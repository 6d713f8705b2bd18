// What to write next: the articles readers voted unhelpful, the searches that found nothing, tickets by category
// and priority, tickets filed without the category's playbook, and articles past reviewBy.
//   npm run insights [-- --since 30d] [--json] [--outbox FILE|postgres://URL] [--limit 10]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkContentFolder } from '../src/content-io.ts';
import { openFeedbackStore } from '../src/feedback/open.ts';
import { DEFAULT_OUTBOX_PATH } from '../src/helpdesk/outbox.ts';
import { openOutbox } from '../src/helpdesk/runtime.ts';
import { categoryById } from '../src/lib/articles/categories.ts';
import { overdueArticles } from '../src/lib/articles/review.ts';
import { formatInsights } from '../src/lib/insights/format.ts';
import { insights, type FailedSearchRow, type TicketRow, type VoteRow } from '../src/lib/insights/insights.ts';
import { parseSince } from '../src/lib/insights/since.ts';

const USAGE = 'usage: npm run insights [-- --since 30d] [--json] [--outbox FILE|postgres://URL] [--limit N]';

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args: { since: string; json: boolean; outbox?: string; limit: string; now?: string };
try {
  args = parseArgs({
    options: {
      since: { type: 'string', default: '30d' },
      json: { type: 'boolean', default: false },
      outbox: { type: 'string' },
      limit: { type: 'string', default: '10' },
      // The instant the report is made at (tests and reproducible reports); default: now.
      now: { type: 'string' },
    },
  }).values as typeof args;
} catch (error) {
  fail(`insights: ${(error as Error).message}\n${USAGE}`, 2);
}
const now = args.now ? new Date(args.now) : new Date();
if (Number.isNaN(now.getTime()))
  fail(`insights: --now "${args.now}" is not an instant: use e.g. 2026-11-24T15:00:00Z`, 2);
const since = parseSince(args.since, now);
if (!(since instanceof Date)) fail(`insights: ${since.error}`, 2);
const limit = Number(args.limit);
if (!Number.isInteger(limit) || limit < 1) fail(`insights: --limit must be a whole number of rows, e.g. 10`, 2);

// The content: published playbooks (titles, categories) and reviewBy dates. Broken content still reports.
const content = checkContentFolder(undefined, { now });
const published = content.data.articles.filter((a) => !a.data.draft);
const playbooks = published.map((a) => ({
  id: a.id,
  title: a.data.title,
  ticketCategory: categoryById(a.data.category)?.ticketCategory ?? a.data.category,
}));
const overdue = overdueArticles(content.data.articles, now);

// The database the server writes: --outbox, else OUTBOX_URL (PostgreSQL), else OUTBOX_PATH (SQLite).
const location = args.outbox ?? (process.env.OUTBOX_URL || process.env.OUTBOX_PATH || DEFAULT_OUTBOX_PATH);
let votes: VoteRow[] = [];
let searches: FailedSearchRow[] = [];
let tickets: TicketRow[] = [];
if (/^postgres(ql)?:\/\//.test(location) || existsSync(location)) {
  const feedback = openFeedbackStore(location);
  const { outbox, ready } = openOutbox(location);
  try {
    await Promise.all([feedback.ready, ready]);
    votes = await feedback.store.votesSince(since);
    searches = await feedback.store.failedSearchesSince(since);
    tickets = (await outbox.list()).map((t) => ({
      category: t.ticket.category,
      priority: t.derived.priority,
      submittedAt: t.derived.submittedAt,
      fromArticle: t.ticket.fromArticle,
    }));
  } catch (error) {
    fail(`insights: ${location}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await Promise.all([feedback.store.close(), outbox.close()]);
  }
} else if (!args.json) {
  process.stderr.write(`No feedback or tickets yet (${location} does not exist): only the content is reported.\n`);
}

const report = insights({ since, votes, searches, tickets, playbooks, overdue, limit });
process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatInsights(report));
