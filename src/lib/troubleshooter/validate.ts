// A tree is well formed when every walk from the start ends in @fixed or @ticket: the start exists, every answer
// leads somewhere real, nothing loops, every question can be reached, and both endings can be reached.
import { failed, fieldErrors, fieldProblems, formatProblem, parseJson, type Problem } from '../errors.ts';
import { FIXED, isOutcome, TICKET, troubleshooterTree, type TroubleshooterTree } from './schema.ts';

const answers = ['yes', 'no'] as const;

export function validateTree(tree: unknown, file: string): string[] {
  return treeProblems(tree, file).map(formatProblem);
}

function treeProblems(tree: unknown, file: string): Problem[] {
  const result = troubleshooterTree.safeParse(tree);
  if (!result.success) return fieldProblems(file, fieldErrors(result.error, { locate: true }));
  return structureErrors(result.data).map((message) => ({ file, message }));
}

export type TreeParse = { ok: true; tree: TroubleshooterTree } | { ok: false; errors: string[]; problems: Problem[] };

/** JSON text -> a well-formed tree, or the errors (syntax errors with line and column). */
export function parseTreeText(text: string, file: string): TreeParse {
  const parsed = parseJson(text);
  if (!parsed.ok) return failed(fieldProblems(file, [parsed.error]));
  const problems = treeProblems(parsed.value, file);
  return problems.length > 0 ? failed(problems) : { ok: true, tree: troubleshooterTree.parse(parsed.value) };
}

function structureErrors(tree: TroubleshooterTree): string[] {
  const { nodes, start } = tree;
  if (!Object.hasOwn(nodes, start)) {
    return [`start: no node '${start}'; use one of: ${Object.keys(nodes).join(', ')}`];
  }
  const errors: string[] = [];
  for (const [id, node] of Object.entries(nodes)) {
    for (const answer of answers) {
      const to = node[answer];
      if (!isOutcome(to) && !Object.hasOwn(nodes, to)) {
        errors.push(`nodes.${id}.${answer}: no node '${to}'; write an existing node id, ${FIXED} or ${TICKET}`);
      }
    }
  }
  if (errors.length > 0) return errors;

  const reached = new Set<string>();
  const finished = new Set<string>();
  const endings = new Set<string>();
  // Depth-first walk: an answer leading to a node still on the current path closes a loop.
  const visit = (id: string, path: string[]): void => {
    const node = nodes[id];
    if (!node) return;
    reached.add(id);
    for (const answer of answers) {
      const to = node[answer];
      if (isOutcome(to)) endings.add(to);
      else if (path.includes(to)) {
        const loop = [...path.slice(path.indexOf(to)), to].join(' → ');
        errors.push(
          `nodes.${id}.${answer}: leads back to '${to}' (${loop}); every path must end in ${FIXED} or ${TICKET}`,
        );
      } else if (!finished.has(to)) visit(to, [...path, to]);
    }
    finished.add(id);
  };
  visit(start, [start]);

  for (const id of Object.keys(nodes)) {
    if (!reached.has(id)) errors.push(`nodes.${id}: no answer leads here from start '${start}'; link it or remove it`);
  }
  if (!endings.has(TICKET))
    errors.push(`no answer leads to ${TICKET}; a customer who is still stuck must be able to open a ticket`);
  if (!endings.has(FIXED)) errors.push(`no answer leads to ${FIXED}; add the answer that means the problem is solved`);
  return errors;
}

/**
 * A tree file as `npm run check` and the build read it: well formed, and beside the article it walks, which
 * exists. `articleIds` holds every article (draft or not): a tree for a draft is fine, it just is not shown yet.
 */
export function checkTreeFile(
  text: string,
  file: string,
  articleIds: ReadonlySet<string>,
  articlesDir: string,
): TreeParse {
  const parsed = parseTreeText(text, file);
  if (!parsed.ok) return parsed;
  const { article } = parsed.tree;
  const beside = articleIdOfTreeFile(file);
  const problems: Problem[] = [];
  if (!articleIds.has(article)) {
    problems.push({
      file,
      message: `article: no article '${article}' (expected ${articlesDir}/${article}.mdx); fix the id`,
    });
  }
  if (beside !== undefined && beside !== article) {
    problems.push({
      file,
      message: `article: is '${article}' but the file sits beside '${beside}'; save the tree as ${articlesDir}/${article}.troubleshooter.json or fix the id`,
    });
  }
  return problems.length > 0 ? failed(problems) : parsed;
}

/** `content/articles/registration/phone-wont-register.troubleshooter.json` -> `registration/phone-wont-register` */
export function articleIdOfTreeFile(path: string): string | undefined {
  return /(?:^|\/)([a-z0-9-]+\/[a-z0-9-]+)\.troubleshooter\.json$/.exec(path.replace(/\\/g, '/'))?.[1];
}
