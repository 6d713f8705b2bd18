// The playbook `npm run new:article` writes passes the content module's checks as written, beside the fixture's
// articles, with its codes added to codes.json.
import { describe, expect, it } from 'vitest';
import { readContentTexts } from '../../../src/content-io.ts';
import {
  articleSkeleton,
  codesTextWithArticle,
  findCodes,
  newArticleId,
  type NewArticle,
} from '../../../src/lib/articles/skeleton.ts';
import { validateCodesText } from '../../../src/lib/codes/validate.ts';
import { checkContent } from '../../../src/lib/content/index.ts';

const ROOT = 'test/fixtures/content-good';
const fixture = readContentTexts(ROOT);
const codesText = fixture.codes!.text;
const codes = (() => {
  const result = validateCodesText(codesText, 'codes.json');
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.codes;
})();

/** checkContent over the fixture plus the new article (and codes.json as new:article leaves it). */
function checkWith(article: NewArticle) {
  const id = newArticleId(article);
  const found = findCodes(codes, article.codes);
  if (!found.ok) throw new Error(`unknown codes: ${found.unknown.join(', ')}`);
  const check = checkContent({
    ...fixture,
    articles: [...fixture.articles, { id, file: `${ROOT}/articles/${id}.mdx`, text: articleSkeleton(article) }],
    codes: { ...fixture.codes!, text: codesTextWithArticle(codesText, found.paths, id, codes) },
  });
  return { id, check };
}

const faxArticle: NewArticle = {
  title: 'Faxes to e-mail stopped arriving',
  category: 'fax',
  audience: 'end-user',
  symptoms: ['fax email missing', 'no fax emails', 'faxes not in inbox'],
  codes: [],
};

describe('articleSkeleton', () => {
  it('passes every content check as written, with no TODO in it', () => {
    const { id, check } = checkWith(faxArticle);
    expect(id).toBe('fax/faxes-to-e-mail-stopped-arriving');
    expect(check.errors).toEqual([]);
    const written = check.data.articles.find((a) => a.id === id)!;
    expect(written.data).toMatchObject({ title: faxArticle.title, category: 'fax', audience: 'end-user' });
    expect(written.data.summary).not.toMatch(/todo/i);
    expect(articleSkeleton(faxArticle)).not.toMatch(/todo|tbd|lorem/i);
  });

  it('passes with codes once they are added to codes.json, and keeps titles YAML would misread', () => {
    const { id, check } = checkWith({
      title: "*97: voicemail won't answer, 100% of the time",
      category: 'voicemail',
      audience: 'admin',
      symptoms: ['*97 does nothing', 'voicemail: no answer', "won't pick up"],
      codes: ['SIP 403'],
      slug: 'star-97-no-answer',
    });
    expect(id).toBe('voicemail/star-97-no-answer');
    expect(check.errors).toEqual([]);
    const written = check.data.articles.find((a) => a.id === id)!;
    expect(written.data.title).toBe("*97: voicemail won't answer, 100% of the time");
    expect(written.data.symptoms[0]).toBe('*97 does nothing');
    expect(check.data.codes?.sip[0]?.articles.at(-1)).toBe(id);
  });

  it('fails the checks when the codes are not added to codes.json: the edit is what makes it pass', () => {
    const article = { ...faxArticle, codes: ['SIP 403'] };
    const id = newArticleId(article);
    const check = checkContent({
      ...fixture,
      articles: [...fixture.articles, { id, file: `${ROOT}/articles/${id}.mdx`, text: articleSkeleton(article) }],
    });
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]).toContain(`codes[0]: lists 'SIP 403' but`);
  });
});

describe('findCodes and codesTextWithArticle', () => {
  it('says which codes are not in codes.json and which are not codes', () => {
    expect(findCodes(codes, ['SIP 403', 'SIP 486', 'sip 4xx'])).toEqual({
      ok: false,
      unknown: ['SIP 486'],
      malformed: ['sip 4xx'],
    });
    expect(findCodes(codes, ['SIP 403'])).toEqual({ ok: true, paths: ['sip[0]'] });
  });

  it('appends the article to the code once and leaves the rest of the file as it was', () => {
    const once = codesTextWithArticle(codesText, ['sip[0]'], 'fax/new', codes);
    expect(once).toContain('"fax/new"');
    expect(once.replace(/,?\s*"fax\/new"/, '').replace(/\s+/g, '')).toBe(codesText.replace(/\s+/g, ''));
    expect(codesTextWithArticle(codesText, ['sip[0]'], 'registration/phone-wont-register', codes)).toBe(codesText);
  });
});
