// The playbook body rules, on small bodies written here: each rule fails alone, at the line to fix.
import { describe, expect, it } from 'vitest';
import {
  articleLinks,
  linkTextMatchesTitle,
  playbookBodyProblems,
  PLAYBOOK_HEADINGS,
} from '../../../src/lib/articles/body.ts';

const good = `Intro.

## Check, in this order

<Steps>

<Check title="Is the phone on?" expect="The screen is lit.">

Look at it.

</Check>

<Check title="Is the cable in?" expect="The link light is green.">

Push it in.

</Check>

</Steps>

## Fix

Do it.

## Still not working?

<Escalate>

- The phone model.

</Escalate>
`;

const messages = (body: string, category = 'registration') => playbookBodyProblems(body, category);

describe('playbookBodyProblems', () => {
  it('passes a body with the playbook shape', () => {
    expect(messages(good)).toEqual([]);
  });

  it('asks for a missing <Escalate> under the last heading, naming the fix', () => {
    const body = good.replace(/<Escalate>[\s\S]*<\/Escalate>\n/, '');
    expect(messages(body)).toEqual([
      {
        line: body.split('\n').indexOf('## Still not working?') + 1,
        message:
          "add one <Escalate> block under '## Still not working?' listing what to collect before opening a ticket",
      },
    ]);
  });

  it('wants a Markdown list inside <Escalate> and no ticket link of its own', () => {
    const body = good.replace('- The phone model.', 'Open [a ticket](/support/new/).');
    expect(messages(body).map((p) => p.message)).toEqual([
      '<Escalate>: list what to collect as a Markdown list (- the phone model, - the time of a failed call)',
      '<Escalate>: remove the ticket link: the block adds its own, with the checks carried over',
    ]);
  });

  it('wants at least two checks, each with a title and an expected result', () => {
    const one = good.replace(/<Check title="Is the cable in\?"[\s\S]*?<\/Check>\n\n/, '');
    expect(messages(one).map((p) => p.message)).toEqual([
      'has 1 <Check> step(s): write at least 2, in the order a customer should try them',
    ]);
    const untitled = good.replace('title="Is the phone on?" ', '');
    expect(messages(untitled)).toEqual([
      {
        line: 7,
        message: '<Check> 1: add title="..." (what to check, as a question, at least 5 characters)',
      },
    ]);
    const vague = good.replace('expect="The link light is green."', 'expect="ok"');
    expect(messages(vague).map((p) => p.message)).toEqual([
      '<Check> 2: add expect="..." (what a good result looks like, at least 5 characters)',
    ]);
  });

  it('wants one <Steps> and one <Escalate>', () => {
    const twice = good.replace('## Fix', '<Steps>\n\n</Steps>\n\n## Fix');
    expect(messages(twice).map((p) => p.message)).toEqual([
      'use one <Steps> per article: merge this one into the first',
    ]);
    const none = good.replace('<Steps>\n', '').replace('</Steps>\n', '');
    expect(messages(none).map((p) => p.message)).toEqual([
      "wrap the checks in one <Steps> ... </Steps> under '## Check, in this order'",
    ]);
  });

  it.each(PLAYBOOK_HEADINGS)('asks for the heading %s', (heading) => {
    const body = good.replace(`${heading}\n`, '');
    expect(messages(body).map((p) => p.message)).toContain(
      `add the heading '${heading}' (every playbook has: ${PLAYBOOK_HEADINGS.join(', ')})`,
    );
  });

  it('wants the headings in order', () => {
    const body = good.replace('## Fix\n\nDo it.\n\n', '').replace('</Escalate>\n', '</Escalate>\n\n## Fix\n\nDo it.\n');
    expect(messages(body).map((p) => p.message)).toEqual([
      "move '## Still not working?' after the previous playbook heading",
    ]);
  });

  it('refuses imports: the components are provided', () => {
    const body = `import X from './x.astro';\n\n${good}`;
    expect(messages(body)).toEqual([
      { line: 1, message: 'remove the import: Steps, Check, Callout and Escalate are provided to every article' },
    ]);
  });

  it('keeps support-policy durations out of support articles only', () => {
    const body = good.replace('Do it.', 'We answer within 4 hours.');
    expect(messages(body, 'support')).toEqual([
      {
        line: body.split('\n').indexOf('We answer within 4 hours.') + 1,
        message:
          "'4 hours': response times live in support-policy.json; use <SupportPolicyTable /> or <SupportContacts /> instead of writing them",
      },
    ]);
    expect(messages(body, 'registration')).toEqual([]);
  });
});

describe('article links', () => {
  it('finds /kb/ links with their line, ignoring anchors and other links', () => {
    const body = 'See [My phone](/kb/registration/phone/).\n\n[Codes](/codes/) and [x](/kb/a/b/#step-2)';
    expect(articleLinks(body)).toEqual([
      { line: 1, text: 'My phone', target: 'registration/phone' },
      { line: 3, text: 'x', target: 'a/b' },
    ]);
  });

  it('accepts the title, or a sentence containing it, whatever the quotes, case and final stop', () => {
    expect(linkTextMatchesTitle("My phone won't register", 'My phone won’t register')).toBe(true);
    expect(linkTextMatchesTitle('see my phone won’t register.', "My phone won't register")).toBe(true);
    expect(linkTextMatchesTitle('Reset a password', 'I need to reset my password')).toBe(false);
    expect(linkTextMatchesTitle('this article', 'I need to reset my password')).toBe(false);
  });
});
