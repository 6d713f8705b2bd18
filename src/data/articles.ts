// Loads articles for pages: drafts are visible in `astro dev`, never in a build. The cross-article rules
// (category = folder, related articles exist) fail the build with the same messages as `npm run check`.
import { getCollection, type CollectionEntry } from 'astro:content';
import { categories, type Category } from '../lib/articles/categories.ts';
import { checkArticleSet } from '../lib/articles/consistency.ts';

export type Article = CollectionEntry<'articles'>;

let loaded: Promise<Article[]> | undefined;

async function loadArticles(): Promise<Article[]> {
  const all = await getCollection('articles');
  const errors = checkArticleSet(
    all.map((entry) => ({
      id: entry.id,
      file: entry.filePath ?? `content/articles/${entry.id}.mdx`,
      data: entry.data,
    })),
  );
  if (errors.length > 0) throw new Error(`Invalid articles:\n${errors.join('\n')}`);
  return all
    .filter((entry) => import.meta.env.DEV || !entry.data.draft)
    .sort((a, b) => a.data.title.localeCompare(b.data.title));
}

export function publishedArticles(): Promise<Article[]> {
  loaded ??= loadArticles();
  return loaded;
}

export async function categoriesWithCounts(): Promise<(Category & { count: number })[]> {
  const articles = await publishedArticles();
  return categories
    .map((category) => ({ ...category, count: articles.filter((a) => a.data.category === category.id).length }))
    .filter((category) => category.count > 0);
}
