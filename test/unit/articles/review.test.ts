// reviewBy: an article past its day is a warning in check:content (at its line) and a row for insights.
import { describe, expect, it } from 'vitest';
import { readContentTexts } from '../../../src/content-io.ts';
import { overdueArticles } from '../../../src/lib/articles/review.ts';
import { checkContent, type ContentTexts } from '../../../src/lib/content/index.ts';

const ROOT = 'test/fixtures/content-good';
const fixture = readContentTexts(ROOT);

/** The fixture with `reviewBy` lines added after the codes of the given articles. */
function withReviewBy(dates: Record<string, string>): ContentTexts {
  return {
    ...fixture,
    articles: fixture.articles.map((a) =>
      dates[a.id] ? { ...a, text: a.text.replace(/^codes: .*$/m, (codes) => `${codes}\nreviewBy: ${dates[a.id]}`) } : a,
    ),
  };
}

const article = (id: string, reviewBy?: string) => ({
  id,
  file: `site-content/articles/${id}.mdx`,
  data: { title: id, reviewBy: reviewBy ? new Date(`${reviewBy}T00:00:00Z`) : undefined },
});

describe('overdueArticles', () => {
  it('counts an article overdue from the day after its reviewBy day (UTC), most overdue first', () => {
    const articles = [
      article('fax/a', '2026-11-20'),
      article('fax/b', '2026-11-01'),
      article('fax/c', '2026-11-21'),
      article('fax/d'),
    ];
    expect(overdueArticles(articles, new Date('2026-11-21T23:59:59Z'))).toEqual([
      { id: 'fax/b', file: 'site-content/articles/fax/b.mdx', title: 'fax/b', reviewBy: '2026-11-01', daysOverdue: 20 },
      { id: 'fax/a', file: 'site-content/articles/fax/a.mdx', title: 'fax/a', reviewBy: '2026-11-20', daysOverdue: 1 },
    ]);
    expect(overdueArticles(articles, new Date('2026-11-20T12:00:00Z')).map((a) => a.id)).toEqual(['fax/b']);
  });
});

describe('checkContent with reviewBy', () => {
  const texts = withReviewBy({
    'registration/phone-wont-register': '2026-11-20',
    'account/reset-sip-password': "'2027-01-31'",
  });

  it('warns at the reviewBy line of an article past it, and never turns it into an error', () => {
    const check = checkContent(texts, { now: new Date('2026-11-24T15:00:00Z') });
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      {
        file: `${ROOT}/articles/registration/phone-wont-register.mdx`,
        line: 11,
        message:
          'reviewBy: 2026-11-20 has passed (4 days ago); re-read the article against the product, then set a new reviewBy date or remove it',
      },
    ]);
    expect(checkContent(texts, { now: new Date('2027-02-01T00:00:00Z') }).warnings.map((w) => w.line)).toEqual([
      11, 11,
    ]);
  });

  it('gives no warning without an instant to compare with', () => {
    expect(checkContent(texts).warnings).toEqual([]);
  });

  it('rejects a reviewBy that is not a date, naming the field', () => {
    const check = checkContent(withReviewBy({ 'registration/phone-wont-register': 'soon' }));
    expect(check.errors).toEqual([
      `${ROOT}/articles/registration/phone-wont-register.mdx:11: reviewBy: write the review date as YYYY-MM-DD, or leave it out`,
    ]);
  });
});
