// Rules that span files: what one article's frontmatter says about its folder and about other articles.
import type { ArticleFrontmatter } from './schema.ts';

export interface ArticleRef {
  /** `<category>/<slug>`, from the file's path under content/articles/ */
  id: string;
  /** path for messages, e.g. content/articles/registration/phone-wont-register.mdx */
  file: string;
  data: Pick<ArticleFrontmatter, 'category' | 'related' | 'draft' | 'title'>;
}

export function checkArticleSet(articles: readonly ArticleRef[]): string[] {
  const errors: string[] = [];
  const published = new Set(articles.filter((a) => !a.data.draft).map((a) => a.id));
  const all = new Set(articles.map((a) => a.id));
  const titles = new Map<string, string>();
  for (const article of articles) {
    const folder = article.id.split('/')[0];
    if (folder !== article.data.category) {
      errors.push(
        `${article.file}: category: is '${article.data.category}' but the file is in the '${folder}' folder; move the file or change the category`,
      );
    }
    article.data.related.forEach((related, i) => {
      if (related === article.id) {
        errors.push(`${article.file}: related[${i}]: an article cannot be related to itself; remove '${related}'`);
      } else if (!all.has(related)) {
        errors.push(
          `${article.file}: related[${i}]: no article '${related}' (expected a file content/articles/${related}.mdx)`,
        );
      } else if (!article.data.draft && !published.has(related)) {
        errors.push(`${article.file}: related[${i}]: '${related}' is a draft; publish it or remove the link`);
      }
    });
    const key = article.data.title.toLowerCase();
    const other = titles.get(key);
    if (other) errors.push(`${article.file}: title: same title as ${other}; customers could not tell them apart`);
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
