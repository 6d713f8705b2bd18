// Writes the benchmark corpus to disk: a content root for our site (the shipped content's policy, incidents,
// synonyms and schemas, the generated playbooks, and a codes.json in step with them) and the docs folder of a
// Starlight project, from the same generated articles.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus, type CorpusArticle } from './corpus.ts';
import { codesByCategory, corpusCodes, playbookText, starlightDocText } from './corpus-format.ts';

/** The corpus for `seed` and `count`, with the code reference of `sourceRoot` (the shipped content/). */
export function corpusFrom(sourceRoot: string, seed: number, count: number) {
  const codes = JSON.parse(readFileSync(path.join(sourceRoot, 'codes.json'), 'utf8'));
  const articles = generateCorpus(seed, count, codesByCategory(codes));
  return { articles, codes: corpusCodes(codes, articles) };
}

/** A content root at `root` holding only the corpus's articles. */
export function writeOurContent(root: string, sourceRoot: string, corpus: ReturnType<typeof corpusFrom>): void {
  mkdirSync(root, { recursive: true });
  for (const file of ['incidents.json', 'support-policy.json', 'search-synonyms.json', 'schemas']) {
    cpSync(path.join(sourceRoot, file), path.join(root, file), { recursive: true });
  }
  writeFileSync(path.join(root, 'codes.json'), `${JSON.stringify(corpus.codes, null, 2)}\n`);
  writeArticles(path.join(root, 'articles'), corpus.articles, playbookText);
}

/** The Starlight project's docs: a splash home page and one page per article under kb/. */
export function writeStarlightDocs(docsDir: string, articles: readonly CorpusArticle[]): void {
  mkdirSync(docsDir, { recursive: true });
  writeFileSync(
    path.join(docsDir, 'index.mdx'),
    [
      '---',
      'title: Example Voice Support',
      'description: Troubleshooting playbooks.',
      'template: splash',
      '---',
      '',
      'Search the knowledge base, or browse the categories in the sidebar.',
      '',
    ].join('\n'),
  );
  writeArticles(path.join(docsDir, 'kb'), articles, starlightDocText);
}

function writeArticles(dir: string, articles: readonly CorpusArticle[], text: (a: CorpusArticle) => string) {
  for (const article of articles) {
    const file = path.join(dir, `${article.id}.mdx`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text(article));
  }
}
