// Loads articles for pages: drafts are visible in `astro dev`, never in a build.
import { getCollection, type CollectionEntry } from 'astro:content';
import { categories, type Category } from '../lib/articles/categories.ts';

export type Article = CollectionEntry<'articles'>;

export async function publishedArticles(): Promise<Article[]> {
  const all = await getCollection('articles', (entry) => import.meta.env.DEV || !entry.data.draft);
  return all.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

export async function categoriesWithCounts(): Promise<(Category & { count: number })[]> {
  const articles = await publishedArticles();
  return categories
    .map((category) => ({ ...category, count: articles.filter((a) => a.data.category === category.id).length }))
    .filter((category) => category.count > 0);
}
