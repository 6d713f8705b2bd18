// The benchmark corpus written out, pure: one article model as our playbook MDX (frontmatter the content module
// checks, the playbook components) and as a Starlight docs page (Starlight's frontmatter and components) with
// the same text; and the code reference rewritten so every code lists exactly the generated articles citing it.
import type { CodesByCategory, CorpusArticle } from './corpus.ts';

const quote = (text: string) => JSON.stringify(text); // a JSON string is a YAML double-quoted scalar
const fence = (code: { lang: string; text: string }) => `\`\`\`${code.lang}\n${code.text}\n\`\`\``;

/** content/articles/<id>.mdx in our format. */
export function playbookText(a: CorpusArticle): string {
  const list = (xs: string[]) => `[${xs.map(quote).join(', ')}]`;
  const checks = a.checks.map((c) =>
    [
      `<Check title=${quote(c.title)} expect=${quote(c.expect)}>`,
      c.body,
      ...(c.code ? [fence(c.code)] : []),
      '</Check>',
    ].join('\n\n'),
  );
  return [
    '---',
    `title: ${quote(a.title)}`,
    `summary: ${quote(a.summary)}`,
    `category: ${a.category}`,
    `audience: ${a.audience}`,
    'symptoms:',
    ...a.symptoms.map((s) => `  - ${quote(s)}`),
    `codes: ${list(a.codes)}`,
    `keywords: ${list(a.keywords)}`,
    `related: ${list(a.related)}`,
    '---',
    '',
    a.intro,
    '',
    '## Check, in this order',
    '',
    '<Steps>',
    '',
    checks.join('\n\n'),
    '',
    '</Steps>',
    '',
    '## Fix',
    '',
    a.fix.map((f, i) => `${i + 1}. ${f}`).join('\n'),
    ...(a.seeAlso ? ['', `If this did not help, see [${a.seeAlso.title}](/kb/${a.seeAlso.id}/).`] : []),
    '',
    '## Still not working?',
    '',
    '<Escalate>',
    '',
    a.collect.map((c) => `- ${c}`).join('\n'),
    '',
    '</Escalate>',
    '',
  ].join('\n');
}

/** src/content/docs/kb/<id>.mdx for Starlight: the same text, with Starlight's <Steps> and <Aside>. */
export function starlightDocText(a: CorpusArticle): string {
  const indent = (text: string) => text.replace(/\n(?=.)/g, '\n   ');
  const steps = a.checks.map((c) =>
    [`1. **${c.title}**`, indent(c.body), ...(c.code ? [indent(fence(c.code))] : []), `Good result: ${c.expect}`].join(
      '\n\n   ',
    ),
  );
  return [
    '---',
    `title: ${quote(a.title)}`,
    `description: ${quote(a.summary)}`,
    '---',
    '',
    "import { Aside, Steps } from '@astrojs/starlight/components';",
    '',
    a.intro,
    '',
    `You may see: ${a.symptoms.join('; ')}.${a.codes.length ? ` Codes: ${a.codes.join(', ')}.` : ''}`,
    '',
    '## Check, in this order',
    '',
    '<Steps>',
    '',
    steps.join('\n\n'),
    '',
    '</Steps>',
    '',
    '## Fix',
    '',
    a.fix.map((f, i) => `${i + 1}. ${f}`).join('\n'),
    ...(a.seeAlso ? ['', `If this did not help, see [${a.seeAlso.title}](/kb/${a.seeAlso.id}/).`] : []),
    '',
    '## Still not working?',
    '',
    '<Aside type="caution" title="Before you open a ticket, collect">',
    '',
    a.collect.map((c) => `- ${c}`).join('\n'),
    '',
    '</Aside>',
    '',
  ].join('\n');
}

interface CodesFile {
  sip: { code: number; articles: string[] }[];
  q850: { cause: number; articles: string[] }[];
}

/** Which codes the real code reference ties to each category (from the ids of the articles it lists). */
export function codesByCategory(codes: CodesFile): CodesByCategory {
  const out: CodesByCategory = {};
  const add = (ref: string, ids: string[]) => {
    for (const id of ids) {
      const category = id.split('/')[0]!;
      if (!(out[category] ??= []).includes(ref)) out[category].push(ref);
    }
  };
  for (const e of codes.sip) add(`SIP ${e.code}`, e.articles);
  for (const e of codes.q850) add(`Q850 ${e.cause}`, e.articles);
  return out;
}

/** The code reference for the corpus: each code lists the articles citing it; a code none cites is left out. */
export function corpusCodes<T extends CodesFile>(codes: T, articles: readonly CorpusArticle[]): T {
  const citing = (ref: string) => articles.filter((a) => a.codes.includes(ref)).map((a) => a.id);
  return {
    ...codes,
    sip: codes.sip.map((e) => ({ ...e, articles: citing(`SIP ${e.code}`) })).filter((e) => e.articles.length),
    q850: codes.q850.map((e) => ({ ...e, articles: citing(`Q850 ${e.cause}`) })).filter((e) => e.articles.length),
  };
}
