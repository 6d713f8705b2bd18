import { describe, expect, it } from 'vitest';
import { articleFrontmatter } from '../../../src/lib/articles/schema.ts';
import { validateArticleSource } from '../../../src/lib/articles/validate.ts';

const good = `---
title: My phone won't register
summary: The phone shows No service and cannot make calls.
category: registration
audience: end-user
symptoms: [phone says no service, phone not registered, no dial tone]
codes: ['SIP 403', 'Q850 3']
related: [registration/phone-registers-then-drops]
---

Body text.
`;

function withField(line: string, replacement: string) {
  return good.replace(line, replacement);
}

describe('article frontmatter schema', () => {
  it('accepts a complete playbook and fills defaults', () => {
    const result = validateArticleSource('a.mdx', good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.keywords).toEqual([]);
    expect(result.data.draft).toBe(false);
    expect(result.data.featured).toBe(false);
    expect(result.data.updated).toBeUndefined();
    expect(result.body.trim()).toBe('Body text.');
  });

  it('wants 3 to 8 symptom phrases, at the symptoms line', () => {
    const few = validateArticleSource('a.mdx', withField(', phone not registered, no dial tone', ''));
    expect(few.ok ? [] : few.errors).toEqual([
      'a.mdx:6: symptoms: list 3 to 8 phrases customers type, e.g. "phone says no service": search weighs them',
    ]);
    const many = validateArticleSource('a.mdx', withField('no dial tone]', 'no dial tone, a, bb, cc, dd, ee, ff]'));
    expect(many.ok ? [] : many.errors).toEqual([
      'a.mdx:6: symptoms: keep to the 8 phrases customers type most: more dilute the weight search gives each',
    ]);
  });

  it('names an unresolved YAML alias (a keyword starting with *) with the fix, instead of crashing', () => {
    const result = validateArticleSource(
      'a.mdx',
      withField("codes: ['SIP 403', 'Q850 3']", 'keywords: [*97, voicemail]'),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      "a.mdx:7: frontmatter: '*97' reads as a YAML alias: quote it, e.g. '*97'",
    ]);
  });

  it('names the file, line and field of an unknown category, with the allowed list', () => {
    const result = validateArticleSource(
      'site-content/articles/x/y.mdx',
      withField('category: registration', 'category: phones'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^site-content\/articles\/x\/y\.mdx:4: category: use one of the categories: registration, /,
    );
  });

  it('rejects a malformed code with the expected format', () => {
    const result = validateArticleSource('a.mdx', withField("codes: ['SIP 403', 'Q850 3']", "codes: ['403']"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/a\.mdx:7: codes\[0\]: write a SIP response code as 'SIP 403'/);
  });

  it('reports a missing required field', () => {
    const result = validateArticleSource('a.mdx', good.replace(/audience: end-user\n/, ''));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/a\.mdx(:\d+)?: audience: use one of: end-user, admin/);
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    const result = validateArticleSource('a.mdx', withField('audience: end-user', 'audience: end-user\nsymtoms: [x]'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^a\.mdx:6: symtoms: unknown field: check the spelling or remove it \(fields: title, summary,/,
      ),
    ]);
  });

  it('rejects an updated value that is not a date, instead of showing 1970', () => {
    const result = validateArticleSource('a.mdx', withField('audience: end-user', 'audience: end-user\nupdated: true'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'a.mdx:6: updated: write the date as YYYY-MM-DD, or leave it out to use the last commit',
    ]);
    const quoted = validateArticleSource(
      'a.mdx',
      withField('audience: end-user', "audience: end-user\nupdated: '2026-11-20'"),
    );
    expect(quoted.ok && quoted.data.updated?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
  });

  it('says how to write a symptom or keyword that is too short or not text', () => {
    const result = validateArticleSource(
      'a.mdx',
      withField(
        'symptoms: [phone says no service, phone not registered, no dial tone]',
        'symptoms:\n  - ab\n  - phone not registered\n  - no dial tone\nkeywords: [911]',
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'a.mdx:7: symptoms[0]: write each symptom as a phrase of at least 3 characters',
      "a.mdx:10: keywords[0]: write each keyword as text; quote numbers, e.g. '911'",
    ]);
  });

  it('rejects empty symptoms, a long summary and a bad related id', () => {
    expect(articleFrontmatter.safeParse({ ...base(), symptoms: [] }).success).toBe(false);
    expect(articleFrontmatter.safeParse({ ...base(), summary: 'x'.repeat(201) }).success).toBe(false);
    expect(articleFrontmatter.safeParse({ ...base(), related: ['Not An Id'] }).success).toBe(false);
    expect(articleFrontmatter.safeParse({ ...base(), audience: 'everyone' }).success).toBe(false);
  });

  it('parses an explicit updated date', () => {
    const parsed = articleFrontmatter.parse({ ...base(), updated: '2026-11-20' });
    expect(parsed.updated?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(articleFrontmatter.safeParse({ ...base(), updated: 'last week' }).success).toBe(false);
  });

  it('reports a YAML syntax error with its line', () => {
    const result = validateArticleSource('a.mdx', withField('audience: end-user', 'audience: [end-user'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/^a\.mdx:\d+: frontmatter is not valid YAML/);
  });

  it('requires a frontmatter block', () => {
    const result = validateArticleSource('a.mdx', '# Just a heading\n');
    expect(result.ok).toBe(false);
  });
});

function base() {
  return {
    title: 'My phone will not register',
    summary: 'The phone shows No service.',
    category: 'registration',
    audience: 'end-user',
    symptoms: ['no service', 'not registered', 'no dial tone'],
  };
}
