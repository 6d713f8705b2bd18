// The real trees beside the playbooks: one for each of the five most common problems, all well formed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  troubleshooterJsonSchemaFile,
  troubleshooterJsonSchemaText,
} from '../../../src/lib/troubleshooter/json-schema.ts';
import { FIXED, isOutcome, TICKET, type TroubleshooterTree } from '../../../src/lib/troubleshooter/schema.ts';
import { articleIdOfTreeFile, parseTreeText } from '../../../src/lib/troubleshooter/validate.ts';
import { stepsTaken, walk, type Answer } from '../../../src/lib/troubleshooter/walk.ts';
import { articlesDir, readArticles, repoRoot } from '../articles-content/read-articles.ts';

const treeFiles = readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.troubleshooter.json'))
  .map((path) => `content/articles/${path.replace(/\\/g, '/')}`)
  .sort();
const articleIds = new Set(readArticles().map((a) => a.id));

function load(file: string): TroubleshooterTree {
  const result = parseTreeText(readFileSync(`${repoRoot}${file}`, 'utf8'), file);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.tree;
}

/** Every answer sequence from the start to an outcome. */
function allPaths(tree: TroubleshooterTree): Answer[][] {
  const paths: Answer[][] = [];
  const extend = (answers: Answer[]) => {
    const { at } = walk(tree, answers);
    if (isOutcome(at)) paths.push(answers);
    else for (const answer of ['yes', 'no'] as const) extend([...answers, answer]);
  };
  extend([]);
  return paths;
}

describe('troubleshooter trees in content/articles', () => {
  it('has one for each of the five most common problems', () => {
    expect(treeFiles.map((f) => articleIdOfTreeFile(f))).toEqual(
      expect.arrayContaining([
        'registration/phone-wont-register',
        'outbound-calls/cant-make-outbound-calls',
        'call-quality/one-way-or-no-audio',
        'inbound-calls/incoming-calls-dont-ring',
        'caller-id/caller-id-name-shows-number',
      ]),
    );
  });

  it.each(treeFiles)('%s is well formed', (file) => {
    const result = parseTreeText(readFileSync(`${repoRoot}${file}`, 'utf8'), file);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(treeFiles)('%s sits beside the article it walks, which exists', (file) => {
    const tree = load(file);
    expect(tree.article).toBe(articleIdOfTreeFile(file));
    expect(articleIds.has(tree.article)).toBe(true);
    expect(tree.$schema).toBe('../../schemas/troubleshooter.schema.json');
  });

  it.each(treeFiles)('%s records a step for every answer, and can reach both endings', (file) => {
    const tree = load(file);
    const paths = allPaths(tree);
    const endings = new Set(paths.map((answers) => walk(tree, answers).outcome));
    expect([...endings].sort()).toEqual([FIXED, TICKET]);
    for (const node of Object.values(tree.nodes)) {
      expect(node.yesStep && node.noStep, node.question).toBeTruthy();
    }
    const toTicket = paths.find((answers) => walk(tree, answers).outcome === TICKET)!;
    expect(stepsTaken(tree, toTicket)).toHaveLength(toTicket.length);
  });

  it('matches the JSON Schema generated from the zod schema', () => {
    const committed = readFileSync(`${repoRoot}${troubleshooterJsonSchemaFile}`, 'utf8');
    // To regenerate: node -e "import('./src/lib/troubleshooter/json-schema.ts').then((m) => process.stdout.write(m.troubleshooterJsonSchemaText()))" > content/schemas/troubleshooter.schema.json
    expect(committed, `${troubleshooterJsonSchemaFile} is out of date; regenerate it`).toBe(
      troubleshooterJsonSchemaText(),
    );
  });
});
