// Loads articles for pages: drafts are visible in `astro dev`, never in a build. Every content rule (body shape,
// related links, codes, link texts) fails the build first, with the same lines as `npm run check:content`.
import { getCollection, type CollectionEntry } from 'astro:content';
import { categories, type Category } from '../lib/articles/categories.ts';
import { siteContent } from './content.ts';

export type Article = CollectionEntry<'articles'>;

let loaded: Promise<Article[]> | undefined;

async function loadArticles(): Promise<Article[]> {
  siteContent();
  const all = await getCollection('articles');
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
