// Astro collections over content/, validated with the schemas in src/lib (one schema per shape).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleFrontmatter } from './lib/articles/schema.ts';
import { articleIdFromPath } from './lib/articles/consistency.ts';
import { articlesDir } from './content-io.ts';

const articles = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: articlesDir(),
    generateId: ({ entry }) => articleIdFromPath(entry),
  }),
  schema: articleFrontmatter,
});

export const collections = { articles };
