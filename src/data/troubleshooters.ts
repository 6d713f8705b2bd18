// The guided troubleshooters beside the playbooks (content/articles/<category>/<slug>.troubleshooter.json),
// all validated on first use so a broken or orphaned tree fails the build like `npm run check` does.
import { getCollection } from 'astro:content';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentPath } from '../build/content-dir.ts';
import type { TroubleshooterTree } from '../lib/troubleshooter/schema.ts';
import { checkTreeFile } from '../lib/troubleshooter/validate.ts';

let loaded: Promise<Map<string, TroubleshooterTree>> | undefined;

async function loadTrees(): Promise<Map<string, TroubleshooterTree>> {
  const articleIds = new Set((await getCollection('articles')).map((entry) => entry.id));
  const dir = contentPath('articles');
  const trees = new Map<string, TroubleshooterTree>();
  const errors: string[] = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.troubleshooter.json'),
  );
  for (const name of files.sort()) {
    const file = path.join(dir, name);
    const result = checkTreeFile(readFileSync(file, 'utf8'), path.relative(process.cwd(), file), articleIds);
    if (result.ok) trees.set(result.tree.article, result.tree);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) throw new Error(`Invalid troubleshooters:\n${errors.join('\n')}`);
  return trees;
}

/** The tree that walks the article's checks, if the article has one. */
export async function troubleshooterFor(articleId: string): Promise<TroubleshooterTree | undefined> {
  loaded ??= loadTrees();
  return (await loaded).get(articleId);
}
