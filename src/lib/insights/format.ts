// The insights report as a terminal reads it: one titled table per ranking, or a line saying there is none.
import { reasonLabels } from '../feedback/schema.ts';
import { table } from '../text-table.ts';
import type { Insights } from './insights.ts';

function section(title: string, rows: string[][], empty: string): string {
  return `${title}\n${rows.length > 1 ? table(rows) : `  ${empty}`}\n`;
}

export function formatInsights(report: Insights): string {
  const day = report.since.slice(0, 10);
  const parts = [
    `Insights since ${day}\n`,
    section(
      'Articles readers found unhelpful (fix first)',
      [
        ['ARTICLE', 'NO', 'YES', 'NO %', 'REASONS', 'LATEST COMMENT'],
        ...report.unhelpfulArticles.map((a) => [
          a.article,
          String(a.no),
          String(a.yes),
          `${Math.round(a.noShare * 100)}%`,
          a.reasons.map((r) => `${reasonLabels[r.reason]} (${r.count})`).join('; ') || '-',
          clip(a.comments[0] ?? '-', 50),
        ]),
      ],
      'no "no" votes',
    ),
    section(
      'Searches that found nothing (write or add synonyms)',
      [
        ['QUERY', 'NO RESULT', 'NO CLICK', 'LAST'],
        ...report.searchesWithoutResult.map((s) => [
          clip(s.query, 50),
          String(s.noResult),
          String(s.noClick),
          s.lastAt.slice(0, 10),
        ]),
      ],
      'no failed searches',
    ),
    section(
      'Tickets by category and priority',
      [
        ['CATEGORY', 'TOTAL', 'CRITICAL', 'HIGH', 'NORMAL', 'LOW'],
        ...report.ticketsByCategory.map((c) => [
          c.category,
          String(c.total),
          ...(['critical', 'high', 'normal', 'low'] as const).map((p) => String(c.byPriority[p])),
        ]),
      ],
      'no tickets',
    ),
    section(
      "Tickets filed without opening the category's playbook first",
      [
        ['CATEGORY', 'WITHOUT PLAYBOOK', 'TICKETS', 'PLAYBOOKS'],
        ...report.playbooksSkipped.map((p) => [
          p.category,
          String(p.withoutPlaybook),
          String(p.tickets),
          clip(p.playbooks.join(', '), 60),
        ]),
      ],
      'every ticket in a category with playbooks came through one',
    ),
    section(
      'Articles past their reviewBy date',
      [
        ['ARTICLE', 'REVIEW BY', 'DAYS OVER', 'FILE'],
        ...report.overdueArticles.map((a) => [a.id, a.reviewBy, String(a.daysOverdue), a.file]),
      ],
      'none',
    ),
  ];
  return parts.join('\n');
}

/** Control and bidi characters a reader typed must not drive the operator's terminal. */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

function clip(text: string, width: number): string {
  const flat = text.replace(TERMINAL_UNSAFE, ' ').replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
