// What to write next: rankings over reader feedback, failed searches and tickets. Pure: the CLI reads the stores
// and the content, then hands the rows here.
import type { OverdueArticle } from '../articles/review.ts';
import type { FeedbackReason, SearchOutcome } from '../feedback/schema.ts';
import type { Priority } from '../policy/schema.ts';

export interface VoteRow {
  article: string;
  helpful: boolean;
  reason?: FeedbackReason | undefined;
  comment?: string | undefined;
  at: string;
}

export interface FailedSearchRow {
  query: string;
  outcome: SearchOutcome;
  at: string;
}

export interface TicketRow {
  category: string;
  priority: Priority;
  submittedAt: string;
  /** The article the customer opened the form from ("Still stuck?"), if any. */
  fromArticle?: string | undefined;
}

/** A published playbook and the ticket category it answers. */
export interface PlaybookRow {
  id: string;
  title: string;
  ticketCategory: string;
}

export interface UnhelpfulArticle {
  article: string;
  title: string | null;
  no: number;
  yes: number;
  /** no / (yes + no), rounded to two places */
  noShare: number;
  /** Reasons given with the "no" votes, most given first. */
  reasons: Array<{ reason: FeedbackReason; count: number }>;
  /** The newest comments with a "no", newest first (at most 3). */
  comments: string[];
}

export interface SearchGap {
  query: string;
  noResult: number;
  noClick: number;
  lastAt: string;
}

export interface CategoryTickets {
  category: string;
  total: number;
  byPriority: Record<Priority, number>;
}

export interface PlaybookSkipped {
  category: string;
  tickets: number;
  /** Tickets of this category not filed from one of its playbooks. */
  withoutPlaybook: number;
  playbooks: string[];
}

const PRIORITIES: Priority[] = ['critical', 'high', 'normal', 'low'];

/** Articles with at least one "no", most "no" votes first, then the larger share of "no", then by id. */
export function unhelpfulArticles(votes: readonly VoteRow[], titles: ReadonlyMap<string, string> = new Map()) {
  const byArticle = new Map<string, VoteRow[]>();
  for (const vote of votes) byArticle.set(vote.article, [...(byArticle.get(vote.article) ?? []), vote]);
  const rows: UnhelpfulArticle[] = [];
  for (const [article, all] of byArticle) {
    const no = all.filter((v) => !v.helpful);
    if (no.length === 0) continue;
    const reasons = new Map<FeedbackReason, number>();
    for (const v of no) if (v.reason) reasons.set(v.reason, (reasons.get(v.reason) ?? 0) + 1);
    rows.push({
      article,
      title: titles.get(article) ?? null,
      no: no.length,
      yes: all.length - no.length,
      noShare: Math.round((no.length / all.length) * 100) / 100,
      reasons: [...reasons]
        .map(([reason, count]) => ({ reason, count }))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      comments: no
        .filter((v) => v.comment)
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, 3)
        .map((v) => v.comment!),
    });
  }
  return rows.sort((a, b) => b.no - a.no || b.noShare - a.noShare || a.article.localeCompare(b.article));
}

/** Queries that failed, most "no result" first, then most "no click", then the most recent. */
export function searchGaps(searches: readonly FailedSearchRow[]): SearchGap[] {
  const byQuery = new Map<string, SearchGap>();
  for (const s of searches) {
    const gap = byQuery.get(s.query) ?? { query: s.query, noResult: 0, noClick: 0, lastAt: s.at };
    if (s.outcome === 'no-result') gap.noResult++;
    else gap.noClick++;
    if (s.at > gap.lastAt) gap.lastAt = s.at;
    byQuery.set(s.query, gap);
  }
  return [...byQuery.values()].sort(
    (a, b) => b.noResult - a.noResult || b.noClick - a.noClick || b.lastAt.localeCompare(a.lastAt),
  );
}

/** Tickets per category with their priorities, the busiest category first. */
export function ticketsByCategory(tickets: readonly TicketRow[]): CategoryTickets[] {
  const rows = new Map<string, CategoryTickets>();
  for (const t of tickets) {
    const row = rows.get(t.category) ?? {
      category: t.category,
      total: 0,
      byPriority: Object.fromEntries(PRIORITIES.map((p) => [p, 0])) as Record<Priority, number>,
    };
    row.total++;
    row.byPriority[t.priority]++;
    rows.set(t.category, row);
  }
  return [...rows.values()].sort((a, b) => b.total - a.total || a.category.localeCompare(b.category));
}

/**
 * Tickets filed in a category that has playbooks, without going through one of them first. The rule: a ticket
 * "opened the playbook first" when the form was opened from an article (`fromArticle`, set by the article's
 * "Still stuck?" link) whose category answers the ticket's category. Categories without playbooks are left
 * out (nothing to open), as are categories where every ticket came through a playbook.
 */
export function playbooksSkipped(tickets: readonly TicketRow[], playbooks: readonly PlaybookRow[]) {
  const byCategory = new Map<string, string[]>();
  for (const p of playbooks) byCategory.set(p.ticketCategory, [...(byCategory.get(p.ticketCategory) ?? []), p.id]);
  const rows = new Map<string, PlaybookSkipped>();
  for (const t of tickets) {
    const ids = byCategory.get(t.category);
    if (!ids) continue;
    const row = rows.get(t.category) ?? { category: t.category, tickets: 0, withoutPlaybook: 0, playbooks: ids };
    row.tickets++;
    if (t.fromArticle === undefined || !ids.includes(t.fromArticle)) row.withoutPlaybook++;
    rows.set(t.category, row);
  }
  return [...rows.values()]
    .filter((r) => r.withoutPlaybook > 0)
    .sort((a, b) => b.withoutPlaybook - a.withoutPlaybook || a.category.localeCompare(b.category));
}

export interface InsightsInput {
  since: Date;
  votes: readonly VoteRow[];
  searches: readonly FailedSearchRow[];
  tickets: readonly TicketRow[];
  playbooks: readonly PlaybookRow[];
  overdue: readonly OverdueArticle[];
  /** Rows per ranking (default 10). */
  limit?: number;
}

export interface Insights {
  since: string;
  unhelpfulArticles: UnhelpfulArticle[];
  searchesWithoutResult: SearchGap[];
  ticketsByCategory: CategoryTickets[];
  playbooksSkipped: PlaybookSkipped[];
  overdueArticles: OverdueArticle[];
}

/** Every ranking over the rows at or after `since` (the stores already filter; this keeps the function honest). */
export function insights(input: InsightsInput): Insights {
  const from = input.since.toISOString();
  const limit = input.limit ?? 10;
  const recent = <T extends { at: string }>(rows: readonly T[]) => rows.filter((r) => r.at >= from);
  const tickets = input.tickets.filter((t) => Date.parse(t.submittedAt) >= input.since.getTime());
  const titles = new Map(input.playbooks.map((p) => [p.id, p.title]));
  return {
    since: from,
    unhelpfulArticles: unhelpfulArticles(recent(input.votes), titles).slice(0, limit),
    searchesWithoutResult: searchGaps(recent(input.searches)).slice(0, limit),
    ticketsByCategory: ticketsByCategory(tickets),
    playbooksSkipped: playbooksSkipped(tickets, input.playbooks),
    overdueArticles: [...input.overdue],
  };
}
