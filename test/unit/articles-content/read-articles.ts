// Reads the playbooks from content/articles for content tests: the YAML frontmatter and the MDX body.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const articlesDir = `${repoRoot}content/articles`;

export interface ArticleFile {
  /** `<category>/<slug>` */
  id: string;
  /** the folder the file is in */
  folder: string;
  /** repo-relative path, for messages */
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

export function splitFrontmatter(text: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match?.[1]) return { frontmatter: {}, body: text };
  const data: unknown = parse(match[1]);
  const frontmatter = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  return { frontmatter, body: text.slice(match[0].length) };
}

export function readArticles(): ArticleFile[] {
  const articles: ArticleFile[] = [];
  for (const folder of readdirSync(articlesDir).sort()) {
    for (const name of readdirSync(`${articlesDir}/${folder}`).sort()) {
      if (!name.endsWith('.mdx')) continue;
      const file = `content/articles/${folder}/${name}`;
      const { frontmatter, body } = splitFrontmatter(readFileSync(`${repoRoot}${file}`, 'utf8'));
      articles.push({ id: `${folder}/${name.replace(/\.mdx$/, '')}`, folder, file, frontmatter, body });
    }
  }
  return articles;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
