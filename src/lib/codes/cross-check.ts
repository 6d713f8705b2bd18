// The code reference and the articles' `codes` frontmatter must tell the same story: a code page links only to
// published articles that list the code, and an article lists only codes whose page links back to it.
import { failed, formatProblem, type Problem } from '../errors.ts';
import { formatCodeRef, parseCodeRef, refOf, type CodeEntry } from './refs.ts';
import type { CodeReference } from './schema.ts';
import { validateCodesText, type CodesValidation } from './validate.ts';

export interface ArticleCodes {
  /** `<category>/<slug>` */
  id: string;
  /** as written in the frontmatter: 'SIP 403', 'Q850 3' */
  codes: readonly string[];
  draft?: boolean;
  /** for messages, as people type it: content/articles/registration/phone-wont-register.mdx */
  file: string;
  /** The file's line of `codes[k]`, when the source was read. */
  codeLine?: (index: number) => number | undefined;
}

/** `articlesDir` is the folder as people type it (`content/articles`), for "expected a file ..." hints. */
export function crossCheckCodes(
  codes: CodeReference,
  articles: readonly ArticleCodes[],
  codesFile: string,
  articlesDir: string,
): string[] {
  return codeCrossCheckProblems(codes, articles, codesFile, articlesDir).map(formatProblem);
}

/** The same cross-check as problems, each at the file (and, in an article, the line) to fix. */
export function codeCrossCheckProblems(
  codes: CodeReference,
  articles: readonly ArticleCodes[],
  codesFile: string,
  articlesDir: string,
): Problem[] {
  const errors: Problem[] = [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const entries = new Map<string, { entry: CodeEntry; path: string }>();
  codes.sip.forEach((entry, i) => entries.set(formatCodeRef(refOf(entry)), { entry, path: `sip[${i}]` }));
  codes.q850.forEach((entry, i) => entries.set(formatCodeRef(refOf(entry)), { entry, path: `q850[${i}]` }));

  for (const [ref, { entry, path }] of entries) {
    entry.articles.forEach((id, j) => {
      const at = (message: string) => errors.push({ file: codesFile, message: `${path}.articles[${j}]: ${message}` });
      const article = byId.get(id);
      if (!article) {
        at(`no article '${id}' (expected ${articlesDir}/${id}.mdx); fix the id or remove it`);
      } else if (article.draft) {
        at(`'${id}' is a draft, so the code page would link to a missing page; publish it or remove it`);
      } else if (!article.codes.some((c) => sameRef(c, ref))) {
        at(
          `'${id}' does not list '${ref}' in its codes; add '${ref}' to the codes of ${article.file} or remove '${id}' here`,
        );
      }
    });
  }

  for (const article of articles) {
    article.codes.forEach((written, k) => {
      const at = (message: string) =>
        errors.push({ file: article.file, line: article.codeLine?.(k), message: `codes[${k}]: ${message}` });
      const ref = parseCodeRef(written);
      const known = ref && entries.get(formatCodeRef(ref));
      if (!ref) {
        at(`'${written}' is not a code reference; write 'SIP 403' or 'Q850 3'`);
      } else if (!known) {
        at(`'${written}' is not in ${codesFile}; add an entry for it there or remove it here`);
      } else if (!article.draft && !known.entry.articles.includes(article.id)) {
        at(
          `lists '${written}' but ${codesFile} ${known.path}.articles does not list '${article.id}'; add it there or remove the code here`,
        );
      }
    });
  }
  return errors;
}

function sameRef(written: string, ref: string): boolean {
  const parsed = parseCodeRef(written);
  return parsed !== undefined && formatCodeRef(parsed) === ref;
}

/** content/codes.json text checked the way `npm run check` and the build both do: valid, and in step with the articles. */
export function checkCodesText(
  text: string,
  codesFile: string,
  articles: readonly ArticleCodes[],
  articlesDir: string,
): CodesValidation {
  const result = validateCodesText(text, codesFile);
  if (!result.ok) return result;
  const problems = codeCrossCheckProblems(result.codes, articles, codesFile, articlesDir);
  return problems.length > 0 ? failed(problems) : result;
}
