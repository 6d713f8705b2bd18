// Validates one playbook's source (frontmatter + body) the way the build does, with line numbers for people.
import { isAlias, LineCounter, parseDocument, visit } from 'yaml';
import { failed, formatPath, type Problem } from '../errors.ts';
import { articleFrontmatter, type ArticleFrontmatter } from './schema.ts';

/** `lineOf(['related', 1])`: the file's line of a frontmatter field, for messages about it (rules across files). */
export type FrontmatterLines = (path: readonly PropertyKey[]) => number | undefined;

export type ArticleValidation =
  | { ok: true; data: ArticleFrontmatter; body: string; bodyLine: number; lineOf: FrontmatterLines }
  | { ok: false; errors: string[]; problems: Problem[] };

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export function validateArticleSource(file: string, source: string): ArticleValidation {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return failed([{ file, line: 1, message: "the file must start with a frontmatter block between two '---' lines" }]);
  }
  const yamlText = match[1] ?? '';
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines });
  // Frontmatter starts on line 2 of the file (line 1 is '---').
  const lineOf = (offset: number) => lines.linePos(offset).line + 1;
  if (doc.errors.length > 0) {
    return failed(
      doc.errors.map((e) => ({
        file,
        line: lineOf(e.pos[0]),
        message: `frontmatter is not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  // `*97` is YAML for "the value anchored as 97": in frontmatter it is always a star code someone forgot to quote.
  const aliases: Problem[] = [];
  visit(doc, {
    Alias: (_key, node) => {
      if (isAlias(node)) {
        aliases.push({
          file,
          line: node.range ? lineOf(node.range[0]) : undefined,
          message: `frontmatter: '*${node.source}' reads as a YAML alias: quote it, e.g. '*${node.source}'`,
        });
      }
    },
  });
  if (aliases.length > 0) return failed(aliases);
  const fieldLine: FrontmatterLines = (path) => {
    const node = doc.getIn(path, true) as { range?: [number, number] } | undefined;
    const parent = doc.getIn(path.slice(0, -1), true) as { range?: [number, number] } | undefined;
    const offset = node?.range?.[0] ?? parent?.range?.[0];
    return offset === undefined ? undefined : lineOf(offset);
  };
  const result = articleFrontmatter.safeParse(doc.toJS());
  if (result.success) {
    const bodyLine = source.slice(0, match[0].length).split('\n').length;
    return { ok: true, data: result.data, body: source.slice(match[0].length), bodyLine, lineOf: fieldLine };
  }
  const located = (path: PropertyKey[], message: string): Problem => ({
    file,
    line: fieldLine(path),
    message: `${formatPath(path) || 'frontmatter'}: ${message}`,
  });
  return failed(
    result.error.issues.flatMap((issue) =>
      // One line per unknown field, at its own line, with the fields that do exist.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) =>
            located(
              [...issue.path, key],
              `unknown field: check the spelling or remove it (fields: ${Object.keys(articleFrontmatter.shape).join(', ')})`,
            ),
          )
        : [located(issue.path, issue.message)],
    ),
  );
}
