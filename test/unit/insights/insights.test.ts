// The insights rankings on a seeded month: what to fix first, what to write, where tickets skip the playbook.
import { describe, expect, it } from 'vitest';
import { formatInsights } from '../../../src/lib/insights/format.ts';
import { insights, playbooksSkipped, searchGaps, unhelpfulArticles } from '../../../src/lib/insights/insights.ts';
import { parseSince } from '../../../src/lib/insights/since.ts';
import { NOW, playbooks, searches, SINCE, tickets, votes } from '../../fixtures/insights/dataset.ts';

const report = insights({ since: SINCE, votes, searches, tickets, playbooks, overdue: [] });

describe('insights', () => {
  it('ranks articles by "no" votes, then by their share of "no", with reasons and newest comments', () => {
    expect(report.unhelpfulArticles).toEqual([
      {
        article: 'registration/phone-wont-register',
        title: "My phone won't register",
        no: 3,
        yes: 0,
        noShare: 1,
        reasons: [{ reason: 'did-not-work', count: 1 }],
        comments: [],
      },
      {
        article: 'fax/fax-fails',
        title: 'Faxes fail to send',
        no: 3,
        yes: 1,
        noShare: 0.75,
        reasons: [
          { reason: 'outdated', count: 2 },
          { reason: 'unclear', count: 1 },
        ],
        comments: ['which ATA?', 'T.38 menu moved'],
      },
    ]);
    // Outside the window, the old "no" on the voicemail article does not count.
    expect(report.unhelpfulArticles.map((a) => a.article)).not.toContain('voicemail/reset-pin');
  });

  it('ranks searches by "no result", then "no click", then recency', () => {
    expect(report.searchesWithoutResult.map((s) => [s.query, s.noResult, s.noClick])).toEqual([
      ['t38 fax', 2, 1],
      ['e911 address', 1, 0],
      ['porting status', 0, 2],
    ]);
    expect(searchGaps([])).toEqual([]);
  });

  it('counts tickets by category and priority, the busiest first', () => {
    expect(report.ticketsByCategory).toEqual([
      { category: 'registration', total: 3, byPriority: { critical: 1, high: 2, normal: 0, low: 0 } },
      { category: 'billing', total: 1, byPriority: { critical: 0, high: 0, normal: 0, low: 1 } },
      { category: 'fax', total: 1, byPriority: { critical: 0, high: 0, normal: 1, low: 0 } },
      { category: 'voicemail', total: 1, byPriority: { critical: 0, high: 0, normal: 1, low: 0 } },
    ]);
  });

  it("lists categories whose tickets skipped their playbook: none opened, or another category's", () => {
    expect(report.playbooksSkipped).toEqual([
      { category: 'registration', tickets: 3, withoutPlaybook: 2, playbooks: ['registration/phone-wont-register'] },
      { category: 'voicemail', tickets: 1, withoutPlaybook: 1, playbooks: ['voicemail/reset-pin'] },
    ]);
    // Billing has no playbook (nothing to open), fax's only ticket came through its playbook.
    expect(playbooksSkipped(tickets, [])).toEqual([]);
  });

  it('limits each ranking and prints titled tables', () => {
    const short = insights({ since: SINCE, votes, searches, tickets, playbooks, overdue: [], limit: 1 });
    expect(short.unhelpfulArticles).toHaveLength(1);
    expect(short.searchesWithoutResult).toHaveLength(1);
    const text = formatInsights(report);
    expect(text).toContain('Insights since 2026-10-25');
    expect(text).toMatch(
      /fax\/fax-fails\s+3\s+1\s+75%\s+Out of date \(menus or screens differ\) \(2\); Hard to follow \(1\)/,
    );
    expect(text).toContain('Articles past their reviewBy date\n  none');
    expect(
      unhelpfulArticles([{ article: 'a/b', helpful: false, comment: '\u001b[31mred', at: NOW.toISOString() }])[0]!
        .comments,
    ).toEqual(['\u001b[31mred']);
    expect(
      formatInsights(
        insights({
          since: SINCE,
          votes: [{ article: 'a/b', helpful: false, comment: '\u001b[2Jx', at: NOW.toISOString() }],
          searches: [],
          tickets: [],
          playbooks: [],
          overdue: [],
        }),
      ),
    ).not.toContain('\u001b');
  });
});

describe('--since', () => {
  it('takes days, hours, weeks or a day, and says what it takes otherwise', () => {
    expect(parseSince('30d', NOW)).toEqual(new Date('2026-10-25T15:00:00Z'));
    expect(parseSince('12h', NOW)).toEqual(new Date('2026-11-24T03:00:00Z'));
    expect(parseSince('2w', NOW)).toEqual(new Date('2026-11-10T15:00:00Z'));
    expect(parseSince('2026-11-01', NOW)).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(parseSince('last month', NOW)).toEqual({
      error: '--since "last month" is not a span or a day: use e.g. 30d (days), 12h (hours), 2w (weeks) or 2026-11-01',
    });
  });
});
