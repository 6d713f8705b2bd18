// The benchmark corpus generator: the same seed writes the same corpus, and what it writes is valid content for
// our site (the content module's checks, codes in step with the code reference) and the same text for Starlight.
import { describe, expect, it } from 'vitest';
import { readContentTexts } from '../../../src/content-io.ts';
import { checkContent } from '../../../src/lib/content/index.ts';
import { generateCorpus, prng } from '../../../scripts/bench/corpus.ts';
import { codesByCategory, corpusCodes, playbookText, starlightDocText } from '../../../scripts/bench/corpus-format.ts';

const ROOT = 'test/fixtures/content-good';
const fixture = readContentTexts(ROOT);
const codes = JSON.parse(fixture.codes!.text);
const byCategory = codesByCategory(codes);

describe('generateCorpus', () => {
  it('writes the same articles for the same seed, and others for another seed', () => {
    const a = generateCorpus(7, 120, byCategory).map(playbookText);
    expect(generateCorpus(7, 120, byCategory).map(playbookText)).toEqual(a);
    const b = generateCorpus(8, 120, byCategory).map(playbookText);
    expect(b).not.toEqual(a);
  });

  it('gives every article a unique id and title, 3 to 8 symptoms and related articles written before it', () => {
    const articles = generateCorpus(1, 600, byCategory);
    expect(new Set(articles.map((a) => a.id)).size).toBe(600);
    expect(new Set(articles.map((a) => a.title)).size).toBe(600);
    const seen = new Set<string>();
    for (const article of articles) {
      expect(article.symptoms.length).toBeGreaterThanOrEqual(3);
      expect(article.symptoms.length).toBeLessThanOrEqual(8);
      for (const id of article.related) expect(seen).toContain(id);
      seen.add(article.id);
    }
  });

  it('only cites codes the code reference ties to the article category', () => {
    const articles = generateCorpus(3, 300, byCategory);
    expect(articles.some((a) => a.codes.length > 0)).toBe(true);
    for (const a of articles) for (const code of a.codes) expect(byCategory[a.category]).toContain(code);
  });
});

describe('the corpus in our format', () => {
  it('passes every content check, with a code reference in step with the articles', () => {
    const articles = generateCorpus(11, 450, byCategory);
    const check = checkContent({
      ...fixture,
      troubleshooters: [],
      codes: { file: `${ROOT}/codes.json`, text: JSON.stringify(corpusCodes(codes, articles)) },
      articles: articles.map((a) => ({ id: a.id, file: `${ROOT}/articles/${a.id}.mdx`, text: playbookText(a) })),
    });
    expect(check.errors).toEqual([]);
    expect(check.data.articles).toHaveLength(450);
  });

  it('fails the check when the code reference is the shipped one (so the check above can fail)', () => {
    const articles = generateCorpus(11, 450, byCategory);
    const check = checkContent({
      ...fixture,
      troubleshooters: [],
      articles: articles.map((a) => ({ id: a.id, file: `${ROOT}/articles/${a.id}.mdx`, text: playbookText(a) })),
    });
    expect(check.errors.some((e) => e.includes('codes.json'))).toBe(true);
  });
});

describe('the corpus for Starlight', () => {
  it('holds the same title, summary, checks and fixes, with Starlight frontmatter and components', () => {
    for (const article of generateCorpus(5, 40, byCategory)) {
      const text = starlightDocText(article);
      expect(text).toMatch(/^---\ntitle: ".+"\ndescription: ".+"\n---\n/);
      expect(text).toContain("import { Aside, Steps } from '@astrojs/starlight/components';");
      expect(text).toContain(JSON.stringify(article.title));
      expect(text).toContain(JSON.stringify(article.summary));
      for (const check of article.checks) expect(text).toContain(`**${check.title}**`);
      for (const fix of article.fix) expect(text).toContain(fix);
      for (const item of article.collect) expect(text).toContain(`- ${item}`);
    }
  });
});

describe('prng', () => {
  it('repeats its sequence for a seed, in [0, 1)', () => {
    const a = prng(42);
    const b = prng(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
