// Astro collections over content/, validated with the schemas in src/lib (one schema per shape).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { articleFrontmatter } from './lib/articles/schema.ts';
import { articleIdFromPath } from './lib/articles/consistency.ts';
import { articlesDir } from './content-io.ts';

/**
 * The glob loader without its one module per MDX file: the article page compiles each body as it renders
 * (src/data/article-content.ts). Bundling 10,000 article modules was the build's memory peak (bench/results.md).
 * Entries keep their body and data; they are never `render()`-able, and nothing imports them.
 */
function withoutEntryModules(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        store: {
          ...context.store,
          set: (entry) => context.store.set({ ...entry, deferredRender: false }),
          addModuleImport: () => {},
        },
      }),
  };
}

const articles = defineCollection({
  loader: withoutEntryModules(
    glob({
      pattern: '**/*.mdx',
      base: articlesDir(),
      generateId: ({ entry }) => articleIdFromPath(entry),
    }),
  ),
  schema: articleFrontmatter,
});

export const collections = { articles };
