// The content module's I/O part, and the only place that knows where content lives: resolves CONTENT_DIR,
// reads the files and hands their texts to src/lib/content, naming each path as the person would type it.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { articleIdFromPath } from './lib/articles/consistency.ts';
import {
  checkContent,
  CONTENT_LAYOUT,
  type CheckOptions,
  type ContentCheck,
  type ContentTexts,
  type TextFile,
} from './lib/content/index.ts';
import { contentSchemas, findStaleSchemas, schemaText } from './lib/content/schemas.ts';
import type { SupportPolicy } from './lib/policy/schema.ts';
import { validatePolicyText } from './lib/policy/validate.ts';
import { validateIncidentsText, type IncidentsFile } from './lib/status/schema.ts';

export const DEFAULT_CONTENT_DIR = 'content';

/** The content root: `root`, else CONTENT_DIR, else `content`, resolved against the working directory. */
export function contentRoot(root?: string, env: Record<string, string | undefined> = process.env): string {
  return path.resolve(root || env.CONTENT_DIR || DEFAULT_CONTENT_DIR);
}

/** A path as the user would type it: relative to the working directory when inside it, else absolute. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative.split(path.sep).join('/')
    : file;
}

export type ContentFile = Exclude<keyof typeof CONTENT_LAYOUT, 'articles' | 'schemas'>;

/** The absolute path of one content file (`incidents`, `policy`, `codes`) under the root. */
export function contentFilePath(kind: ContentFile, root?: string): string {
  return path.join(contentRoot(root), CONTENT_LAYOUT[kind]);
}

export function articlesDir(root?: string): string {
  return path.join(contentRoot(root), CONTENT_LAYOUT.articles);
}

/** An article's source file, for "Edit this article" and messages: `<root>/articles/<id>.mdx`. */
export function articleFilePath(id: string, root?: string): string {
  return path.join(articlesDir(root), `${id}.mdx`);
}

export type ReadResult = { ok: true; file: TextFile } | { ok: false; error: string };

/** A file's text, or the line a person reads about why it could not be read. */
export function readTextFile(file: string): ReadResult {
  const shown = shownPath(path.resolve(file));
  try {
    return { ok: true, file: { file: shown, text: readFileSync(file, 'utf8') } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, error: `${shown}: cannot read the file (${code})` };
  }
}

function optional(file: string): TextFile | undefined {
  const read = readTextFile(file);
  return read.ok ? read.file : undefined;
}

function filesEndingIn(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .sort();
}

/** Reads every file under a content root (missing files stay undefined: the check names them). */
export function readContentTexts(root?: string): ContentTexts {
  const absolute = contentRoot(root);
  const articles = articlesDir(root);
  const schemasDir = path.join(absolute, CONTENT_LAYOUT.schemas);
  return {
    root: shownPath(absolute),
    articles: filesEndingIn(articles, '.mdx').flatMap((name) => {
      const file = optional(path.join(articles, name));
      return file ? [{ ...file, id: articleIdFromPath(name) }] : [];
    }),
    troubleshooters: filesEndingIn(articles, '.troubleshooter.json').flatMap(
      (name) => optional(path.join(articles, name)) ?? [],
    ),
    codes: optional(contentFilePath('codes', root)),
    incidents: optional(contentFilePath('incidents', root)),
    policy: optional(contentFilePath('policy', root)),
    synonyms: optional(contentFilePath('synonyms', root)),
    schemas: existsSync(schemasDir)
      ? new Map(
          filesEndingIn(schemasDir, '.json').map((name) => [name, readFileSync(path.join(schemasDir, name), 'utf8')]),
        )
      : undefined,
  };
}

/** The whole content root, read, validated and cross-checked: `{ data, errors }` (`now`: review warnings too). */
export function checkContentFolder(root?: string, options: CheckOptions = {}): ContentCheck {
  return checkContent(readContentTexts(root), options);
}

export type Loaded<T> = { ok: true; data: T; file: TextFile } | { ok: false; unreadable: boolean; errors: string[] };

/** incidents.json (the content root's, or `file`) read and validated, or the lines that say why not. */
export function loadIncidents(file?: string): Loaded<IncidentsFile> {
  const read = readTextFile(file ?? contentFilePath('incidents'));
  if (!read.ok) return { ok: false, unreadable: true, errors: [read.error] };
  const result = validateIncidentsText(read.file.text, read.file.file);
  return result.ok
    ? { ok: true, data: result.data, file: read.file }
    : { ok: false, unreadable: false, errors: result.errors };
}

/** support-policy.json (the content root's, or `file`) read and validated, or the lines that say why not. */
export function loadPolicy(file?: string): Loaded<SupportPolicy> {
  const read = readTextFile(file ?? contentFilePath('policy'));
  if (!read.ok) return { ok: false, unreadable: true, errors: [read.error] };
  const result = validatePolicyText(read.file.text, read.file.file);
  return result.ok
    ? { ok: true, data: result.policy, file: read.file }
    : { ok: false, unreadable: false, errors: result.errors };
}

/** Writes the content root's stale or missing JSON Schemas (`only`: just these names); returns the paths written. */
export function writeStaleSchemas(root?: string, only?: readonly string[]): string[] {
  const dir = path.join(contentRoot(root), CONTENT_LAYOUT.schemas);
  mkdirSync(dir, { recursive: true });
  const read = (file: string) => optional(file)?.text ?? null;
  const generators = new Map(contentSchemas);
  return findStaleSchemas(dir, read)
    .filter((stale) => !only || only.includes(stale.name))
    .map((stale) => {
      writeFileSync(stale.file, schemaText(generators.get(stale.name)?.()));
      return shownPath(stale.file);
    });
}

/**
 * Writes a new article at `<root>/articles/<id>.mdx`, creating its category folder; never overwrites (an
 * existing file is an error naming it). Returns the path as shown to people.
 */
export function createArticleFile(id: string, text: string, root?: string): ReadResult {
  const file = articleFilePath(id, root);
  const shown = shownPath(file);
  if (existsSync(file))
    return { ok: false, error: `${shown}: already exists; choose another --slug or edit that file` };
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    return { ok: false, error: `${shown}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? error})` };
  }
  return { ok: true, file: { file: shown, text } };
}

/** Replaces one content file (`codes`, `incidents`, `policy`) under the root with `text`. */
export function writeContentFile(kind: ContentFile, text: string, root?: string): string {
  const file = contentFilePath(kind, root);
  writeFileSync(file, text);
  return shownPath(file);
}
