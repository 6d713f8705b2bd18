// The benchmark corpus, pure: a seed and a count give the same N playbooks every time (a seeded PRNG, no clock,
// no I/O), written twice from one model: in our format (content/articles/<category>/<slug>.mdx, passing the
// content module's checks, with a codes.json in step with them) and as a Starlight docs collection
// (src/content/docs/kb/<category>/<slug>.mdx) holding the same text, so both sites build the same knowledge base.
import { categoryWords, checks, collect, contexts, devices, fixes, hosts, sites } from './corpus-words.ts';

export interface CorpusCheck {
  title: string;
  expect: string;
  body: string;
  code?: { lang: string; text: string };
}

export interface CorpusArticle {
  /** `<category>/<slug>` */
  id: string;
  category: string;
  title: string;
  summary: string;
  audience: 'end-user' | 'admin';
  symptoms: string[];
  codes: string[];
  keywords: string[];
  related: string[];
  intro: string;
  checks: CorpusCheck[];
  fix: string[];
  /** A sentence linking to the first related article by its title, when there is one. */
  seeAlso?: { id: string; title: string };
  collect: string[];
}

/** The code references (`SIP 403`, `Q850 3`) the real code reference ties to each category's articles. */
export type CodesByCategory = Record<string, string[]>;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "My phone ..." -> "my phone ...", but "ATA fax line ..." stays as written. */
const lowerFirst = (text: string) => (/^[A-Z][a-z']/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/['"’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Generates `count` articles over the categories of `categoryWords`, in round-robin order. */
export function generateCorpus(seed: number, count: number, codesByCategory: CodesByCategory): CorpusArticle[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const some = <T>(xs: readonly T[], min: number, max: number): T[] => {
    const pool = [...xs];
    const n = Math.min(pool.length, min + Math.floor(random() * (max - min + 1)));
    return Array.from({ length: n }, () => pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  };
  const categories = Object.keys(categoryWords);
  const titles = new Set<string>();
  const byCategory = new Map<string, CorpusArticle[]>();
  const articles: CorpusArticle[] = [];
  for (let i = 0; i < count; i++) {
    const category = categories[i % categories.length]!;
    const words = categoryWords[category]!;
    const device = pick(devices);
    let title = '';
    for (let attempt = 0; attempt < 20 && (!title || titles.has(title)); attempt++) {
      title = `${pick(words.problems)} ${pick([`on the ${device}`, pick(contexts)])} ${pick(sites)}`;
    }
    // The combinations ran out: still unique, still under the 90 characters a title may have.
    if (titles.has(title)) title = `${pick(words.problems)} (case ${i})`;
    titles.add(title);
    const cause = pick(words.causes);
    // One server, port and extension per article, so its checks, expectations and code blocks agree.
    const host = pick(hosts);
    const port = pick(['5060', '5061', '5080']);
    const ext = String(100 + Math.floor(random() * 900));
    const fill = (text: string) =>
      text
        .replaceAll('{device}', device)
        .replaceAll('{host}', host)
        .replaceAll('{port}', port)
        .replaceAll('{ext}', ext)
        .replaceAll('{cause}', cause);
    const earlier = byCategory.get(category) ?? [];
    const related = some(earlier.slice(-20), 0, 3).map((a) => a.id);
    const first = related[0] && earlier.find((a) => a.id === related[0]);
    const codes = random() < 0.4 ? some([...new Set(codesByCategory[category] ?? [])], 1, 3) : [];
    const article: CorpusArticle = {
      id: `${category}/${slugify(title)}`,
      category,
      title,
      summary: `What to check when ${lowerFirst(title)}: most often ${cause}.`.slice(0, 200),
      audience: random() < 0.5 ? 'end-user' : 'admin',
      symptoms: some(words.symptoms, 3, Math.min(8, words.symptoms.length)),
      codes,
      keywords: some(words.keywords, 1, 4),
      related,
      intro:
        `When ${lowerFirst(title)}, the cause is most often ${cause}. ` +
        `Work through the checks below in order: each takes a few minutes, and the first ones rule out what ` +
        `we see most with ${device}. ${fill('Keep extension {ext} and the times of the failed attempts at hand.')}`,
      checks: some(checks, 2, 5).map((c) => ({
        title: fill(c.title),
        expect: fill(c.expect),
        body: fill(c.body),
        ...(c.code && { code: { lang: c.code.lang, text: fill(c.code.text) } }),
      })),
      fix: some(fixes, 2, 5).map(fill),
      ...(first && { seeAlso: { id: first.id, title: first.title } }),
      collect: some(collect, 3, 5),
    };
    articles.push(article);
    earlier.push(article);
    byCategory.set(category, earlier);
  }
  return articles;
}
