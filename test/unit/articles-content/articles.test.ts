// Every playbook follows the article format: frontmatter a customer's search can use, a diagnostic order of
// checks, a fix, and an escalation block.
import { describe, expect, it } from 'vitest';
import { categoryIds } from '../../../src/lib/articles/categories.ts';
import { parseCodeRef } from '../../../src/lib/codes/refs.ts';
import { readArticles, stringList, type ArticleFile } from './read-articles.ts';

const articles = readArticles();
const ids = new Set(articles.map((a) => a.id));
// The one list of categories (src/lib/articles/categories.ts): a folder outside it is a mistake.
const categories: readonly string[] = categoryIds;

/** One message per broken rule, so a failure says which file and what to fix. */
function problems(article: ArticleFile): string[] {
  const { frontmatter: fm, body, file } = article;
  const out: string[] = [];
  const fail = (message: string) => out.push(`${file}: ${message}`);
  if (typeof fm.title !== 'string' || fm.title.trim().length < 5) fail('title: missing');
  if (typeof fm.summary !== 'string' || fm.summary.length > 200) fail('summary: missing or over 200 characters');
  if (fm.category !== article.folder) fail(`category: '${String(fm.category)}' is not the folder '${article.folder}'`);
  if (!['end-user', 'admin'].includes(String(fm.audience))) fail('audience: must be end-user or admin');
  for (const field of ['symptoms', 'keywords', 'codes', 'related'] as const) {
    const value = fm[field];
    if (value !== undefined && (!Array.isArray(value) || stringList(value).length !== value.length)) {
      fail(`${field}: every item must be a string (quote numbers such as '911')`);
    }
  }
  const symptoms = stringList(fm.symptoms);
  if (symptoms.length < 3 || symptoms.length > 8) fail(`symptoms: has ${symptoms.length}, want 3-8`);
  stringList(fm.codes).forEach(
    (code, i) => parseCodeRef(code) || fail(`codes[${i}]: '${code}' is not 'SIP NNN' or 'Q850 N'`),
  );
  stringList(fm.related).forEach((id, i) => ids.has(id) || fail(`related[${i}]: no article '${id}'`));

  const checks = [...body.matchAll(/<Check\b([^>]*)>/g)].map((m) => m[1] ?? '');
  if (checks.length < 2) fail(`has ${checks.length} <Check>, want at least 2`);
  checks.forEach((attributes, i) => {
    if (!/\btitle="[^"]{5,}"/.test(attributes)) fail(`<Check> ${i + 1} has no title="..."`);
    if (!/\bexpect="[^"]{5,}"/.test(attributes)) fail(`<Check> ${i + 1} has no expect="..."`);
  });
  if ((body.match(/<Steps>/g) ?? []).length !== 1) fail('wrap the checks in exactly one <Steps>');
  if ((body.match(/<Escalate>/g) ?? []).length !== 1) fail('needs exactly one <Escalate>');
  if (!/<Escalate>\s*\n\s*\n?- /.test(body)) fail('<Escalate> should hold a Markdown list of what to collect');
  for (const heading of ['## Check, in this order', '## Fix', '## Still not working?']) {
    if (!body.includes(`\n${heading}\n`)) fail(`missing the heading '${heading}'`);
  }
  if (/^import\s/m.test(body)) fail('do not import in an article: the components are provided');
  const escalate = /<Escalate>([\s\S]*?)<\/Escalate>/.exec(body)?.[1] ?? '';
  if (escalate.includes('/support/new/')) fail('do not write the ticket link in <Escalate>: it adds its own');
  for (const link of body.matchAll(/\]\(\/kb\/([a-z0-9-]+\/[a-z0-9-]+)\/\)/g)) {
    if (link[1] && !ids.has(link[1])) fail(`links to /kb/${link[1]}/, which does not exist`);
  }
  return out;
}

describe('playbooks in content/articles', () => {
  it('has at least 24 published playbooks', () => {
    expect(articles.filter((a) => a.frontmatter.draft !== true).length).toBeGreaterThanOrEqual(24);
  });

  it('keeps every article in a known category folder', () => {
    expect(articles.map((a) => a.folder).filter((folder) => !categories.includes(folder))).toEqual([]);
  });

  it('has the six starter playbooks the site links to', () => {
    const starters = [
      'registration/phone-wont-register',
      'outbound-calls/cant-make-outbound-calls',
      'caller-id/caller-id-name-shows-number',
      'porting/port-a-number-to-us',
      'porting/port-a-number-away',
      'voicemail/voicemail-not-delivered-to-email',
    ];
    expect(starters.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('follows the article format in every file', () => {
    expect(articles.flatMap(problems)).toEqual([]);
  });

  it('gives every article a title no other article has', () => {
    const titles = articles.map((a) => String(a.frontmatter.title).toLowerCase());
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  it('renders support-policy numbers from the policy file, never a copy of them', () => {
    const policy = articles.find((a) => a.id === 'support/priorities-and-response-times');
    expect(policy?.body).toContain('<SupportPolicyTable />');
    expect(policy?.body).not.toMatch(/\d+\s*(h|hours?|minutes?|min|business days?)\b/i);
    const afterHours = articles.find((a) => a.id === 'support/after-hours-emergencies');
    expect(afterHours?.body).toContain('<SupportContacts />');
  });
});

describe('the format check itself', () => {
  const good = articles.find((a) => a.id === 'registration/phone-wont-register')!;

  it('passes a good article', () => {
    expect(problems(good)).toEqual([]);
  });

  it('flags a wrong folder, too few symptoms, a numeric keyword and a missing escalation', () => {
    const broken: ArticleFile = {
      ...good,
      frontmatter: { ...good.frontmatter, category: 'fax', symptoms: ['one', 'two'], keywords: [911] },
      body: good.body.replace(/<Escalate>[\s\S]*<\/Escalate>/, ''),
    };
    const messages = problems(broken).map((m) => m.replace(`${good.file}: `, ''));
    expect(messages).toEqual(
      expect.arrayContaining([
        "category: 'fax' is not the folder 'registration'",
        'symptoms: has 2, want 3-8',
        "keywords: every item must be a string (quote numbers such as '911')",
        'needs exactly one <Escalate>',
      ]),
    );
  });
});
