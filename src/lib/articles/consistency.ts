// Rules that span files: what one article's frontmatter says about its folder and about other articles.
import { formatProblem, type Problem } from '../errors.ts';
import type { ArticleFrontmatter } from './schema.ts';
import type { FrontmatterLines } from './validate.ts';

export interface ArticleRef {
  /** `<category>/<slug>`, from the file's path under content/articles/ */
  id: string;
  /** path for messages, e.g. content/articles/registration/phone-wont-register.mdx */
  file: string;
  data: Pick<ArticleFrontmatter, 'category' | 'related' | 'draft' | 'title'>;
  /** Lines of frontmatter fields, when the source was read (the build's collection entries have none). */
  lineOf?: FrontmatterLines;
}

/**
 * `articlesDir` is the folder as people type it (`content/articles`), for "expected a file ..." hints; `existing`
 * holds every article file's id, including those whose frontmatter did not parse (their own errors say why).
 */
export function checkArticleSet(
  articles: readonly ArticleRef[],
  articlesDir: string,
  existing: ReadonlySet<string> = new Set(articles.map((a) => a.id)),
): string[] {
  return articleSetProblems(articles, articlesDir, existing).map(formatProblem);
}

/** The same rules across articles, as problems at the frontmatter line to fix. */
export function articleSetProblems(
  articles: readonly ArticleRef[],
  articlesDir: string,
  existing: ReadonlySet<string> = new Set(articles.map((a) => a.id)),
): Problem[] {
  const errors: Problem[] = [];
  const all = existing;
  const parsed = new Set(articles.map((a) => a.id));
  const published = new Set(articles.filter((a) => !a.data.draft).map((a) => a.id));
  const titles = new Map<string, string>();
  for (const article of articles) {
    const at = (path: PropertyKey[], message: string) =>
      errors.push({ file: article.file, line: article.lineOf?.(path), message });
    const folder = article.id.split('/')[0];
    if (folder !== article.data.category) {
      at(
        ['category'],
        `category: is '${article.data.category}' but the file is in the '${folder}' folder; move the file or change the category`,
      );
    }
    article.data.related.forEach((related, i) => {
      if (related === article.id) {
        at(['related', i], `related[${i}]: an article cannot be related to itself; remove '${related}'`);
      } else if (!all.has(related)) {
        at(['related', i], `related[${i}]: no article '${related}' (expected a file ${articlesDir}/${related}.mdx)`);
      } else if (!article.data.draft && parsed.has(related) && !published.has(related)) {
        at(['related', i], `related[${i}]: '${related}' is a draft; publish it or remove the link`);
      }
    });
    const key = article.data.title.toLowerCase();
    const other = titles.get(key);
    if (other) at(['title'], `title: same title as ${other}; customers could not tell them apart`);
    else titles.set(key, article.file);
  }
  return errors;
}

/** The titles of the `<Check title="...">` steps of an MDX body, in order: the steps a customer tried. */
export function checkTitles(mdxBody: string): string[] {
  const titles: string[] = [];
  for (const match of mdxBody.matchAll(/<Check\b[^>]*?\btitle=(?:"([^"]*)"|'([^']*)'|\{"([^"]*)"\})/g)) {
    const title = match[1] ?? match[2] ?? match[3];
    if (title) titles.push(title.trim());
  }
  return titles;
}

/** Article id from a path relative to content/articles: `registration/phone-wont-register.mdx` -> `registration/phone-wont-register`. */
export function articleIdFromPath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.mdx?$/, '');
}
