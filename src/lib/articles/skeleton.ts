// The playbook `npm run new:article` writes: frontmatter from the writer's answers and a body in the shape every
// playbook has (three headings, <Steps> with two <Check>, <Escalate> with a list), so it passes
// `npm run check:content` as written and the writer replaces the placeholder steps with real ones.
import { applyEdits, modify } from 'jsonc-parser';
import { stringify } from 'yaml';
import { formatCodeRef, parseCodeRef, refOf, type CodeEntry } from '../codes/refs.ts';
import type { CodeReference } from '../codes/schema.ts';
import type { Audience } from './categories.ts';
import { PLAYBOOK_HEADINGS } from './body.ts';
import { slugify } from './slug.ts';

export interface NewArticle {
  /** the problem as the customer says it: "My phone won't register" */
  title: string;
  category: string;
  audience: Audience;
  /** 3 to 8 phrases customers type */
  symptoms: readonly string[];
  /** 'SIP 403', 'Q850 3': each must be in codes.json */
  codes: readonly string[];
  /** default: from the title */
  slug?: string;
}

/** `<category>/<slug>`: the article's id, its path under the articles folder and its URL under /kb/. */
export function newArticleId(article: Pick<NewArticle, 'title' | 'category' | 'slug'>): string {
  return `${article.category}/${article.slug || slugify(article.title)}`;
}

/** A YAML scalar, quoted only when YAML needs it (`'*97'`, `'a: b'`). */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** The summary until the writer writes their own: a real sentence about the article, not a placeholder. */
export function defaultSummary(title: string): string {
  return `What to check, in order, when "${title.replace(/[.!?]+$/, '')}", and what to send us if that does not fix it.`;
}

/** The MDX text of a new playbook. */
export function articleSkeleton(article: NewArticle): string {
  const list = (items: readonly string[]) => items.map((item) => `  - ${scalar(item)}`).join('\n');
  const frontmatter = [
    '---',
    `title: ${scalar(article.title)}`,
    `summary: ${scalar(defaultSummary(article.title))}`,
    `category: ${article.category}`,
    `audience: ${article.audience}`,
    'symptoms:',
    list(article.symptoms),
    `codes: [${article.codes.map((c) => `'${c}'`).join(', ')}]`,
    '---',
  ];
  const [check, fix, escalate] = PLAYBOOK_HEADINGS;
  const body = `
{/* Write for the customer who typed the title. MDX comments like this one are not shown on the page. */}

One or two sentences: what the customer sees, and what this article gets working again.

${check}

<Steps>

<Check title="Is the first thing to check set as it should be?" expect="What the customer sees when this check passes.">

Where to look and what to compare, in the customer's words. The quickest and most likely check comes first.

</Check>

<Check title="Does the next most likely cause check out?" expect="What the customer sees when this check passes.">

Where to look and what to compare.

</Check>

</Steps>

${fix}

What to change once a check has found the cause, and how to confirm it worked.

${escalate}

<Escalate>

- What support needs to look into it, e.g. the time of a failed call.
- The number or the device it happens on.

</Escalate>
`;
  return `${frontmatter.join('\n')}\n${body}`;
}

export type CodeLookup = { ok: true; paths: string[] } | { ok: false; unknown: string[]; malformed: string[] };

/** Where each code sits in codes.json (`sip[3]`), or which are not written as codes or not in it. */
export function findCodes(codes: CodeReference, refs: readonly string[]): CodeLookup {
  const at = new Map<string, string>();
  const add = (kind: 'sip' | 'q850', entries: readonly CodeEntry[]) =>
    entries.forEach((entry, i) => at.set(formatCodeRef(refOf(entry)), `${kind}[${i}]`));
  add('sip', codes.sip);
  add('q850', codes.q850);
  const malformed = refs.filter((r) => !parseCodeRef(r));
  const unknown = refs.filter((r) => parseCodeRef(r) && !at.has(formatCodeRef(parseCodeRef(r)!)));
  if (malformed.length > 0 || unknown.length > 0) return { ok: false, unknown, malformed };
  return { ok: true, paths: refs.map((r) => at.get(formatCodeRef(parseCodeRef(r)!))!) };
}

/**
 * codes.json's text with the article added at the end of each given code's `articles` (a code page and the
 * articles it lists must agree), the rest of the file as it was. `paths` come from `findCodes`.
 */
export function codesTextWithArticle(text: string, paths: readonly string[], id: string, codes: CodeReference): string {
  let out = text;
  for (const path of paths) {
    const match = /^(sip|q850)\[(\d+)\]$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const kind = match[1] as 'sip' | 'q850';
    const index = Number(match[2]);
    const entry = codes[kind][index];
    if (!entry || entry.articles.includes(id)) continue;
    const edits = modify(out, [kind, index, 'articles', entry.articles.length], id, {
      isArrayInsertion: true,
      formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
    });
    out = applyEdits(out, edits);
  }
  return out;
}
