// The content module's pure part: every file support teams edit, given as text, parsed, validated and
// cross-checked in one place. `npm run check:content`, the build, the CLIs and the ticket server all go through
// it (reading the files is src/content-io.ts's job), so a rule lives once and every shell says it the same way.
import { articleLinks, linkTextMatchesTitle, playbookBodyProblems, type ArticleLink } from '../articles/body.ts';
import { articleSetProblems, type ArticleRef } from '../articles/consistency.ts';
import { reviewProblems } from '../articles/review.ts';
import type { ArticleFrontmatter } from '../articles/schema.ts';
import { validateArticleSource, type FrontmatterLines } from '../articles/validate.ts';
import { codeCrossCheckProblems } from '../codes/cross-check.ts';
import type { CodeReference } from '../codes/schema.ts';
import { validateCodesText } from '../codes/validate.ts';
import { formatProblem, jsonLines, type Problem } from '../errors.ts';
import type { SupportPolicy } from '../policy/schema.ts';
import { validatePolicyText } from '../policy/validate.ts';
import { validateIncidentsText, type IncidentsFile } from '../status/schema.ts';
import { unknownNoticeComponents } from '../ticket/incident-notices.ts';
import type { TroubleshooterTree } from '../troubleshooter/schema.ts';
import { checkTreeFile } from '../troubleshooter/validate.ts';
import { validateSynonymsText, type SynonymTable } from '../search/synonyms.ts';
import { staleSchemas } from './schemas.ts';

/** Where each kind of content lives under the content root. */
export const CONTENT_LAYOUT = {
  articles: 'articles',
  codes: 'codes.json',
  incidents: 'incidents.json',
  policy: 'support-policy.json',
  synonyms: 'search-synonyms.json',
  schemas: 'schemas',
} as const;

/** One file's text; `file` is its path as the person who edits it would type it (`content/codes.json`). */
export interface TextFile {
  file: string;
  text: string;
}

export interface ArticleText extends TextFile {
  /** `<category>/<slug>`, from the path under the articles folder */
  id: string;
}

/** Everything under one content root, read. A file that is absent is `undefined`. */
export interface ContentTexts {
  /** the root as typed: `content`, `test/fixtures/content-good` */
  root: string;
  articles: ArticleText[];
  troubleshooters: TextFile[];
  codes?: TextFile;
  incidents?: TextFile;
  policy?: TextFile;
  synonyms?: TextFile;
  /** The committed JSON Schemas, by file name under `<root>/schemas/`; absent folder: not checked. */
  schemas?: ReadonlyMap<string, string>;
}

export interface ContentArticle {
  id: string;
  file: string;
  data: ArticleFrontmatter;
  body: string;
}

export interface Content {
  articles: ContentArticle[];
  codes?: CodeReference;
  troubleshooters: Map<string, TroubleshooterTree>;
  incidents?: IncidentsFile;
  policy?: SupportPolicy;
  synonyms?: SynonymTable;
}

export const CONTENT_SECTIONS = [
  'articles',
  'codes',
  'troubleshooters',
  'incidents',
  'policy',
  'synonyms',
  'schemas',
] as const;
export type ContentSection = (typeof CONTENT_SECTIONS)[number];

export interface ContentCheck {
  data: Content;
  /** every problem as data: the file, the line when known, `field path: message and fix` */
  problems: Problem[];
  /** the same problems by section, for a per-section summary */
  problemsBySection: Record<ContentSection, Problem[]>;
  /** every problem, one line each: `file:line: field path: message and fix` */
  errors: string[];
  /** the formatted lines by section */
  bySection: Record<ContentSection, string[]>;
  /** what needs attention but never fails the check: articles past their `reviewBy` date (given `now`) */
  warnings: Problem[];
}

export interface CheckOptions {
  /** The instant `reviewBy` dates are compared with; without it, no review warnings. */
  now?: Date;
}

/** Content that passed every check: every file was there and valid. */
export type CompleteContent = Required<Content>;

/** The checked content when nothing is wrong, else the errors (one line each). */
export function completeContent(
  check: ContentCheck,
): { ok: true; content: CompleteContent } | { ok: false; errors: string[] } {
  const { data, errors } = check;
  const { codes, incidents, policy, synonyms } = data;
  if (errors.length > 0 || !codes || !incidents || !policy || !synonyms) return { ok: false, errors };
  return { ok: true, content: { ...data, codes, incidents, policy, synonyms } };
}

export const contentPath = (root: string, part: string) => `${root.replace(/\/+$/, '')}/${part}`;

/** Validates and cross-checks a whole content root. Never throws: bad content is data, not an exception. */
export function checkContent(texts: ContentTexts, options: CheckOptions = {}): ContentCheck {
  const articlesDir = contentPath(texts.root, CONTENT_LAYOUT.articles);
  const articles = checkArticles(texts.articles, articlesDir);
  const articleIds = new Set(texts.articles.map((a) => a.id));
  const codes = checkCodes(texts, articles, articlesDir);
  const troubleshooters = checkTroubleshooters(texts.troubleshooters, articleIds, articlesDir);
  const incidents = checkIncidents(texts);
  const policy = checkPolicy(texts);
  const synonyms = checkSynonyms(texts);
  const schemas = texts.schemas
    ? staleSchemas(contentPath(texts.root, CONTENT_LAYOUT.schemas), (file) => {
        return texts.schemas?.get(file.slice(file.lastIndexOf('/') + 1)) ?? null;
      })
    : [];
  const problemsBySection = {
    articles: articles.errors,
    codes: codes.errors,
    troubleshooters: troubleshooters.errors,
    incidents: incidents.errors,
    policy: policy.errors,
    synonyms: synonyms.errors,
    schemas,
  };
  const problems = CONTENT_SECTIONS.flatMap((section) => problemsBySection[section]);
  const bySection = Object.fromEntries(
    CONTENT_SECTIONS.map((section) => [section, problemsBySection[section].map(formatProblem)]),
  ) as Record<ContentSection, string[]>;
  return {
    data: {
      articles: articles.valid,
      codes: codes.data,
      troubleshooters: troubleshooters.trees,
      incidents: incidents.data,
      policy: policy.data,
      synonyms: synonyms.data,
    },
    problems,
    problemsBySection,
    errors: problems.map(formatProblem),
    bySection,
    warnings: options.now
      ? reviewProblems(
          articles.valid.map((a) => ({ ...a, line: articles.lineOf.get(a.id)?.(['reviewBy']) })),
          options.now,
        )
      : [],
  };
}

type ParsedArticle = ContentArticle & Pick<ArticleRef, 'lineOf'> & { bodyLine: number };

function checkArticles(
  files: readonly ArticleText[],
  articlesDir: string,
): {
  valid: ContentArticle[];
  errors: Problem[];
  unreadable: number;
  lineOf: Map<string, FrontmatterLines | undefined>;
} {
  const errors: Problem[] = [];
  const refs: ParsedArticle[] = [];
  for (const { id, file, text } of files) {
    const result = validateArticleSource(file, text);
    if (!result.ok) {
      errors.push(...result.problems);
      continue;
    }
    refs.push({ id, file, data: result.data, body: result.body, bodyLine: result.bodyLine, lineOf: result.lineOf });
    for (const problem of playbookBodyProblems(result.body, result.data.category)) {
      errors.push({ file, line: result.bodyLine + problem.line - 1, message: `body: ${problem.message}` });
    }
  }
  errors.push(...articleSetProblems(refs, articlesDir, new Set(files.map((f) => f.id))));
  errors.push(...linkProblems(refs, files, articlesDir));
  return {
    valid: refs.map(({ id, file, data, body }) => ({ id, file, data, body })),
    errors,
    unreadable: files.length - refs.length,
    lineOf: new Map(refs.map((a) => [a.id, a.lineOf])),
  };
}

/** Links between articles: the target exists and is published, and the link's text names it. */
function linkProblems(valid: readonly ParsedArticle[], all: readonly ArticleText[], articlesDir: string): Problem[] {
  const byId = new Map(valid.map((a) => [a.id, a]));
  const exists = new Set(all.map((a) => a.id));
  return valid.flatMap((article) =>
    articleLinks(article.body).flatMap((link: ArticleLink): Problem[] => {
      const at = (message: string) => [
        {
          file: article.file,
          line: article.bodyLine + link.line - 1,
          message: `body: link to /kb/${link.target}/: ${message}`,
        },
      ];
      const target = byId.get(link.target);
      if (!exists.has(link.target)) {
        return at(`no such article (expected ${articlesDir}/${link.target}.mdx); fix the link or remove it`);
      }
      if (!target) return []; // the target's own errors are reported at the target
      if (target.data.draft && !article.data.draft) {
        return at(`'${link.target}' is a draft; publish it or remove the link`);
      }
      if (!linkTextMatchesTitle(link.text, target.data.title)) {
        return at(
          `the text '${link.text}' does not name the article; write its title '${target.data.title}' (or a sentence containing it)`,
        );
      }
      return [];
    }),
  );
}

function checkCodes(
  texts: ContentTexts,
  articles: { valid: ContentArticle[]; lineOf: Map<string, FrontmatterLines | undefined>; unreadable: number },
  articlesDir: string,
): { data?: CodeReference; errors: Problem[] } {
  if (!texts.codes) {
    return {
      errors: [
        {
          file: contentPath(texts.root, CONTENT_LAYOUT.codes),
          message: 'missing; the error-code reference lives here (see the README)',
        },
      ],
    };
  }
  const result = validateCodesText(texts.codes.text, texts.codes.file);
  if (!result.ok) return { errors: jsonLines(texts.codes.text, result.problems) };
  // An article that did not parse would look missing to the cross-check: it waits until the articles are valid.
  if (articles.unreadable > 0) return { data: result.codes, errors: [] };
  const errors = codeCrossCheckProblems(
    result.codes,
    articles.valid.map((a) => ({
      id: a.id,
      file: a.file,
      codes: a.data.codes,
      draft: a.data.draft,
      codeLine: (k: number) => articles.lineOf.get(a.id)?.(['codes', k]),
    })),
    texts.codes.file,
    articlesDir,
  );
  return errors.length > 0 ? { errors } : { data: result.codes, errors: [] };
}

function checkTroubleshooters(
  files: readonly TextFile[],
  articleIds: ReadonlySet<string>,
  articlesDir: string,
): { trees: Map<string, TroubleshooterTree>; errors: Problem[] } {
  const trees = new Map<string, TroubleshooterTree>();
  const errors: Problem[] = [];
  for (const { file, text } of files) {
    const result = checkTreeFile(text, file, articleIds, articlesDir);
    if (result.ok) trees.set(result.tree.article, result.tree);
    else errors.push(...jsonLines(text, result.problems));
  }
  return { trees, errors };
}

/** Components, incidents and maintenance: the same validation as `npm run status -- validate`. */
function checkIncidents(texts: ContentTexts): { data?: IncidentsFile; errors: Problem[] } {
  if (!texts.incidents) {
    return {
      errors: [
        { file: contentPath(texts.root, CONTENT_LAYOUT.incidents), message: 'missing; the status page needs it' },
      ],
    };
  }
  const result = validateIncidentsText(texts.incidents.text, texts.incidents.file);
  if (!result.ok) return { errors: jsonLines(texts.incidents.text, result.problems) };
  const errors = unknownNoticeComponents(result.data, texts.incidents.file);
  return { data: result.data, errors };
}

/** Severities, business hours, holidays and contacts: what triage, the SLA clock and the form read. */
function checkPolicy(texts: ContentTexts): { data?: SupportPolicy; errors: Problem[] } {
  if (!texts.policy) {
    return {
      errors: [
        {
          file: contentPath(texts.root, CONTENT_LAYOUT.policy),
          message: 'missing; the support policy (priorities, hours, contacts) lives here',
        },
      ],
    };
  }
  const result = validatePolicyText(texts.policy.text, texts.policy.file);
  return result.ok ? { data: result.policy, errors: [] } : { errors: jsonLines(texts.policy.text, result.problems) };
}

/** The phrases customers type and the words our articles use for them: what search expands a query with. */
function checkSynonyms(texts: ContentTexts): { data?: SynonymTable; errors: Problem[] } {
  if (!texts.synonyms) {
    return {
      errors: [
        {
          file: contentPath(texts.root, CONTENT_LAYOUT.synonyms),
          message: 'missing; search reads customers\' phrases from it (an empty table is { "synonyms": [] })',
        },
      ],
    };
  }
  const result = validateSynonymsText(texts.synonyms.text, texts.synonyms.file);
  return result.ok
    ? { data: result.synonyms, errors: [] }
    : { errors: jsonLines(texts.synonyms.text, result.problems) };
}
