import { describe, expect, it } from 'vitest';
import {
  articleIdOfTreeFile,
  checkTreeFile,
  parseTreeText,
  validateTree,
} from '../../../src/lib/troubleshooter/validate.ts';

const file = 'site-content/articles/fax/x.troubleshooter.json';

type Nodes = Record<string, { question: string; yes: string; no: string }>;
const q = (yes: string, no: string) => ({ question: 'Is it working?', yes, no });
const tree = (nodes: Nodes, start = 'first') => ({ article: 'fax/x', title: 'Fix the fax', start, nodes });

describe('validateTree', () => {
  it('accepts a tree whose every path ends in @fixed or @ticket', () => {
    expect(validateTree(tree({ first: q('second', '@ticket'), second: q('@fixed', '@ticket') }), file)).toEqual([]);
  });

  it('accepts two answers joining at one node (a diamond is not a loop)', () => {
    const nodes = {
      first: q('left', 'right'),
      left: q('@fixed', 'last'),
      right: q('last', '@fixed'),
      last: q('@fixed', '@ticket'),
    };
    expect(validateTree(tree(nodes), file)).toEqual([]);
  });

  it('catches a start that does not exist', () => {
    expect(validateTree(tree({ first: q('@fixed', '@ticket') }, 'begin'), file)).toEqual([
      `${file}: start: no node 'begin'; use one of: first`,
    ]);
  });

  it('catches a dangling reference', () => {
    expect(validateTree(tree({ first: q('second', '@ticket'), second: q('@fixed', 'thrid') }), file)).toEqual([
      `${file}: nodes.second.no: no node 'thrid'; write an existing node id, @fixed or @ticket`,
    ]);
  });

  it('catches a cycle and shows the loop', () => {
    const nodes = { first: q('second', '@ticket'), second: q('third', '@fixed'), third: q('@fixed', 'second') };
    expect(validateTree(tree(nodes), file)).toEqual([
      `${file}: nodes.third.no: leads back to 'second' (second → third → second); every path must end in @fixed or @ticket`,
    ]);
  });

  it('catches a question that answers to itself', () => {
    expect(
      validateTree(tree({ first: q('first', '@ticket'), other: q('@fixed', '@ticket') }, 'other'), file),
    ).toContain(`${file}: nodes.first: no answer leads here from start 'other'; link it or remove it`);
    expect(validateTree(tree({ first: q('@fixed', 'first'), last: q('@ticket', '@fixed') }), file)).toEqual([
      `${file}: nodes.first.no: leads back to 'first' (first → first); every path must end in @fixed or @ticket`,
      `${file}: nodes.last: no answer leads here from start 'first'; link it or remove it`,
      `${file}: no answer leads to @ticket; a customer who is still stuck must be able to open a ticket`,
    ]);
  });

  it('catches an unreachable node', () => {
    expect(validateTree(tree({ first: q('@fixed', '@ticket'), orphan: q('@fixed', '@ticket') }), file)).toEqual([
      `${file}: nodes.orphan: no answer leads here from start 'first'; link it or remove it`,
    ]);
  });

  it('catches a dead end: a question with no answer for no', () => {
    const nodes = { first: { question: 'Is it working?', yes: '@fixed' }, second: q('@fixed', '@ticket') };
    expect(validateTree({ article: 'fax/x', title: 'Fix the fax', start: 'first', nodes }, file)).toEqual([
      `${file}: nodes.first.no: missing: every question needs a 'no' answer leading to another question, @fixed or @ticket`,
    ]);
  });

  it('catches a tree that can never end in a ticket, or never in fixed', () => {
    expect(validateTree(tree({ first: q('@fixed', '@fixed') }), file)).toEqual([
      `${file}: no answer leads to @ticket; a customer who is still stuck must be able to open a ticket`,
    ]);
    expect(validateTree(tree({ first: q('@ticket', '@ticket') }), file)).toEqual([
      `${file}: no answer leads to @fixed; add the answer that means the problem is solved`,
    ]);
  });

  it('names the path of a malformed field', () => {
    const errors = validateTree(
      {
        article: 'Fax X',
        title: 'Fix the fax',
        start: 'first',
        nodes: { first: { question: 'It works', yes: 'Done!', no: '@ticket' } },
      },
      file,
    );
    expect(errors).toEqual([
      `${file}: article: write the playbook id as '<category>/<slug>'`,
      `${file}: nodes.first.question: phrase it as a yes/no question ending in "?"`,
      `${file}: nodes.first.yes: write a node id, @fixed or @ticket`,
    ]);
  });

  it('rejects a bad node id and unknown fields', () => {
    const errors = validateTree({ ...tree({ First: q('@fixed', '@ticket') }, 'First'), colour: 'red' }, file);
    expect(errors.some((e) => e.includes('write a node id in lower case with hyphens'))).toBe(true);
    expect(errors.some((e) => e.includes('colour'))).toBe(true);
  });
});

describe('parseTreeText', () => {
  it('reports JSON syntax errors with line and column', () => {
    const result = parseTreeText('{\n  "start": \n}', file);
    expect(result).toMatchObject({ ok: false, errors: [expect.stringMatching(/invalid JSON at line 3, column 1/)] });
  });

  it('returns the tree when it is well formed', () => {
    const result = parseTreeText(JSON.stringify(tree({ first: q('@fixed', '@ticket') })), file);
    expect(result.ok && result.tree.start).toBe('first');
  });
});

describe('articleIdOfTreeFile', () => {
  it('derives the article a tree belongs to from its path', () => {
    expect(articleIdOfTreeFile('site-content/articles/registration/phone-wont-register.troubleshooter.json')).toBe(
      'registration/phone-wont-register',
    );
    expect(articleIdOfTreeFile('site-content/articles/registration/phone-wont-register.json')).toBeUndefined();
  });
});

describe('checkTreeFile', () => {
  const text = (article: string) => JSON.stringify({ ...tree({ first: q('@fixed', '@ticket') }), article });

  it('accepts a well-formed tree beside the article it walks', () => {
    expect(checkTreeFile(text('fax/x'), file, new Set(['fax/x']), 'site-content/articles').ok).toBe(true);
  });

  it('names a tree whose article does not exist', () => {
    expect(checkTreeFile(text('fax/x'), file, new Set(['fax/y']), 'site-content/articles')).toMatchObject({
      ok: false,
      errors: [`${file}: article: no article 'fax/x' (expected site-content/articles/fax/x.mdx); fix the id`],
    });
  });

  it('names a tree saved beside another article than the one it names', () => {
    const result = checkTreeFile(text('fax/y'), file, new Set(['fax/x', 'fax/y']), 'site-content/articles');
    expect(result).toMatchObject({
      ok: false,
      errors: [
        `${file}: article: is 'fax/y' but the file sits beside 'fax/x'; save the tree as site-content/articles/fax/y.troubleshooter.json or fix the id`,
      ],
    });
  });

  it('reports structure errors before looking for the article', () => {
    const bad = JSON.stringify(tree({ first: q('@fixed', '@fixed') }));
    const result = checkTreeFile(bad, file, new Set(), 'site-content/articles');
    expect(result.ok ? [] : result.errors).toEqual([
      `${file}: no answer leads to @ticket; a customer who is still stuck must be able to open a ticket`,
    ]);
  });
});
