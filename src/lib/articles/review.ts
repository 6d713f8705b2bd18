// Articles past their `reviewBy` date: a playbook about a phone menu or a carrier rule goes stale quietly, so its
// writer may set the day it must be re-read. `npm run check:content` warns (never fails); insights lists them.
import type { Problem } from '../errors.ts';
import type { ArticleFrontmatter } from './schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ArticleReview {
  id: string;
  file: string;
  data: Pick<ArticleFrontmatter, 'title' | 'reviewBy'>;
  /** the file's line of `reviewBy`, when the source was read */
  line?: number;
}

export interface OverdueArticle {
  id: string;
  file: string;
  line?: number;
  title: string;
  /** YYYY-MM-DD as written */
  reviewBy: string;
  /** whole days since the `reviewBy` day ended (UTC): 1 the day after */
  daysOverdue: number;
}

/** The articles whose `reviewBy` day is over at `now` (UTC days), most overdue first, then by id. */
export function overdueArticles(articles: readonly ArticleReview[], now: Date): OverdueArticle[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return articles
    .flatMap(({ id, file, line, data }): OverdueArticle[] => {
      if (!data.reviewBy) return [];
      const daysOverdue = Math.round((today - data.reviewBy.getTime()) / DAY_MS);
      if (daysOverdue < 1) return [];
      const reviewBy = data.reviewBy.toISOString().slice(0, 10);
      return [{ id, file, ...(line !== undefined && { line }), title: data.title, reviewBy, daysOverdue }];
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));
}

/** One warning per overdue article, at its `reviewBy` line. */
export function reviewProblems(articles: readonly ArticleReview[], now: Date): Problem[] {
  return overdueArticles(articles, now).map((a) => ({
    file: a.file,
    line: a.line,
    message: `reviewBy: ${a.reviewBy} has passed (${a.daysOverdue} day${a.daysOverdue === 1 ? '' : 's'} ago); re-read the article against the product, then set a new reviewBy date or remove it`,
  }));
}
